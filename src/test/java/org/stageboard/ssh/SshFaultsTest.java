package org.stageboard.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.CancelledException;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.FreezableProxy;
import org.stageboard.testing.RecordingProgress;
import org.stageboard.testing.SshTestServer;

/** What a session does when the link, the host or the user stops it: against a real in-process SSH server. */
class SshFaultsTest {

    @TempDir
    Path work;
    SshTestServer server;

    @BeforeEach
    void startServer() {
        server = SshTestServer.start(work);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aLinkThatGoesSilentDuringAnUploadEndsAsLostWithinTheWatchdogLimit() throws Exception {
        Path local = file("big.bin", 64_000_000);
        Path dir = Files.createDirectories(server.baseDir().resolve("frozen"));
        String remote = dir.resolve("big.bin").toString();
        try (FreezableProxy proxy = FreezableProxy.to(server.port())) {
            SshSession ssh = SshSession.open(server.targetThrough(proxy));
            long[] frozenAt = {0};
            FractionProgress freezeAtFivePercent = new FractionProgress(done -> {
                if (done >= 0.05 && frozenAt[0] == 0) {
                    proxy.freeze();
                    frozenAt[0] = System.nanoTime();
                }
            });

            Throwable thrown = catchThrowable(() -> ssh.upload(local, remote, freezeAtFivePercent));
            Duration noticedAfter = Duration.ofNanos(System.nanoTime() - frozenAt[0]);
            long closeStart = System.nanoTime();
            ssh.close();
            Duration closing = Duration.ofNanos(System.nanoTime() - closeStart);

            assertThat(frozenAt[0]).as("the link froze mid-upload").isNotZero();
            assertThat(thrown).isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("was lost during the upload of big.bin")
                    .hasMessageContaining("of 64.0 MB")
                    .hasMessageContaining("sent nothing for")
                    .hasMessageNotContaining("free space");
            assertThat(noticedAfter).as("silence limit 15 s, generous bound").isLessThan(Duration.ofSeconds(25));
            assertThat(closing).as("closing a session over a dead link does not hang").isLessThan(Duration.ofSeconds(5));
            assertThat(ssh.isConnected()).isFalse();
            assertThat(Path.of(remote)).doesNotExist();
        }
    }

    @Test
    void sessionsDroppedMidUploadEndAsLostAndLeaveNothingAtTheFinalPath() throws Exception {
        Path local = file("app.tar.gz", 8_000_000);
        Path dir = Files.createDirectories(server.baseDir().resolve("dropped"));
        String remote = dir.resolve("app.tar.gz").toString();
        server.dropSessionsAfterUploadedBytes(1_000_000);

        try (SshSession ssh = SshSession.open(server.target())) {
            assertThatThrownBy(() -> ssh.upload(local, remote, null))
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("The connection to " + server.target().display() + " was lost during the upload of app.tar.gz (after ")
                    .hasMessageContaining("of 8.0 MB")
                    .hasMessageContaining(remote + " was not changed")
                    .hasMessageNotContaining("free space");
            // The SFTP channel can report the drop a moment before the transport has handled the server's disconnect.
            org.awaitility.Awaitility.await("the session seen as lost").atMost(Duration.ofSeconds(10)).until(() -> !ssh.isConnected());
        }
        assertThat(Path.of(remote)).doesNotExist();
    }

    @Test
    void aPortThatAcceptsButNeverSpeaksSshFailsTheConnectInsteadOfHanging() {
        try (FreezableProxy proxy = FreezableProxy.to(server.port())) {
            proxy.freeze();
            long start = System.nanoTime();

            assertThatThrownBy(() -> SshSession.open(server.targetThrough(proxy)).close())
                    .isInstanceOf(StageboardException.class)
                    .hasMessageContaining("but no SSH server answered within 5 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aResetLinkDuringACommandEndsAsLostAtOnce() {
        try (FreezableProxy proxy = FreezableProxy.to(server.port());
             SshSession ssh = SshSession.open(server.targetThrough(proxy))) {
            new Thread(() -> {
                sleep(500);
                proxy.reset();
            }).start();
            long start = System.nanoTime();

            assertThatThrownBy(() -> ssh.exec("sleep 30", Duration.ofSeconds(60)))
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("was lost during a command")
                    .hasMessageContaining("closed the connection");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void cancelDuringAnUploadThrowsCancelledAndLeavesNoPartialFile() throws Exception {
        Path local = file("cancel.bin", 16_000_000);
        Path dir = Files.createDirectories(server.baseDir().resolve("cancel"));
        RecordingProgress progress = new RecordingProgress() {
            @Override
            public void fraction(double done) {
                if (done >= 0.1) {
                    cancelled = true;
                }
            }
        };

        try (SshSession ssh = SshSession.open(server.target())) {
            assertThatThrownBy(() -> ssh.upload(local, dir.resolve("cancel.bin").toString(), progress))
                    .isExactlyInstanceOf(CancelledException.class);
            assertThat(ssh.exec("true", Duration.ofSeconds(10)).ok()).as("the session still works").isTrue();
        }
        assertThat(progress.cancelled).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).as("no .part file, no final file").isEmpty();
        }
    }

    @Test
    void cancelDuringALongCommandReturnsWithinTwoSeconds() {
        RecordingProgress progress = new RecordingProgress();
        long[] cancelledAt = {0};
        try (SshSession ssh = SshSession.open(server.target())) {
            new Thread(() -> {
                sleep(300);
                cancelledAt[0] = System.nanoTime();
                progress.cancelled = true;
            }).start();

            assertThatThrownBy(() -> ssh.exec("sleep 30", Duration.ofSeconds(60), progress))
                    .isExactlyInstanceOf(CancelledException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt[0])).isLessThan(Duration.ofSeconds(2));
            assertThat(ssh.exec("echo still here", Duration.ofSeconds(10)).stdout()).isEqualTo("still here\n");
        }
    }

    @Test
    void aCommandIsNotStartedWhenAlreadyCancelled() {
        RecordingProgress progress = new RecordingProgress();
        progress.cancelled = true;
        try (SshSession ssh = SshSession.open(server.target())) {
            assertThatThrownBy(() -> ssh.exec("echo x", Duration.ofSeconds(10), progress)).isInstanceOf(CancelledException.class);
        }
        assertThat(server.commands()).isEmpty();
    }

    @Test
    void permissionDeniedOnUploadAndWriteNamesPermissionAndThePath() throws Exception {
        Path local = file("p.bin", 100_000);
        Path dir = Files.createDirectories(server.baseDir().resolve("readonly"));
        server.denyWritesUnder(dir);

        try (SshSession ssh = SshSession.open(server.target())) {
            String remote = dir.resolve("p.bin").toString();
            assertThatThrownBy(() -> ssh.upload(local, remote, null))
                    .isNotInstanceOf(ConnectionLostException.class)
                    .hasMessageStartingWith("Permission denied writing " + remote + " on " + server.target().display())
                    .hasMessageContaining("fix the folder's owner");
            assertThatThrownBy(() -> ssh.write(dir.resolve(".env").toString(), new byte[] {1}, 0600))
                    .hasMessageStartingWith("Permission denied writing " + dir.resolve(".env"));
            assertThat(ssh.isConnected()).isTrue();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingFolderIsNamed() throws Exception {
        Path local = file("m.bin", 1000);
        String remote = server.baseDir().resolve("no/such/folder/m.bin").toString();
        try (SshSession ssh = SshSession.open(server.target())) {
            assertThatThrownBy(() -> ssh.upload(local, remote, null))
                    .hasMessageContaining("The folder " + server.baseDir().resolve("no/such/folder") + " does not exist on");
        }
    }

    @Test
    void aFullDiskIsNamedAndThePartialFileRemoved() throws Exception {
        Path local = file("f.bin", 1_000_000);
        Path dir = Files.createDirectories(server.baseDir().resolve("full"));
        server.setDiskFull(true);
        try (SshSession ssh = SshSession.open(server.target())) {
            assertThatThrownBy(() -> ssh.upload(local, dir.resolve("f.bin").toString(), null))
                    .hasMessageContaining("The disk of " + server.target().display() + " is full")
                    .hasMessageNotContaining("lost");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aServerThatForbidsForwardingIsToldApartFromAnAppThatIsNotUp() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (SshSession ssh = SshSession.open(server.target())) {
            try (PortForward forward = ssh.forward("127.0.0.1", closedPort)) {
                assertThat(forward.lastFailure()).isEmpty();
                connectAndReadUntilClosed(forward.localPort());
                assertThat(forward.lastFailure()).as("known by the time the connection is closed").isPresent();
                assertThat(forward.refusedByServer()).isFalse();
                assertThat(forward.lastFailure().get()).contains("could not connect to 127.0.0.1:" + closedPort);
            }

            server.setForwardingAllowed(false);
            try (PortForward forward = ssh.forward("127.0.0.1", closedPort)) {
                connectAndReadUntilClosed(forward.localPort());
                assertThat(forward.refusedByServer()).as("known by the time the connection is closed").isTrue();
                assertThat(forward.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("AllowTcpForwarding"));
                assertThat(PortForward.REFUSED_ADVICE).contains("AllowTcpForwarding local").contains("command health check");
            }
        }
    }

    @Test
    void theBannerKnobPrefixesEveryCommandsOutput() {
        server.setBanner("Welcome to vps1\n");
        server.setStderrBanner("motd: disk 91% full\n");
        try (SshSession ssh = SshSession.open(server.target())) {
            ExecResult result = ssh.exec("echo hi; echo oops >&2", Duration.ofSeconds(10));

            assertThat(result.stdout()).isEqualTo("Welcome to vps1\nhi\n");
            assertThat(result.stderr()).isEqualTo("motd: disk 91% full\noops\n");
            server.setBanner(null);
            server.setStderrBanner(null);
            assertThat(ssh.exec("true", Duration.ofSeconds(10)).stdout()).isEmpty();
        }
    }

    @Test
    void theCheapestAeadCipherIsNegotiated() throws Exception {
        Path local = file("c.bin", 2_000_000);
        try (SshSession ssh = SshSession.open(server.target())) {
            assertThat(ssh.negotiatedCipher()).isEqualTo("chacha20-poly1305@openssh.com");
            ssh.upload(local, server.baseDir().resolve("c.bin").toString(), null);
        }
        assertThat(server.lastNegotiatedCipher()).isEqualTo("chacha20-poly1305@openssh.com");
        assertThat(Files.mismatch(local, server.baseDir().resolve("c.bin"))).isEqualTo(-1);
    }

    @Test
    void withoutChachaAesGcmIsPreferredOverCbcAndCtr() {
        server.setCiphers("aes128-cbc", "aes128-ctr", "aes128-gcm@openssh.com");
        try (SshSession ssh = SshSession.open(server.target())) {
            assertThat(ssh.negotiatedCipher()).isEqualTo("aes128-gcm@openssh.com");
            assertThat(ssh.exec("echo ok", Duration.ofSeconds(10)).stdout()).isEqualTo("ok\n");
        }
        assertThat(server.lastNegotiatedCipher()).isEqualTo("aes128-gcm@openssh.com");
    }

    private Path file(String name, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(work.resolve(name), data);
    }

    private static void connectAndReadUntilClosed(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // The forward closes the connection once the channel is refused.
            }
        } catch (java.net.SocketException ignored) {
            // Reset instead of closed: refused all the same.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A progress that passes each fraction to a callback. */
    private static final class FractionProgress extends RecordingProgress {
        private final DoubleConsumer onFraction;

        FractionProgress(DoubleConsumer onFraction) {
            this.onFraction = onFraction;
        }

        @Override
        public void fraction(double done) {
            onFraction.accept(done);
        }
    }
}
