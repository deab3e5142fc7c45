package org.stageboard.ssh;

import java.io.EOFException;
import java.net.SocketException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.sftp.Response.StatusCode;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.TransportException;
import org.stageboard.core.StageboardException;

/** Finds the real cause of a failed remote step (lost connection, permission, full disk) and words it. */
final class Failures {

    /** Below this many free kilobytes, a generic write failure is taken for a full disk. */
    static final long FULL_BELOW_KB = 1024;

    private Failures() {
    }

    /** True when the connection died (as {@code monitor} saw it) or {@code e} shows that it broke. */
    static boolean connectionLost(SSHClient client, LinkMonitor monitor, Throwable e) {
        if (monitor != null && monitor.isDown()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LinkWatchdog.Silence || t instanceof TransportException || t instanceof SocketException
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof SSHException ssh && ssh.getDisconnectReason() == DisconnectReason.CONNECTION_LOST) {
                return true;
            }
            if (t instanceof SFTPException sftp && (sftp.getStatusCode() == StatusCode.NO_CONNECTION
                    || sftp.getStatusCode() == StatusCode.CONNECITON_LOST)) {
                return true;
            }
        }
        return client != null && !client.getTransport().isRunning();
    }

    /** The {@link ConnectionLostException} for work that was under way: what it was, why it broke, what it left. */
    static ConnectionLostException lost(SshTarget target, LinkMonitor monitor, String during, String afterwards, Throwable e) {
        String what = "the connection to " + target.display() + " was lost during " + during + ": " + lostReason(monitor, e);
        return new ConnectionLostException(what, "T" + what.substring(1) + ". " + afterwards, e);
    }

    /** Why the connection broke, in words: silence, closed by the host, or the transport's own message. */
    static String lostReason(LinkMonitor monitor, Throwable e) {
        LinkWatchdog.Silence silence = monitor == null ? null : monitor.silence();
        for (Throwable t = e; silence == null && t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LinkWatchdog.Silence s) {
                silence = s;
            }
        }
        if (silence == null && monitor != null && monitor.closedHere()) {
            return "the session was closed on this side while the work was under way";
        }
        if (silence != null) {
            return "the host sent nothing for " + silence.seconds() + " s although asked to answer; "
                    + "the network dropped or the host went down";
        }
        Throwable root = Connector.rootCause(e);
        String said = monitor != null && monitor.downMessage() != null && !monitor.downMessage().isBlank()
                ? monitor.downMessage() : String.valueOf(root.getMessage());
        String text = said.toLowerCase(Locale.ROOT);
        if (root instanceof EOFException || text.contains("eof") || text.contains("reset") || text.contains("broken pipe")
                || text.contains("closed")) {
            return "the host closed the connection (" + said + "); the SSH server stopped or restarted, "
                    + "or the network cut the link";
        }
        return said + "; the network dropped or the host went down";
    }

    /** True when the host did not answer an SFTP request or a channel request in time. */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static Optional<StatusCode> sftpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SFTPException sftp && sftp.getStatusCode() != null) {
                return Optional.of(sftp.getStatusCode());
            }
        }
        return Optional.empty();
    }

    /**
     * The known cause of a failed write of {@code path} (a file) on the host: permission, missing
     * folder or full disk; empty when none fits. {@code exec} runs a command on the host (for
     * {@code df}); call this before removing a partly written file, or the disk looks free again.
     */
    static Optional<StageboardException> writeCause(SshTarget target, String path, Throwable e,
                                                    Function<String, ExecResult> exec) {
        StatusCode status = sftpStatus(e).orElse(StatusCode.UNKNOWN);
        String folder = parent(path);
        String host = target.display();
        switch (status) {
            case PERMISSION_DENIED, WRITE_PROTECT:
                return Optional.of(new StageboardException("Permission denied writing " + path + " on " + host
                        + ": the SSH user " + target.user() + " cannot write there; fix the folder's owner or "
                        + "permissions, or choose another base folder.", e));
            case NO_SUCH_FILE, NO_SUCH_PATH:
                return Optional.of(new StageboardException("The folder " + folder + " does not exist on " + host
                        + ": create it, or choose another base folder.", e));
            case NO_SPACE_ON_FILESYSTEM, QUOTA_EXCEEDED:
                return Optional.of(diskFull(host, path, OptionalLong.empty(), e));
            default:
                break;
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("no space") || text.contains("quota")) {
            return Optional.of(diskFull(host, path, OptionalLong.empty(), e));
        }
        if (status == StatusCode.FAILURE) {
            // OpenSSH's sftp-server reports a full disk as a bare "Failure": ask the host.
            OptionalLong free = freeKb(folder, exec);
            if (free.isPresent() && free.getAsLong() < FULL_BELOW_KB) {
                return Optional.of(diskFull(host, path, free, e));
            }
        }
        return Optional.empty();
    }

    private static OptionalLong freeKb(String folder, Function<String, ExecResult> exec) {
        try {
            ExecResult df = exec.apply(DiskSpace.command(folder));
            return df.ok() ? DiskSpace.availableKb(df.stdout()) : OptionalLong.empty();
        } catch (RuntimeException ignored) {
            return OptionalLong.empty(); // no answer about the disk: report the failure as it was
        }
    }

    private static StageboardException diskFull(String host, String path, OptionalLong freeKb, Throwable e) {
        String free = freeKb.isPresent() ? " (" + freeKb.getAsLong() + " KB free there)" : "";
        return new StageboardException("The disk of " + host + " is full: there is no space left to write " + path
                + free + ". Free some space on the host (old releases, logs, other files), then try again.", e);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : slash == 0 ? "/" : ".";
    }

    /** Bytes as "12.3 MB" (decimal units). */
    static String size(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
