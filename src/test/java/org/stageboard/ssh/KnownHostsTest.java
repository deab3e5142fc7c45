package org.stageboard.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.SshTestServer;

/** Host-key pinning against a real SSH server: unknown, changed, trusted, and the errors around it. */
class KnownHostsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path work;
    static SshTestServer server;
    static SshTestServer otherServer;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        server = SshTestServer.start(work);
        otherServer = SshTestServer.start(work);
    }

    @AfterAll
    static void stopServers() {
        server.close();
        otherServer.close();
    }

    private SshTarget targetWith(Path knownHosts) {
        return new SshTarget(server.address(), server.port(), server.user(), server.clientKey(), knownHosts, TIMEOUT);
    }

    @Test
    void scanOfAnUnpinnedHostIsUnknownAndChangesNothing() {
        Path file = dir.resolve("known_hosts");
        HostKeyScan scan = new KnownHosts(file).scan(server.address(), server.port(), TIMEOUT);

        assertThat(scan.status()).isEqualTo(HostKeyStatus.UNKNOWN);
        assertThat(scan.fingerprint()).isEqualTo(server.hostKeyFingerprint()).startsWith("SHA256:");
        assertThat(scan.keyType()).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(scan.pinnedFingerprint()).isNull();
        assertThat(file).doesNotExist();
    }

    @Test
    void textThatIsNotAFingerprintIsRefusedAsSuchNotAsAMismatch() {
        Path file = dir.resolve("known_hosts");
        KnownHosts knownHosts = new KnownHosts(file);
        for (String given : new String[] {"nonsense", "SHA256:abc", "MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48"}) {
            assertThatThrownBy(() -> knownHosts.trust(server.address(), server.port(), given, TIMEOUT))
                    .isInstanceOf(StageboardException.class)
                    .hasMessageContaining("'" + given + "' is not a SHA256 fingerprint")
                    .hasMessageContaining("ssh-keygen -lf")
                    .hasMessageNotContaining("intercepting");
        }
        assertThat(file).doesNotExist();
        // without the prefix or with base64 padding it is still the fingerprint
        String bare = server.hostKeyFingerprint().substring("SHA256:".length());
        assertThat(knownHosts.trust(server.address(), server.port(), bare + "=", TIMEOUT).status()).isEqualTo(HostKeyStatus.TRUSTED);
    }

    @Test
    void scanOfThePinnedKeyIsTrusted() {
        KnownHosts knownHosts = new KnownHosts(server.knownHosts());
        HostKeyScan scan = knownHosts.scan(server.address(), server.port(), TIMEOUT);

        assertThat(scan.status()).isEqualTo(HostKeyStatus.TRUSTED);
        assertThat(knownHosts.pinnedFingerprint(server.address(), server.port())).contains(server.hostKeyFingerprint());
    }

    @Test
    void openOnAnUnknownHostThrowsUnknownWithTheFingerprint() {
        HostKeyException e = catchThrowableOfType(HostKeyException.class,
                () -> SshSession.open(targetWith(dir.resolve("known_hosts"))));

        assertThat(e.status()).isEqualTo(HostKeyStatus.UNKNOWN);
        assertThat(e.fingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(e.getMessage()).contains("127.0.0.1:" + server.port(), server.hostKeyFingerprint(),
                "stageboard host trust NAME", "after checking the fingerprint");
    }

    @Test
    void openWhenAnotherKeyIsPinnedThrowsChangedAndWarns() throws Exception {
        Path file = dir.resolve("known_hosts");
        // The other server's key, pinned for this server's address and port: what a man in the middle looks like.
        String otherLine = Files.readString(otherServer.knownHosts())
                .replace(":" + otherServer.port() + " ", ":" + server.port() + " ");
        Files.writeString(file, "# a comment\n" + otherLine);

        HostKeyException e = catchThrowableOfType(HostKeyException.class, () -> SshSession.open(targetWith(file)));

        assertThat(e.status()).isEqualTo(HostKeyStatus.CHANGED);
        assertThat(e.fingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(e.scan().pinnedFingerprint()).isEqualTo(otherServer.hostKeyFingerprint());
        assertThat(e.getMessage()).contains("CHANGED", "man-in-the-middle", server.hostKeyFingerprint(),
                otherServer.hostKeyFingerprint());
        assertThat(new KnownHosts(file).scan(server.address(), server.port(), TIMEOUT).status())
                .isEqualTo(HostKeyStatus.CHANGED);
    }

    @Test
    void trustWithAWrongFingerprintIsRefusedAndWritesNothing() {
        Path file = dir.resolve("known_hosts");
        KnownHosts knownHosts = new KnownHosts(file);

        assertThatThrownBy(() -> knownHosts.trust(server.address(), server.port(), otherServer.hostKeyFingerprint(), TIMEOUT))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining("Not trusted")
                .hasMessageContaining(server.hostKeyFingerprint())
                .hasMessageContaining(otherServer.hostKeyFingerprint());
        assertThat(file).doesNotExist();
    }

    @Test
    void trustWithTheRightFingerprintPinsTheKeySoThatOpenWorks() throws Exception {
        Path file = dir.resolve("sub/known_hosts");
        Files.createDirectories(file.getParent());
        // A stale key for the same host and port is replaced; other hosts' lines stay.
        String otherLine = Files.readString(otherServer.knownHosts());
        String staleLine = otherLine.replace(":" + otherServer.port() + " ", ":" + server.port() + " ");
        Files.writeString(file, otherLine + staleLine);
        KnownHosts knownHosts = new KnownHosts(file);

        HostKeyScan scan = knownHosts.trust(server.address(), server.port(), server.hostKeyFingerprint(), TIMEOUT);

        assertThat(scan.status()).isEqualTo(HostKeyStatus.TRUSTED);
        assertThat(scan.pinnedFingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(Files.readAllLines(file)).hasSize(2).contains(otherLine.strip())
                .anySatisfy(line -> assertThat(line).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 "));
        assertThat(knownHosts.pinnedFingerprint(server.address(), server.port())).contains(server.hostKeyFingerprint());
        try (SshSession session = SshSession.open(targetWith(file))) {
            assertThat(session.exec("echo trusted", TIMEOUT).stdout()).isEqualTo("trusted\n");
        }
    }

    @Test
    void trustAcceptsTheFingerprintWithoutItsPrefix() {
        KnownHosts knownHosts = new KnownHosts(dir.resolve("known_hosts"));
        String bare = server.hostKeyFingerprint().substring("SHA256:".length());

        assertThat(knownHosts.trust(server.address(), server.port(), " " + bare + " ", TIMEOUT).status())
                .isEqualTo(HostKeyStatus.TRUSTED);
    }

    @Test
    void aKeyTheServerDoesNotAcceptIsRefusedClearly() {
        Path otherKey = server.newUnauthorizedKey();
        SshTarget target = new SshTarget(server.address(), server.port(), server.user(), otherKey, server.knownHosts(), TIMEOUT);

        assertThatThrownBy(() -> SshSession.open(target))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining(server.user() + "@127.0.0.1:" + server.port() + " refused the key offered, " + otherKey)
                .hasMessageContaining("authorized_keys").hasMessageContaining("permissions");
    }

    @Test
    void aMissingKeyFileIsReportedBeforeConnecting() {
        Path missing = dir.resolve("no_such_key");
        SshTarget target = new SshTarget(server.address(), server.port(), server.user(), missing, server.knownHosts(), TIMEOUT);

        assertThatThrownBy(() -> SshSession.open(target))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aFileThatIsNoKeyIsReported() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage_key"), "not a key\n");
        SshTarget target = new SshTarget(server.address(), server.port(), server.user(), garbage, server.knownHosts(), TIMEOUT);

        assertThatThrownBy(() -> SshSession.open(target))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining(garbage.toString()).hasMessageContaining("is not a private key");
    }

    @Test
    void aClosedPortFailsFastAndClearly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SshTarget target = new SshTarget("127.0.0.1", closedPort, server.user(), server.clientKey(), server.knownHosts(), TIMEOUT);

        long start = System.nanoTime();
        assertThatThrownBy(() -> SshSession.open(target))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining("Cannot connect to 127.0.0.1:" + closedPort + ": connection refused");
        assertThatThrownBy(() -> new KnownHosts(dir.resolve("kh")).scan("127.0.0.1", closedPort, TIMEOUT))
                .hasMessageContaining("connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anUnresolvableNameIsReported() {
        assertThatThrownBy(() -> new KnownHosts(dir.resolve("kh")).scan("no-such-host.invalid", 22, TIMEOUT))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining("no-such-host.invalid");
    }
}
