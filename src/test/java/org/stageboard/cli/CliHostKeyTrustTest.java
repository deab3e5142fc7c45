package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.cli.CliHarness.Result;
import org.stageboard.testing.SshTestServer;

/**
 * host trust, host check and status in front of a host whose key is not the pinned one, and a
 * fingerprint that is not one: what a new user is told (found by the second new-user trial).
 */
class CliHostKeyTrustTest {

    @TempDir
    Path tmp;

    private CliHarness h;

    @BeforeEach
    void setUp() {
        h = CliHarness.start(tmp).withStagingV1(40);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aChangedKeyIsCalledChangedByTrustAndStatusNamesTheHostsTrustCommand() throws Exception {
        try (SshTestServer impostor = SshTestServer.start(tmp.resolve("impostor"))) {
            // the pinned key is now another server's: to Stageboard, vps1 presents a changed key
            String impostorKey = Files.readString(impostor.knownHosts()).strip().split(" ", 2)[1];
            Files.writeString(h.home.knownHosts(), "[127.0.0.1]:" + h.server.port() + " " + impostorKey + "\n");

            Result trust = h.cli("host", "trust", "vps1");
            assertThat(trust.code()).isEqualTo(StageboardCli.FAILED);
            assertThat(trust.out()).contains("CHANGED");
            assertThat(trust.err()).doesNotContain("not trusted yet").contains("differs from the one pinned")
                    .contains("stageboard host trust vps1 --fingerprint " + h.server.hostKeyFingerprint());

            Result status = h.ok("status");
            assertThat(status.out()).contains("has CHANGED").contains("stageboard host trust vps1 --fingerprint " + h.server.hostKeyFingerprint())
                    .doesNotContain("host trust NAME");
        }
    }

    @Test
    void hostCheckLogsInSoAKeyTheHostDoesNotAcceptIsFoundBeforeTheFirstDeploy() {
        Result good = h.ok("host", "check", "vps1");
        assertThat(good.out()).contains("trusted (matches the pinned key)").contains("login: ok").contains("base folder: ok");

        h.ok("host", "add", "vps1-other-key", "--address", h.server.address(), "--port", Integer.toString(h.server.port()), "--user",
                h.server.user(), "--key", h.server.newUnauthorizedKey().toString(), "--base-dir", h.server.baseDir().toString());
        h.ok("host", "trust", "vps1-other-key", "--fingerprint", h.server.hostKeyFingerprint());
        Result refused = h.cli("host", "check", "vps1-other-key");
        assertThat(refused.code()).as(refused.all()).isEqualTo(StageboardCli.FAILED);
        assertThat(refused.out()).contains("trusted (matches the pinned key)").contains("login: failed").contains("was refused")
                .contains("authorized_keys");
    }

    @Test
    void textThatIsNotAFingerprintIsRefusedSayingWhatOneLooksLike() {
        Result r = h.cli("host", "trust", "vps1", "--fingerprint", "nonsense");
        assertThat(r.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(r.err()).contains("'nonsense' is not a SHA256 fingerprint").doesNotContain("intercepting");
    }
}
