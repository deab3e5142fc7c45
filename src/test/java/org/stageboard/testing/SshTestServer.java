package org.stageboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.shell.InvertedShellWrapper;
import org.apache.sshd.server.shell.ProcessShell;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.stageboard.ssh.SshTarget;

/**
 * A real SSH server (Apache MINA sshd) in the test JVM, on 127.0.0.1 and a random port. It has a
 * generated host key, accepts only the generated client key, runs exec commands through
 * {@code /bin/sh -c} as the current OS user (real processes), serves SFTP and allows local port
 * forwarding.
 */
public final class SshTestServer implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final SshServer server;
    private final List<String> commands;
    private final Path workDir;
    private final Path clientKey;
    private final PublicKey hostKey;
    private final Path knownHosts;
    private final Path baseDir;

    private SshTestServer(SshServer server, List<String> commands, Path workDir, Path clientKey, PublicKey hostKey,
                          Path knownHosts, Path baseDir) {
        this.server = server;
        this.commands = commands;
        this.workDir = workDir;
        this.clientKey = clientKey;
        this.hostKey = hostKey;
        this.knownHosts = knownHosts;
        this.baseDir = baseDir;
    }

    public static SshTestServer start(Path workDir) {
        try {
            Path dir = Files.createDirectories(workDir.resolve("ssh-server-" + COUNTER.incrementAndGet()));
            KeyPair host = generateKeyPair();
            KeyPair client = generateKeyPair();
            Path clientKey = writePrivateKey(client, dir.resolve("client_key"));
            String user = System.getProperty("user.name");

            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(host));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setPublickeyAuthenticator((username, key, session) ->
                    user.equals(username) && KeyUtils.compareKeys(client.getPublic(), key));
            List<String> commands = new CopyOnWriteArrayList<>();
            server.setCommandFactory((channel, command) -> {
                commands.add(command);
                return new InvertedShellWrapper(new ProcessShell("/bin/sh", "-c", command));
            });
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new NativeFileSystemFactory());
            server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
            server.start();

            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host.getPublic()) + "\n");
            Path baseDir = Files.createDirectories(dir.resolve("hosts-base"));
            return new SshTestServer(server, commands, dir, clientKey, host.getPublic(), knownHosts, baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    public String user() {
        return System.getProperty("user.name");
    }

    /** The private key the server accepts, in OpenSSH format. */
    public Path clientKey() {
        return clientKey;
    }

    /** The host key's fingerprint, {@code SHA256:…} as OpenSSH prints it. */
    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(hostKey);
    }

    /** A known_hosts file with this server's key pinned for {@code [127.0.0.1]:port}. */
    public Path knownHosts() {
        return knownHosts;
    }

    /** A fresh folder for deployments. */
    public Path baseDir() {
        return baseDir;
    }

    /** Every exec command the server received so far, in order: to check that no secret is on a command line. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** A target for this server with the accepted key and the pinned known_hosts. */
    public SshTarget target() {
        return new SshTarget(address(), port(), user(), clientKey, knownHosts, Duration.ofSeconds(5));
    }

    /** Writes a newly generated private key that this server does not accept. */
    public Path newUnauthorizedKey() {
        try {
            return writePrivateKey(generateKeyPair(), workDir.resolve("other_key_" + COUNTER.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Packs the demo app ({@code src/test/resources/demo-app/Server.java}, run with
     * {@code java Server.java}) into a real {@code .tar.gz} with the {@code tar} command.
     * {@code healthBehaviour}: "ok" (/health answers 200), "fail" (500) or "exit" (quits at start).
     */
    public static Path writeDemoArtifact(Path dir, String healthBehaviour) {
        try {
            Path content = Files.createDirectories(dir.resolve("demo-" + healthBehaviour + "-" + COUNTER.incrementAndGet()));
            try (InputStream in = SshTestServer.class.getResourceAsStream("/demo-app/Server.java")) {
                if (in == null) {
                    throw new IllegalStateException("demo-app/Server.java is missing from the test resources");
                }
                Files.copy(in, content.resolve("Server.java"));
            }
            Files.writeString(content.resolve("health-behaviour"), healthBehaviour + "\n");
            Path artifact = dir.resolve(content.getFileName() + ".tar.gz");
            Process tar = new ProcessBuilder("tar", "-czf", artifact.toString(), "-C", content.toString(), ".")
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
                throw new IllegalStateException("tar failed: " + output);
            }
            return artifact;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lowercase hex SHA-256 of a file. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static Path writePrivateKey(KeyPair pair, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "stageboard-test", null, out);
        }
        return file;
    }
}
