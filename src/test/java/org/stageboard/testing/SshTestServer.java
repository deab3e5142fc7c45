package org.stageboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AgentForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.X11ForwardingFilter;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.shell.ProcessShell;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.stageboard.ssh.SshTarget;

/**
 * A real SSH server (Apache MINA sshd) in the test JVM, on 127.0.0.1 and a random port. It has a
 * generated host key, accepts only the generated client key, runs exec commands through
 * {@code /bin/sh -c} as the current OS user (real processes), serves SFTP and allows local port
 * forwarding.
 *
 * <p>Knobs for fault tests, all off at start, changeable at any time, all off again with
 * {@link #resetKnobs()}:
 * <ul>
 *   <li>{@link #setBanner} / {@link #setStderrBanner}: text every exec command's output starts
 *       with, as a login shell's motd or {@code .bashrc} echo would print;</li>
 *   <li>{@link #setForwardingAllowed}: refuse port forwarding as OpenSSH does with
 *       {@code AllowTcpForwarding no} (administratively prohibited);</li>
 *   <li>{@link #dropAllSessions} and {@link #dropSessionsAfterUploadedBytes}: close every
 *       session abruptly, now or once SFTP has received so many bytes of file writes (a server
 *       restart or a link cut by a router that resets it);</li>
 *   <li>{@link #denyWritesUnder}: SFTP refuses to open files for writing in a folder with
 *       "permission denied" (tests run as root, where a read-only folder is still writable);</li>
 *   <li>{@link #setDiskFull}: SFTP writes fail as on a full disk, and {@code df} says 0 available;</li>
 *   <li>{@link #setCiphers}: offer only some ciphers;</li>
 *   <li>{@link #setPathPrefix}: a folder of fake host tools first on every command's PATH, and
 *       variables exported to every command (see {@link FakeSystemd});</li>
 *   <li>{@link FreezableProxy} with {@link #targetThrough}: a link that goes silent.</li>
 * </ul>
 */
public final class SshTestServer implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** What {@code df} prints while {@link #setDiskFull} is on: nothing available. */
    private static final String FULL_DF = "printf 'Filesystem 1024-blocks Used Available Capacity Mounted on\\n"
            + "/dev/vda1 20509264 20509264 0 100%% /\\n'";

    private final SshServer server;
    private final List<String> commands;
    private final Path workDir;
    private final Path clientKey;
    private final PublicKey hostKey;
    private final Path knownHosts;
    private final Path baseDir;
    private final Knobs knobs;
    private final List<NamedFactory<Cipher>> defaultCiphers;

    /** The fault knobs' state, read by the server's handlers. */
    private static final class Knobs {
        volatile String banner;
        volatile String stderrBanner;
        volatile boolean forwardingAllowed = true;
        volatile boolean diskFull;
        volatile String preamble = "";
        final List<Path> deniedFolders = new CopyOnWriteArrayList<>();
        final AtomicLong uploadedBytes = new AtomicLong();
        final AtomicLong dropAt = new AtomicLong(-1);
        volatile String lastCipher;
        volatile SshServer server;
    }

