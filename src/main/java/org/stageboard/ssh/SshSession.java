package org.stageboard.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.xfer.FileSystemFile;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;

/**
 * An authenticated SSH connection to one host. {@link #open} verifies the host key against the
 * pinned one before anything else, then authenticates with the target's private key. Commands,
 * SFTP transfers and port forwards share the connection; close it with try-with-resources.
 */
public final class SshSession implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SshTarget target;
    private final SSHClient client;

    private SshSession(SshTarget target, SSHClient client) {
        this.target = target;
        this.client = client;
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
            return new SshSession(target, client);
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
     * Runs one command through the remote user's shell and waits for it. A non-zero exit code is
     * returned, not thrown; not finishing within {@code timeout} throws.
     */
    public ExecResult exec(String command, Duration timeout) {
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(command);
            cmd.getOutputStream().close();
            CompletableFuture<String> out = readAsync(cmd.getInputStream());
            CompletableFuture<String> err = readAsync(cmd.getErrorStream());
            try {
                cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ConnectionException e) {
                throw new StageboardException("A command on " + target.display() + " did not finish within "
                        + timeout.toSeconds() + " s.", e);
            }
            Integer status = cmd.getExitStatus();
            return new ExecResult(status == null ? -1 : status, out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (StageboardException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageboardException("Interrupted while running a command on " + target.display() + ".", e);
        } catch (Exception e) {
            throw new StageboardException("Running a command on " + target.display() + " failed: " + e.getMessage(), e);
        }
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                result.complete(buffer.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "ssh-exec-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    /**
     * Uploads a file over SFTP to a temporary name next to {@code remotePath}, then renames it,
     * so that {@code remotePath} is either absent or complete. Reports the fraction done.
     */
    public void upload(Path local, String remotePath, Progress progress) {
        String temp = remotePath + ".part-" + randomHex();
        try (SFTPClient sftp = client.newSFTPClient()) {
            sftp.getFileTransfer().setTransferListener(new ProgressTransferListener(progress == null ? Progress.NONE : progress));
            try {
                sftp.getFileTransfer().upload(new FileSystemFile(local.toFile()), temp);
                rename(sftp, temp, remotePath);
            } catch (IOException | RuntimeException e) {
                removeQuietly(sftp, temp);
                throw e;
            }
        } catch (IOException e) {
            throw new StageboardException("Uploading " + local.getFileName() + " to " + target.display() + ":" + remotePath
                    + " failed: " + e.getMessage() + ". Check the free space and permissions on the host.", e);
        }
    }

    private void rename(SFTPClient sftp, String from, String to) throws IOException {
        try {
            sftp.rename(from, to);
        } catch (IOException e) {
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

    /**
     * Writes {@code content} to {@code remotePath} over SFTP with permission bits {@code mode}
     * (e.g. {@code 0600}), set before any content is written. Meant for secrets such as
     * {@code .env}: they never appear on a command line.
     */
    public void write(String remotePath, byte[] content, int mode) {
        try (SFTPClient sftp = client.newSFTPClient()) {
            FileAttributes attributes = new FileAttributes.Builder().withPermissions(mode).build();
            try (RemoteFile file = sftp.open(remotePath, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC), attributes)) {
                sftp.chmod(remotePath, mode);
                try (OutputStream out = file.new RemoteFileOutputStream(0)) {
                    out.write(content);
                }
            }
        } catch (IOException e) {
            throw new StageboardException("Writing " + remotePath + " on " + target.display() + " failed: "
                    + e.getMessage() + ". Check that the folder exists and is writable.", e);
        }
    }

    /**
     * Forwards a free local port on 127.0.0.1 to {@code remoteHost:remotePort} as seen from the
     * remote machine, e.g. to reach an app that only listens on the host's loopback. A refused
     * connection fails only that connection; the port keeps forwarding.
     */
    public PortForward forward(String remoteHost, int remotePort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread listener = new Thread(new ForwardingListener(client, socket, remoteHost, remotePort),
                    "ssh-forward-" + socket.getLocalPort());
            listener.setDaemon(true);
            listener.start();
            return new PortForward(socket, listener);
        } catch (IOException e) {
            throw new StageboardException("Cannot forward a local port to " + remoteHost + ":" + remotePort + " on "
                    + target.display() + ": " + e.getMessage(), e);
        }
    }

    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
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
