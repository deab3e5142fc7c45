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
            Login login = Login.of(client, target);
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
                if (login.agentAuth() != null) {
                    client.auth(target.user(), login.agentAuth());
                } else {
                    client.authPublickey(target.user(), login.key());
                }
            } catch (UserAuthException e) {
                throw new StageboardException(refused(target, login.info()), e);
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

    /** How to log in: a key loaded from its file, or one held by the ssh-agent; and what it is, for messages. */
    private record Login(KeyProvider key, AgentAuth agentAuth, org.stageboard.core.KeyFileInfo info) {
        static Login of(SSHClient client, SshTarget target) {
            java.util.Optional<byte[]> publicOnly = KeyFiles.publicKeyFile(target.privateKey());
            if (publicOnly.isPresent()) {
                return viaAgent(target, publicOnly.get(), null);
            }
            try {
                KeyFiles.Loaded loaded = KeyFiles.load(client, target.privateKey(), target.keyPassphrase());
                return new Login(loaded.key(), null, loaded.info());
            } catch (org.stageboard.core.KeyPassphraseException e) {
                java.util.Optional<byte[]> beside = KeyFiles.publicKeyFile(target.privateKey().resolveSibling(target.privateKey().getFileName() + ".pub"));
                if (e.wrong() || target.agentSocket() == null || beside.isEmpty()) {
                    throw e;
                }
                return viaAgent(target, beside.get(), e);
            }
        }

        private static Login viaAgent(SshTarget target, byte[] blob, RuntimeException otherwise) {
            if (target.agentSocket() == null) {
                throw new StageboardException("The key " + target.privateKey() + " is a public key: its private half must be held by a running"
                        + " ssh-agent, and none is known ($SSH_AUTH_SOCK is not set). Start one and add the key ('ssh-add'), or give the private key file.");
            }
            SshAgent agent = new SshAgent(target.agentSocket());
            SshAgent.Identity identity = agent.identities().stream().filter(i -> i.sameKey(blob)).findFirst().orElse(null);
            if (identity == null) {
                if (otherwise != null) {
                    throw otherwise;
                }
                throw new StageboardException("The ssh-agent (" + target.agentSocket() + ") does not hold the key " + target.privateKey()
                        + ": add its private key with 'ssh-add', or give the private key file.");
            }
            org.stageboard.core.KeyFileInfo info = new org.stageboard.core.KeyFileInfo(target.privateKey(), identity.type(),
                    KeyFiles.fingerprint(blob), false);
            return new Login(null, new AgentAuth(agent, identity), new org.stageboard.core.KeyFileInfo(info.path(),
                    info.type() + " held by the ssh-agent", info.fingerprint(), false));
        }
    }

    /** Why a key may be refused, naming the key that was offered: what to check, most likely first. */
    static String refused(SshTarget target, org.stageboard.core.KeyFileInfo key) {
        return target.display() + " refused the key offered, " + key.describe() + ". Likely causes:\n"
                + "  - its public key is not in ~" + target.user() + "/.ssh/authorized_keys on the host (add the line of "
                + key.path() + ".pub; 'ssh-keygen -lf' on it shows " + key.fingerprint() + ");\n"
                + "  - the user is wrong: the key is authorized for another user than '" + target.user() + "';\n"
                + "  - the permissions on the host are too open: ~/.ssh must be 700 and authorized_keys 600, owned by "
                + target.user() + " (sshd ignores them otherwise);\n"
                + "  - another key is the one authorized: choose it with 'stageboard host edit --key FILE'.";
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
     * Starts {@code command} on a channel of its own and keeps it running with its input open
     * until the returned {@link HeldCommand} is closed, or this side's connection or process is
     * gone (the command then reads end-of-file). Waits up to {@code timeout} for the command to
     * print {@code readyLine} on a line of its own; throws a {@link StageboardException} when it
     * does not.
     */
    public HeldCommand hold(String command, String readyLine, Duration timeout) {
        return HeldCommand.start(client, target, command, readyLine, timeout);
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
