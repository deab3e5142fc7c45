package org.stageboard.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Event;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.EncryptedKeys;
import org.stageboard.testing.SshTestServer;

/**
 * The Add host dialog's view model without JavaFX running, on a real catalog and real key files
 * (one encrypted with a passphrase): each field is checked as typed with the engine's words, the
 * reason Add host is disabled names the first problem, and saving adds the host (its key not yet
 * trusted) with the passphrase kept in memory, or stored encrypted only when remember is ticked.
 */
class HostAddModelTest {

    @TempDir
    Path temp;

    private Stageboard engine;
    private Path key;

    @BeforeEach
    void open() {
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
        key = SshTestServer.writeClientKey(temp.resolve("id_ed25519"));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void everyFieldIsCheckedAsTypedWithTheEnginesWordsAndTheReasonNamesTheFirstProblem() throws Exception {
        engine.addHost("vps0", "127.0.0.1", 22, "deploy", key, "/srv/stageboard");
        HostAddModel model = new HostAddModel(engine, "me", "");
        assertThat(model.portProperty().get()).isEqualTo("22");
        assertThat(model.userProperty().get()).isEqualTo("me");
        assertThat(model.reason().get()).isEqualTo("Give the host a name, e.g. vps1.");
        assertThatThrownBy(model::save).isInstanceOf(StageboardException.class).hasMessage("Give the host a name, e.g. vps1.");

        model.nameProperty().set("vps/1");
        assertThat(model.reason().get()).contains("cannot contain '/'");
        model.nameProperty().set("VPS 1");
        assertThat(model.reason().get()).as("the engine's words")
                .isEqualTo(catchThrowable(() -> Project.requireSlug("host", "VPS 1")).getMessage());
        model.nameProperty().set("vps0");
        assertThat(model.reason().get()).contains("A host named 'vps0' is already saved");
        model.nameProperty().set("vps1");
        assertThat(model.reason().get()).startsWith("Give the host's name or IP address");

        model.addressProperty().set("127.0.0.1:2222");
        assertThat(model.reason().get()).as("the engine's words").contains("has a port in it").contains("(--port 2222)");
        model.addressProperty().set("127.0.0.1");
        model.portProperty().set("0");
        assertThat(model.reason().get()).isEqualTo("Port 0 is out of range: use 1-65535 (SSH is usually 22).");
        model.portProperty().set("ssh");
        assertThat(model.reason().get()).contains("'ssh' is not a whole number");
        model.portProperty().set("2222");
        model.userProperty().set("root user");
        assertThat(model.reason().get()).contains("not a valid SSH user name");
        model.userProperty().set("deploy");

        assertThat(model.reason().get()).startsWith("Choose the private key file");
        model.key().fileProperty().set(temp.resolve("absent").toString());
        assertThat(model.reason().get()).as("the engine's words")
                .isEqualTo(catchThrowable(() -> engine.inspectKey(temp.resolve("absent"), null)).getMessage());
        Path notes = Files.writeString(temp.resolve("notes.txt"), "hello\n");
        model.key().fileProperty().set(notes.toString());
        assertThat(model.reason().get()).isEqualTo(catchThrowable(() -> engine.inspectKey(notes, null)).getMessage());
        model.key().fileProperty().set(Files.writeString(temp.resolve("id.pub"), "ssh-ed25519 AAAA me\n").toString());
        assertThat(model.reason().get()).contains("is malformed");
        model.key().fileProperty().set(key.toString());
        assertThat(model.key().passphraseAskedProperty().get()).as("a key without a passphrase").isFalse();

        assertThat(model.reason().get()).startsWith("Give the base folder");
        model.baseDirProperty().set("srv/apps");
        assertThat(model.reason().get()).contains("must be an absolute path");
        model.baseDirProperty().set("/srv/stageboard");
        assertThat(model.reason().get()).isEmpty();

        Host added = model.save();
        assertThat(added.name()).isEqualTo("vps1");
        assertThat(added.display()).isEqualTo("deploy@127.0.0.1:2222");
        assertThat(added.privateKey()).isEqualTo(key);
        assertThat(added.baseDir()).isEqualTo("/srv/stageboard");
        assertThat(added.hostKeyFingerprint()).as("trusted in the next step, not here").isNull();
        Event event = EngineAccess.catalog(engine).events().recent(5).stream().filter(e -> e.action().equals("host.add")
                && e.subject().equals("host:vps1")).findFirst().orElseThrow();
        assertThat(event.outcome()).isEqualTo("ok");
        assertThat(new HostAddModel(engine, "me", key.toString()).nameProblem("vps1")).hasValueSatisfying(m -> assertThat(m).contains("already saved"));
    }

    @Test
    void anEncryptedKeysPassphraseIsCheckedAsTypedAndStoredOnlyWhenRememberIsTicked() {
        Path encrypted = EncryptedKeys.encryptedCopy(key, "open sesame", temp.resolve("id_enc"));
        for (boolean remember : new boolean[] {false, true}) {
            HostAddModel model = new HostAddModel(engine, "deploy", encrypted.toString());
            model.nameProperty().set(remember ? "vps2" : "vps1");
            model.addressProperty().set("127.0.0.1");
            model.baseDirProperty().set("/srv/stageboard");
            assertThat(model.key().passphraseAskedProperty().get()).isTrue();
            assertThat(model.key().rememberProperty().get()).as("never stored unless ticked").isFalse();
            assertThat(model.reason().get()).contains("protected by a passphrase").contains("never stored unless");

            model.key().passphraseProperty().set("open sesam");
            assertThat(model.reason().get()).startsWith("Checking the passphrase");
            model.key().passphraseChecked("open sesam", model.key().checkPassphrase("open sesam"));
            assertThat(model.reason().get()).as("the engine's words for a wrong passphrase").contains("passphrase")
                    .isEqualTo(catchThrowable(() -> engine.inspectKey(encrypted, "open sesam".toCharArray())).getMessage());
            model.key().passphraseChecked("stale", java.util.Optional.empty());
            assertThat(model.reason().get()).as("an answer about another passphrase is ignored").contains("passphrase");

            model.key().passphraseProperty().set("open sesame");
            assertThat(model.reason().get()).startsWith("Checking the passphrase");
            model.key().passphraseChecked("open sesame", model.key().checkPassphrase("open sesame"));
            assertThat(model.reason().get()).isEmpty();
            model.key().rememberProperty().set(remember);

            Host host = model.save();
            assertThat(engine.keyNeedsPassphrase(host)).as("unlocked for this engine").isFalse();
            assertThat(engine.keyPassphraseStored(host)).isEqualTo(remember);
            model.key().clear();
            assertThat(model.key().passphraseProperty().get()).isEmpty();
        }
        engine.close();
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
        assertThat(engine.keyNeedsPassphrase(engine.host("vps1"))).as("not stored: asked again in the next session").isTrue();
        assertThat(engine.keyNeedsPassphrase(engine.host("vps2"))).as("stored encrypted: known in the next session").isFalse();
    }

    @Test
    void choosingAKeyWithoutAPassphraseHidesThePassphraseAgain() {
        Path encrypted = EncryptedKeys.encryptedCopy(key, "open sesame", temp.resolve("id_enc"));
        HostAddModel model = new HostAddModel(engine, "deploy", "");
        assertThat(model.key().passphraseAskedProperty().get()).isFalse();
        model.key().fileProperty().set(encrypted.toString());
        assertThat(model.key().passphraseAskedProperty().get()).isTrue();
        model.key().passphraseProperty().set("typed");
        model.key().fileProperty().set(key.toString());
        assertThat(model.key().passphraseAskedProperty().get()).isFalse();
        assertThat(model.key().passphraseProblem("typed")).isEmpty();
        assertThat(model.key().passphraseChars()).as("not passed on for a key that has none").isNull();
    }
}