    private SshTestServer(SshServer server, List<String> commands, Path workDir, Path clientKey, PublicKey hostKey,
                          Path knownHosts, Path baseDir, Knobs knobs) {
        this.server = server;
        this.knobs = knobs;
        this.defaultCiphers = List.copyOf(server.getCipherFactories());
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
            Knobs knobs = new Knobs();
            knobs.server = server;
            server.setCommandFactory((channel, command) -> {
                commands.add(command);
                String run = knobs.preamble + (knobs.diskFull && command.startsWith("df ") ? FULL_DF : command);
                return new BannerShell(new ProcessShell("/bin/sh", "-c", run), knobs.banner, knobs.stderrBanner);
            });
            server.setSubsystemFactories(List.of(sftp(knobs)));
            server.setFileSystemFactory(new NativeFileSystemFactory());
            server.setForwardingFilter(forwarding(knobs));
            server.addSessionListener(new SessionListener() {
                @Override
                public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                                  Map<KexProposalOption, String> serverProposal,
                                                  Map<KexProposalOption, String> negotiatedOptions, Throwable reason) {
                    if (negotiatedOptions != null && negotiatedOptions.get(KexProposalOption.C2SENC) != null) {
                        knobs.lastCipher = negotiatedOptions.get(KexProposalOption.C2SENC);
                    }
                }
            });
            server.start();

            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host.getPublic()) + "\n");
            Path baseDir = Files.createDirectories(dir.resolve("hosts-base"));
            return new SshTestServer(server, commands, dir, clientKey, host.getPublic(), knownHosts, baseDir, knobs);
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

    /**
     * A known_hosts file pinning this server's key for {@code [127.0.0.1]:port}: for reaching the
     * server through a proxy listening on that port.
     */
    public Path knownHostsFor(int port) {
        try {
            Path file = workDir.resolve("known_hosts-" + port);
            Files.writeString(file, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A target that reaches this server through {@code proxy} (which must forward to {@link #port()}). */
    public SshTarget targetThrough(FreezableProxy proxy) {
        return new SshTarget(address(), proxy.port(), user(), clientKey, knownHostsFor(proxy.port()), Duration.ofSeconds(5));
    }

    /** Turns every fault knob off again (banners, forwarding refusal, drops, denied folders, full disk, ciphers). */
    public void resetKnobs() {
        setBanner(null);
        setStderrBanner(null);
        setForwardingAllowed(true);
        dropSessionsAfterUploadedBytes(-1);
        allowAllWrites();
        setDiskFull(false);
        setCiphers();
        setPathPrefix(null, java.util.Map.of());
    }

    /**
     * Puts {@code dir} first on the PATH of every exec command (test fakes of host tools such as
     * {@code systemctl}) and exports {@code environment} to them. A null dir turns it off.
     */
    public void setPathPrefix(Path dir, java.util.Map<String, String> environment) {
        if (dir == null) {
            knobs.preamble = "";
            return;
        }
        StringBuilder preamble = new StringBuilder("PATH=" + org.stageboard.ssh.ShellQuote.quote(dir.toString()) + ":\"$PATH\"; export PATH; ");
        environment.forEach((name, value) -> preamble.append(name).append('=').append(org.stageboard.ssh.ShellQuote.quote(value))
                .append("; export ").append(name).append("; "));
        knobs.preamble = preamble.toString();
    }

    /**
     * Every exec command's standard output starts with {@code text} (written before the command
     * runs, even when it prints nothing), as a login shell's motd or {@code .bashrc} echo would.
     * Null turns it off. Takes effect for commands started afterwards.
     */
    public void setBanner(String text) {
        knobs.banner = text;
    }

    /** Like {@link #setBanner}, for standard error. */
    public void setStderrBanner(String text) {
        knobs.stderrBanner = text;
    }

    /**
     * False makes the server refuse every port forwarding channel as "administratively
     * prohibited", as OpenSSH does with {@code AllowTcpForwarding no}. True (the default) allows.
     */
    public void setForwardingAllowed(boolean allowed) {
        knobs.forwardingAllowed = allowed;
    }

    /**
     * Closes every session now, at once and without an SSH goodbye (the TCP connection ends):
     * what a client sees when the SSH server restarts or the host goes down. New connections
     * are still accepted.
     */
    public void dropAllSessions() {
        for (AbstractSession session : server.getActiveSessions()) {
            session.close(true);
        }
    }

    /**
     * Once SFTP has received {@code bytes} bytes of file writes, counted from this call, closes
     * every session as {@link #dropAllSessions} does; once only. A negative value disarms it.
     */
    public void dropSessionsAfterUploadedBytes(long bytes) {
        knobs.dropAt.set(bytes < 0 ? -1 : knobs.uploadedBytes.get() + bytes);
    }

    /** Bytes of file writes SFTP has received since the server started. */
    public long uploadedBytes() {
        return knobs.uploadedBytes.get();
    }

    /**
     * SFTP refuses to open any file under {@code folder} for writing, with "permission denied"
     * (SSH_FX_PERMISSION_DENIED), as for a folder the SSH user may not write. Commands run
     * through exec are not affected.
     */
    public void denyWritesUnder(Path folder) {
        knobs.deniedFolders.add(folder.toAbsolutePath().normalize());
    }

    /** Undoes every {@link #denyWritesUnder}. */
    public void allowAllWrites() {
        knobs.deniedFolders.clear();
    }

    /**
     * True makes the host look like its disk is full: every SFTP write fails with a bare
     * SSH_FX_FAILURE (what both MINA and OpenSSH send for "No space left on device"), and every
     * exec command starting with {@code df } prints a file system with 0 KB available.
     */
    public void setDiskFull(boolean full) {
        knobs.diskFull = full;
    }

    /**
     * Offers only these ciphers (SSH names such as {@code aes128-cbc}) to sessions opened
     * afterwards; no names restores MINA's defaults.
     */
    public void setCiphers(String... names) {
        if (names.length == 0) {
            server.setCipherFactories(defaultCiphers);
        } else {
            server.setCipherFactoriesNames(names);
        }
    }

    /** The cipher the last session negotiated for client-to-server data, e.g. {@code chacha20-poly1305@openssh.com}. */
    public String lastNegotiatedCipher() {
        return knobs.lastCipher;
    }

    private static SftpSubsystemFactory sftp(Knobs knobs) {
        SftpSubsystemFactory factory = new SftpSubsystemFactory();
        factory.setFileSystemAccessor(new SftpFileSystemAccessor() {
            @Override
            public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                                                Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
                Path target = file.toAbsolutePath().normalize();
                boolean writing = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
                if (writing && knobs.deniedFolders.stream().anyMatch(target::startsWith)) {
                    throw new AccessDeniedException(file.toString(), null, "Permission denied");
                }
                return SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, attrs);
            }
        });
        factory.addSftpEventListener(new SftpEventListener() {
            @Override
            public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                                int dataOffset, int dataLen) throws IOException {
                if (knobs.diskFull) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                                int dataOffset, int dataLen, Throwable thrown) {
                long total = knobs.uploadedBytes.addAndGet(dataLen);
                long dropAt = knobs.dropAt.get();
                if (dropAt >= 0 && total >= dropAt && knobs.dropAt.compareAndSet(dropAt, -1)) {
                    for (AbstractSession s : knobs.server.getActiveSessions()) {
                        s.close(true);
                    }
                }
            }
        });
        return factory;
    }

    private static ForwardingFilter forwarding(Knobs knobs) {
        return ForwardingFilter.asForwardingFilter(AgentForwardingFilter.of(true), X11ForwardingFilter.of(true),
                new TcpForwardingFilter() {
                    @Override
                    public boolean canListen(SshdSocketAddress address, Session session) {
                        return knobs.forwardingAllowed;
                    }

                    @Override
                    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                        return knobs.forwardingAllowed;
                    }
                });
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

    /** A new private key in OpenSSH format at {@code file}, for a host record that needs a readable key and is never connected to. */
    public static Path writeClientKey(Path file) {
        try {
            return writePrivateKey(generateKeyPair(), file);
        } catch (IOException | GeneralSecurityException e) {
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
