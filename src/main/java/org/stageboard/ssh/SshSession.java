package org.stageboard.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;

/**
 * An authenticated SSH connection to one host. {@link #open} verifies the host key against the
 * pinned one before anything else, then authenticates with the target's private key. Commands,
 * SFTP transfers and port forwards share the connection; close it with try-with-resources.
 * A watchdog declares the connection lost when the host stays silent for about 15 s; every
 * remote step is bounded and fails with a message that names its real cause.
 */
public final class SshSession implements AutoCloseable {

    /** What {@link #upload} puts between the final name and 12 random hex digits while uploading. */
    public static final String PARTIAL_SUFFIX = ".part-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SshTarget target;
    private final SSHClient client;
    private final String cipher;

    private SshSession(SshTarget target, SSHClient client, String cipher) {
        this.target = target;
        this.client = client;
        this.cipher = cipher;
    }

    /**
     * Connects to the target. Throws {@link HostKeyException} when the host key is not the pinned
     * one, and a {@link StageboardException} that says what to do when the host cannot be reached,
     * the key file is missing or unreadable, or the key is refused.
     */
    public static SshSession open(SshTarget target) {
        KnownHosts knownHosts = new KnownHosts(target.knownHosts());
        PinnedKeyVerifier verifier = new PinnedKeyVerifier(knownHosts, target.address(), target.port());
        SSHClient client = Connector.newClient(verifier, target.connectTimeout(), SshjLogging.session());
        AtomicReference<String> cipher = new AtomicReference<>("");
        client.addAlgorithmsVerifier(algorithms -> {
            cipher.set(algorithms.getClient2ServerCipherAlgorithm());
            return true;
        });
        boolean opened = false;
        try {
            KeyProvider key = loadKey(client, target.privateKey());
            try {
                client.connect(target.address(), target.port());
            } catch (IOException e) {
                if (verifier.rejected() != null) {
                    throw new HostKeyException(verifier.rejected());
                }
                throw Connector.connectFailure(target.address(), target.port(), target.connectTimeout(), e);
            }
            try {
                client.authPublickey(target.user(), key);
            } catch (UserAuthException e) {
                throw new StageboardException("The key " + target.privateKey() + " was refused by " + target.display()
                        + ". Add its public key to ~" + target.user() + "/.ssh/authorized_keys on the host, or choose "
                        + "another key or user.", e);
            } catch (IOException e) {
                throw new StageboardException("SSH login to " + target.display() + " failed: " + e.getMessage(), e);
            }
            opened = true;
            return new SshSession(target, client, cipher.get());
        } finally {
            if (!opened) {
                Connector.closeQuietly(client);
            }
        }
    }

    private static KeyProvider loadKey(SSHClient client, Path file) {
        if (file == null) {
            throw new StageboardException("No private key given: choose the key file Stageboard logs in with.");
        }
        if (!Files.isRegularFile(file)) {
            throw new StageboardException("The private key file " + file + " does not exist: choose an existing key file.");
        }
        if (!Files.isReadable(file)) {
            throw new StageboardException("The private key file " + file + " cannot be read: check its permissions.");
        }
        try {
            KeyProvider key = client.loadKeys(file.toString());
            key.getPublic(); // parse now: a bad or passphrase-protected file fails here, not halfway through login
            return key;
        } catch (IOException | RuntimeException e) {
            throw new StageboardException("The private key file " + file + " cannot be loaded (" + e.getMessage()
                    + "): use an OpenSSH or PEM private key without a passphrase.", e);
        }
    }

    public SshTarget target() {
        return target;
    }

    /**
     * The cipher negotiated for data sent to the host, e.g. {@code aes128-gcm@openssh.com}; the
     * fast AEAD ciphers are asked for first.
     */
    public String negotiatedCipher() {
        return cipher;
    }

    /**
     * Runs one command through the remote user's shell and waits for it. A non-zero exit code is
     * returned, not thrown; not finishing within {@code timeout} throws. A broken connection
     * throws {@link ConnectionLostException}.
     */
    public ExecResult exec(String command, Duration timeout) {
        return exec(command, timeout, Progress.NONE);
    }

    /**
     * Like {@link #exec(String, Duration)}, and stops waiting within about 200 ms once
     * {@code progress} is cancelled: the command is sent TERM, its channel closed, and
     * {@link CancelledException} thrown. {@code progress} may be null.
     */
    public ExecResult exec(String command, Duration timeout, Progress progress) {
        return CommandRun.run(client, target, command, timeout, progress);
    }

    /**
     * Uploads a file over SFTP to a temporary name next to {@code remotePath}, then renames it,
     * so that {@code remotePath} is either absent or complete. The temporary name is
     * {@code remotePath + ".part-" + 12 hex digits} ({@link #PARTIAL_SUFFIX}); it is removed on
     * failure or cancel when the host is still reachable, and may stay behind when the
     * connection is lost. Reports the fraction sent; {@code progress} may be null.
     *
     * @throws CancelledException once {@code progress} is cancelled, within one write
     * @throws ConnectionLostException when the link breaks or goes silent (about 15 s)
     * @throws StageboardException naming permission denied, a missing folder or a full disk
     */
    public void upload(Path local, String remotePath, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        p.checkCancelled();
        String temp = remotePath + PARTIAL_SUFFIX + randomHex();
        SftpUpload transfer = new SftpUpload(local, p);
        SFTPClient sftp = openSftp("the upload of " + local.getFileName(), remotePath + " was not changed");
        try {
            transfer.run(sftp, temp);
            rename(sftp, temp, remotePath);
        } catch (CancelledException e) {
            removeQuietly(sftp, temp);
            throw e;
        } catch (IOException | RuntimeException e) {
            throw uploadFailure(sftp, transfer, local, remotePath, temp, e);
        } finally {
            closeQuietly(sftp);
        }
    }

