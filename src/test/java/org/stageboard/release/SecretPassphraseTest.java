package org.stageboard.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.StageboardException;

/** Secrets sealed with a key derived from a passphrase the user chose, instead of the key file. */
class SecretPassphraseTest {

    @TempDir
    Path home;

    @Test
    void aPassphrasesKeySealsAndOnlyThatPassphraseOpens() throws Exception {
        Path keyFile = home.resolve("secret.key");
        Path passFile = home.resolve("secret.passphrase");
        SecretBox box = SecretBox.open(keyFile, passFile, "correct horse battery staple".toCharArray());
        String sealed = box.seal("the value");
        assertThat(sealed).doesNotContain("the value");
        assertThat(Files.exists(keyFile)).as("no key file in passphrase mode").isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passFile))).isEqualTo("rw-------");
        assertThat(Files.readString(passFile)).doesNotContain("correct horse");
        assertThat(SecretBox.usesPassphrase(passFile)).isTrue();

        assertThat(SecretBox.open(keyFile, passFile, "correct horse battery staple".toCharArray()).open(sealed)).isEqualTo("the value");
        assertThatThrownBy(() -> SecretBox.open(keyFile, passFile, "wrong".toCharArray()).open(sealed))
                .isInstanceOf(StageboardException.class).hasMessageContaining("not the one");
        assertThatThrownBy(() -> SecretBox.open(keyFile, passFile, null).seal("x"))
                .isInstanceOf(StageboardException.class).hasMessageContaining("STAGEBOARD_PASSPHRASE");
        // the key file's box cannot open what the passphrase sealed
        assertThatThrownBy(() -> SecretBox.open(home.resolve("other.key")).open(sealed)).hasMessageContaining("does not match");
    }

    @Test
    void withoutAPassphraseTheKeyFileIsUsedAndMadePrivate() throws Exception {
        Path keyFile = home.resolve("secret.key");
        Path passFile = home.resolve("secret.passphrase");
        SecretBox box = SecretBox.open(keyFile, passFile, null);
        String sealed = box.seal("v");
        assertThat(Files.exists(passFile)).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        // once a key file holds the secrets, a passphrase given later does not change the key
        assertThat(SecretBox.open(keyFile, passFile, "later".toCharArray()).open(sealed)).isEqualTo("v");
    }
}
