package org.stageboard.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.KeyPassphraseException;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.SshTestServer;

/** Logging in with keys held by a real running ssh-agent (OpenSSH's), and a key with a passphrase, against the MINA server. */
class SshAgentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private SshTestServer server;
    private Process agent;
    private Path socket;

    @BeforeEach
    void setUp() throws Exception {
        server = SshTestServer.start(work);
        socket = work.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("agent.out").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        assertThat(socket).exists();
    }

    @AfterEach
    void tearDown() {
        if (agent != null) {
            agent.toHandle().destroy();
        }
        server.close();
    }

    private void run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private Path publicKeyOf(Path privateKey) throws Exception {
        Path copy = work.resolve(privateKey.getFileName() + "-copy");
        Files.copy(privateKey, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Process p = new ProcessBuilder("ssh-keygen", "-y", "-f", copy.toString()).start();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(line).startsWith("ecdsa-sha2-nistp256 ");
        return Files.writeString(work.resolve(privateKey.getFileName() + "-agent.pub"), line);
    }

    @Test
    void aKeyHeldOnlyByTheAgentLogsIn() throws Exception {
        Path key = Files.copy(server.clientKey(), work.resolve("agent_key"));
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path pub = publicKeyOf(key);
        run("ssh-add", key.toString());
        Files.delete(key); // only the agent has the private half now

        SshTarget target = new SshTarget(server.address(), server.port(), server.user(), pub, server.knownHosts(), TIMEOUT).withAgent(socket);
        try (SshSession ssh = SshSession.open(target)) {
            assertThat(ssh.exec("echo via-agent", TIMEOUT).stdout()).contains("via-agent");
        }
        assertThat(new SshAgent(socket).identities()).hasSize(1);
    }

    @Test
    void aPublicKeyTheAgentDoesNotHoldIsSaidSo() throws Exception {
        Path pub = publicKeyOf(server.clientKey());
        SshTarget target = new SshTarget(server.address(), server.port(), server.user(), pub, server.knownHosts(), TIMEOUT).withAgent(socket);
        assertThatThrownBy(() -> SshSession.open(target)).isInstanceOf(StageboardException.class)
                .hasMessageContaining("does not hold the key " + pub).hasMessageContaining("ssh-add");
        SshTarget noAgent = new SshTarget(server.address(), server.port(), server.user(), pub, server.knownHosts(), TIMEOUT);
        assertThatThrownBy(() -> SshSession.open(noAgent)).hasMessageContaining("SSH_AUTH_SOCK is not set");
    }

    @Test
    void aKeyWithAPassphraseLogsInWithItAndAWrongOneIsSaid() {
        Path key = server.newAuthorizedKeyWithPassphrase("correct horse");
        SshTarget right = new SshTarget(server.address(), server.port(), server.user(), key, server.knownHosts(), TIMEOUT,
                "correct horse".toCharArray());
        try (SshSession ssh = SshSession.open(right)) {
            assertThat(ssh.exec("echo unlocked", TIMEOUT).stdout()).contains("unlocked");
        }
        SshTarget wrong = new SshTarget(server.address(), server.port(), server.user(), key, server.knownHosts(), TIMEOUT,
                "battery staple".toCharArray());
        assertThatThrownBy(() -> SshSession.open(wrong)).isInstanceOf(KeyPassphraseException.class).hasMessageContaining("is wrong");
        SshTarget none = new SshTarget(server.address(), server.port(), server.user(), key, server.knownHosts(), TIMEOUT);
        assertThatThrownBy(() -> SshSession.open(none)).isInstanceOf(KeyPassphraseException.class).hasMessageContaining("has a passphrase");
        assertThat(KeyFiles.inspect(key, "correct horse".toCharArray()).encrypted()).isTrue();
        assertThat(List.of(KeyFiles.inspect(key, "correct horse".toCharArray()).fingerprint())).allMatch(f -> f.startsWith("SHA256:"));
    }
}
