package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.core.ConnectionCheck.Outcome;
import org.stageboard.core.KeyFileState;
import org.stageboard.testing.EncryptedKeys;

/**
 * The wizard's engine checks against the in-process SSH server: a host that is not saved shows its
 * key, is trusted only on the explicit call, then the connection test logs in, writes the base
 * folder, reads the free space and reports port forwarding (allowed, and refused by the server);
 * a key with a passphrase is recognised and logs in with it.
 */
class ConnectionTestTest extends EngineTestBase {

    @Test
    void anUnsavedHostIsTrustedOnlyOnTheExplicitCallThenEveryCheckPasses() throws Exception {
        HostKeyCheck seen = engine.checkHostKey(server.address(), server.port());
        assertThat(seen.status()).isEqualTo(HostKeyCheck.Status.UNKNOWN);
        assertThat(seen.fingerprint()).isEqualTo(server.hostKeyFingerprint());

        String base = server.baseDir().resolve("apps/stageboard").toString();
        List<ConnectionCheck> before = engine.testConnection(server.address(), server.port(), server.user(), server.clientKey(), null, base);
        assertThat(before.get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(before.get(0).detail()).contains(server.hostKeyFingerprint()).contains("not trusted yet");
        assertThat(before.subList(1, 5)).allMatch(c -> c.outcome() == Outcome.SKIPPED);
        assertThat(Files.exists(Path.of(base))).isFalse();

        assertThatThrownBy(() -> engine.trustHostKey(server.address(), server.port(), "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .hasMessageContaining("Not trusted");
        HostKeyCheck trusted = engine.trustHostKey(server.address(), server.port(), seen.fingerprint());
        assertThat(trusted.status()).isEqualTo(HostKeyCheck.Status.TRUSTED);
        assertThat(engine.hosts()).as("trusting writes known_hosts, not the catalog").isEmpty();

        List<ConnectionCheck> checks = engine.testConnection(server.address(), server.port(), server.user(), server.clientKey(), null, base);
        assertThat(checks).extracting(ConnectionCheck::what).containsExactly("host key", "login", "base folder", "free space", "port forwarding");
        assertThat(checks).allMatch(ConnectionCheck::ok, "all pass: " + checks);
        assertThat(checks.get(2).detail()).contains(base);
        assertThat(checks.get(3).detail()).matches(".*\\d+ [MG]B free in .*");
        assertThat(checks.get(4).outcome()).isEqualTo(Outcome.OK);
        assertThat(Files.isDirectory(Path.of(base))).as("the base folder was created").isTrue();
        try (var left = Files.list(Path.of(base))) {
            assertThat(left).as("the probe file is removed").isEmpty();
        }
    }

    @Test
    void forwardingRefusedByTheServerIsReportedWithWhatToDo() {
        engine.trustHostKey(server.address(), server.port(), server.hostKeyFingerprint());
        server.setForwardingAllowed(false);
        List<ConnectionCheck> checks = engine.testConnection(server.address(), server.port(), server.user(), server.clientKey(), null,
                server.baseDir().toString());
        ConnectionCheck forwarding = checks.get(4);
        assertThat(forwarding.what()).isEqualTo("port forwarding");
        assertThat(forwarding.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(forwarding.detail()).contains("refused").contains("AllowTcpForwarding");
        assertThat(checks.get(1).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aRefusedKeyAndAFolderThatCannotBeWrittenFail() throws Exception {
        engine.trustHostKey(server.address(), server.port(), server.hostKeyFingerprint());
        List<ConnectionCheck> refused = engine.testConnection(server.address(), server.port(), server.user(), server.newUnauthorizedKey(),
                null, server.baseDir().toString());
        assertThat(refused.get(1).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.get(1).detail()).contains("was refused").contains("authorized_keys");

        Path file = Files.writeString(server.baseDir().resolve("a-file"), "x");
        List<ConnectionCheck> blocked = engine.testConnection(server.address(), server.port(), server.user(), server.clientKey(), null,
                file.resolve("apps").toString());
        assertThat(blocked.get(2).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(blocked.get(2).detail()).startsWith("Cannot create or write " + file.resolve("apps"));
        assertThat(blocked.get(3).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void aKeyWithAPassphraseIsRecognisedAndLogsInOnlyWithIt() throws Exception {
        engine.trustHostKey(server.address(), server.port(), server.hostKeyFingerprint());
        Path encrypted = EncryptedKeys.encryptedCopy(server.clientKey(), "correct horse", tmp.resolve("id_encrypted"));
        assertThat(engine.privateKeyState(server.clientKey())).isEqualTo(KeyFileState.READY);
        assertThat(engine.privateKeyState(encrypted)).isEqualTo(KeyFileState.NEEDS_PASSPHRASE);
        assertThat(engine.privateKeyState(tmp.resolve("nope"))).isEqualTo(KeyFileState.MISSING);
        assertThat(engine.privateKeyState(Files.writeString(tmp.resolve("id.pub"), "ssh-ed25519 AAAA x\n"))).isEqualTo(KeyFileState.NOT_A_KEY);

        String base = server.baseDir().toString();
        List<ConnectionCheck> without = engine.testConnection(server.address(), server.port(), server.user(), encrypted, null, base);
        assertThat(without.get(1).detail()).contains("protected by a passphrase");
        List<ConnectionCheck> wrong = engine.testConnection(server.address(), server.port(), server.user(), encrypted, "wrong".toCharArray(), base);
        assertThat(wrong.get(1).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(wrong.get(1).detail()).contains("passphrase does not open");
        List<ConnectionCheck> right = engine.testConnection(server.address(), server.port(), server.user(), encrypted,
                "correct horse".toCharArray(), base);
        assertThat(right.get(1).outcome()).as(right.toString()).isEqualTo(Outcome.OK);
    }
}