    private StageboardException uploadFailure(SFTPClient sftp, SftpUpload transfer, Path local, String remotePath,
                                              String temp, Exception e) {
        if (e instanceof StageboardException failure && !(e instanceof ConnectionLostException)) {
            removeQuietly(sftp, temp);
            return failure;
        }
        String name = local.getFileName().toString();
        if (Failures.connectionLost(client, e)) {
            return Failures.lost(target, "the upload of " + name + " (after " + Failures.size(transfer.sent()) + " of "
                    + Failures.size(transfer.size()) + ")", remotePath + " was not changed (a partial " + temp
                    + " may remain); upload again when the host is reachable.", e);
        }
        Optional<StageboardException> cause = Failures.writeCause(target, remotePath, e, this::probe);
        removeQuietly(sftp, temp); // after the cause: a full disk looks free again once the part is gone
        if (cause.isPresent()) {
            return cause.get();
        }
        if (Failures.timedOut(e)) {
            return new StageboardException("The host " + target.display() + " did not acknowledge the upload of " + name
                    + " in time (after " + Failures.size(transfer.sent()) + " of " + Failures.size(transfer.size())
                    + "): it may be overloaded or its disk very slow. Try again.", e);
        }
        return new StageboardException("Uploading " + name + " to " + target.display() + ":" + remotePath + " failed: "
                + e.getMessage() + ".", e);
    }

    /** For looking at the host while reporting a failure: short, and never throwing a connection loss. */
    private ExecResult probe(String command) {
        return exec(command, Duration.ofSeconds(15));
    }

    private void rename(SFTPClient sftp, String from, String to) throws IOException {
        try {
            sftp.rename(from, to);
        } catch (IOException e) {
            if (Failures.connectionLost(client, e)) {
                throw e;
            }
            // SFTP v3 (OpenSSH) will not rename over an existing file; mv does, atomically.
            ExecResult mv = exec("mv -f -- " + ShellQuote.quote(from) + " " + ShellQuote.quote(to), Duration.ofSeconds(30));
            if (!mv.ok()) {
                throw new IOException("cannot rename " + from + " to " + to + ": " + mv.stderr().strip(), e);
            }
        }
    }

    private static void removeQuietly(SFTPClient sftp, String path) {
        try {
            sftp.rm(path);
        } catch (IOException | RuntimeException ignored) {
            // Best effort: a stray temp file is harmless, the failure is what matters.
        }
    }

    private SFTPClient openSftp(String during, String afterwards) {
        try {
            return client.newSFTPClient();
        } catch (IOException e) {
            if (Failures.connectionLost(client, e)) {
                throw Failures.lost(target, during, afterwards + "; try again when the host is reachable.", e);
            }
            throw new StageboardException("The SSH server of " + target.display() + " did not start SFTP ("
                    + e.getMessage() + "): enable its SFTP subsystem (Subsystem sftp in sshd_config).", e);
        }
    }

    private static void closeQuietly(SFTPClient sftp) {
        try {
            sftp.close();
        } catch (IOException | RuntimeException ignored) {
            // The transfer's outcome is already known.
        }
    }

    /**
     * Writes {@code content} to {@code remotePath} over SFTP with permission bits {@code mode}
     * (e.g. {@code 0600}), set before any content is written. Meant for secrets such as
     * {@code .env}: they never appear on a command line. Failures name their cause as
     * {@link #upload} does.
     */
    public void write(String remotePath, byte[] content, int mode) {
        SFTPClient sftp = openSftp("the writing of " + remotePath, remotePath + " may be incomplete");
        try {
            FileAttributes attributes = new FileAttributes.Builder().withPermissions(mode).build();
            try (RemoteFile file = sftp.open(remotePath, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC), attributes)) {
                sftp.chmod(remotePath, mode);
                try (OutputStream out = file.new RemoteFileOutputStream(0)) {
                    out.write(content);
                }
            }
        } catch (IOException e) {
            if (Failures.connectionLost(client, e)) {
                throw Failures.lost(target, "the writing of " + remotePath, remotePath
                        + " may be missing or incomplete; write it again when the host is reachable.", e);
            }
            throw Failures.writeCause(target, remotePath, e, this::probe).orElseGet(() -> new StageboardException(
                    "Writing " + remotePath + " on " + target.display() + " failed: " + e.getMessage() + ".", e));
        } finally {
            closeQuietly(sftp);
        }
    }

    /**
     * Forwards a free local port on 127.0.0.1 to {@code remoteHost:remotePort} as seen from the
     * remote machine, e.g. to reach an app that only listens on the host's loopback. A refused
     * connection fails only that connection; the port keeps forwarding. Why a connection could
     * not be carried is kept in {@link PortForward#lastFailure()}.
     */
    public PortForward forward(String remoteHost, int remotePort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            PortForward forward = new PortForward(socket);
            Thread listener = new Thread(new ForwardingListener(client, socket, remoteHost, remotePort, forward),
                    "ssh-forward-" + socket.getLocalPort());
            listener.setDaemon(true);
            forward.listenWith(listener);
            return forward;
        } catch (IOException e) {
            throw new StageboardException("Cannot forward a local port to " + remoteHost + ":" + remotePort + " on "
                    + target.display() + ": " + e.getMessage(), e);
        }
    }

    /** True while the connection is up and logged in; false once it was closed or found lost. */
    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated() && client.getTransport().isRunning();
    }

    @Override
    public void close() {
        Connector.closeQuietly(client);
    }

    private static String randomHex() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
