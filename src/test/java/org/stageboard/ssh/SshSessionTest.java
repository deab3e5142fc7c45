package org.stageboard.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.SshTestServer;

/** Commands, SFTP transfers and port forwards against a real in-process SSH server. */
class SshSessionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path work;
    static SshTestServer server;

    @BeforeAll
    static void startServer() {
        server = SshTestServer.start(work);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void execReturnsExitCodeAndBothStreams() {
        try (SshSession ssh = SshSession.open(server.target())) {
            ExecResult result = ssh.exec("echo out; echo err >&2; exit 3", TIMEOUT);

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo("out\n");
            assertThat(result.stderr()).isEqualTo("err\n");
            assertThat(ssh.exec("true", TIMEOUT).ok()).isTrue();
        }
    }

    @Test
    void execStopsWaitingAfterTheTimeout() {
        try (SshSession ssh = SshSession.open(server.target())) {
            assertThatThrownBy(() -> ssh.exec("sleep 5", Duration.ofMillis(500)))
                    .isInstanceOf(StageboardException.class).hasMessageContaining("did not finish within");
        }
    }

    @Test
    void uploadWritesTheWholeFileUnderItsNameOnly() throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(7).nextBytes(data);
        Path local = Files.write(work.resolve("blob.bin"), data);
        Path remoteDir = Files.createDirectories(server.baseDir().resolve("upload"));
        List<Double> fractions = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void step(String title) {
            }

            @Override
            public void log(String line) {
            }

            @Override
            public void fraction(double done) {
                fractions.add(done);
            }
        };

        try (SshSession ssh = SshSession.open(server.target())) {
            ssh.upload(local, remoteDir.resolve("blob.bin").toString(), progress);
            // Uploading over an existing file replaces it.
            ssh.upload(local, remoteDir.resolve("blob.bin").toString(), Progress.NONE);
        }

        assertThat(Files.readAllBytes(remoteDir.resolve("blob.bin"))).isEqualTo(data);
        try (var files = Files.list(remoteDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("blob.bin");
        }
        assertThat(fractions).isNotEmpty();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void writeCreatesTheFileWithTheGivenMode() throws Exception {
        Path remote = server.baseDir().resolve("secret.env");
        Files.writeString(remote, "old content that is longer than the new one\n");
        Files.setPosixFilePermissions(remote, PosixFilePermissions.fromString("rw-r--r--"));

        try (SshSession ssh = SshSession.open(server.target())) {
            ssh.write(remote.toString(), "A='1'\n".getBytes(StandardCharsets.UTF_8), 0600);
        }

        assertThat(Files.readString(remote)).isEqualTo("A='1'\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(remote))).isEqualTo("rw-------");
    }

    @Test
    void forwardCarriesHttpToAPortAsSeenFromTheHost() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = "through the tunnel".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try (SshSession ssh = SshSession.open(server.target());
             PortForward forward = ssh.forward("127.0.0.1", http.getAddress().getPort())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.localPort() + "/x")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("through the tunnel");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void forwardKeepsWorkingAfterARefusedConnection() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (SshSession ssh = SshSession.open(server.target()); PortForward forward = ssh.forward("127.0.0.1", port)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.localPort() + "/"))
                    .timeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);

            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            http.createContext("/", exchange -> {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            http.start();
            try {
                assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
            } finally {
                http.stop(0);
            }
        }
    }
}
