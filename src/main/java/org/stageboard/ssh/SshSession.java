package org.stageboard.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
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

    private final SshTarget target;
    private final SSHClient client;
    private final LinkMonitor monitor;
    private final String cipher;
    private final RemoteFiles files;

    private SshSession(SshTarget target, SSHClient client, LinkMonitor monitor, String cipher) {
        this.target = target;
        this.client = client;
        this.monitor = monitor;
        this.cipher = cipher;
        this.files = new RemoteFiles(client, monitor, target, command -> exec(command, RemoteFiles.probeTimeout()));
    }

    /**
     * Connects to the target. Throws {@link HostKeyException} when the host key is not the pinned
     * one, and a {@link StageboardException} that says what to do when the host cannot be reached,
     * the key file is missing or unreadable, or the key is refused.
     */
    public static SshSession open(SshTarget target) {
        KnownHosts knownHosts = new KnownHosts(target.knownHosts());
        PinnedKeyVerifier verifier = new PinnedKeyVerifier(knownHosts, target.address(), target.port());
        LinkMonitor monitor = new LinkMonitor();
        SSHClient client = Connector.newClient(verifier, target.connectTimeout(), SshjLogging.session(), monitor);
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
            Connector.noDelay(client);
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
            return new SshSession(target, client, monitor, cipher.get());
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
        return CommandRun.run(client, monitor, target, command, timeout, progress);
    }

    /**
     * Like {@link #exec(String, Duration, Progress)}, but hands each line the command writes to
     * {@code stdout} or {@code stderr} as it arrives (on the calling thread), and returns the exit
     * status (-1 when the host gave none) instead of collecting the output.
     */
    public int stream(String command, Duration timeout, Progress progress, java.util.function.Consumer<String> stdout,
                      java.util.function.Consumer<String> stderr) {
        return CommandRun.stream(client, monitor, target, command, timeout, progress,
                line -> (line.stderr() ? stderr : stdout).accept(line.text()));
    }

    /**
     * Uploads a file over SFTP to a temporary name next to {@code remotePath}, then renames it,
     * so that {@code remotePath} is either absent or complete. The temporary name is
     * {@code remotePath + ".part-" + 12 hex digits} ({@link #PARTIAL_SUFFIX}); it is removed on
     * failure or cancel while the host is reachable, and may stay behind when the connection is
     * lost. Reports the fraction sent; {@code progress} may be null.
     *
     * @throws CancelledException once {@code progress} is cancelled, within one write
     * @throws ConnectionLostException when the link breaks or goes silent (about 15 s)
     * @throws StageboardException naming permission denied, a missing folder or a full disk
     */
    public void upload(Path local, String remotePath, Progress progress) {
        files.upload(local, remotePath, progress);
    }

    /**
     * Writes {@code content} to {@code remotePath} over SFTP with permission bits {@code mode}
     * (e.g. {@code 0600}), set before any content is written. Meant for secrets such as
     * {@code .env}: they never appear on a command line. Failures name their cause as
     * {@link #upload} does; after one, the file may be there and incomplete.
     */
    public void write(String remotePath, byte[] content, int mode) {
        files.write(remotePath, content, mode);
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
            Thread listener = new Thread(new ForwardingListener(client, monitor, socket, remoteHost, remotePort, forward),
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
        monitor.closingHere();
        Connector.closeQuietly(client);
    }
}
