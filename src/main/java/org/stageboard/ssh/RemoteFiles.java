package org.stageboard.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.SFTPClient;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;

/** SFTP uploads and writes of one session, with failures turned into their real causes. */
final class RemoteFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Bytes per SFTP write request: servers refuse requests much larger than 32 kB (OpenSSH closes the channel). */
    private static final int WRITE_CHUNK = 32 * 1024;

    private final SSHClient client;
    private final LinkMonitor monitor;
    private final SshTarget target;
    private final Function<String, ExecResult> exec;

    /** {@code exec} runs a short command on the same host (rename fallback, {@code df}). */
    RemoteFiles(SSHClient client, LinkMonitor monitor, SshTarget target, Function<String, ExecResult> exec) {
        this.client = client;
        this.monitor = monitor;
        this.target = target;
        this.exec = exec;
    }

    /** See {@link SshSession#upload}. */
    void upload(Path local, String remotePath, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        p.checkCancelled();
        String temp = remotePath + SshSession.PARTIAL_SUFFIX + randomHex();
        SftpUpload transfer = new SftpUpload(local, p);
        String name = local.getFileName().toString();
        StageboardException failure;
        try (LinkMonitor.Busy busy = monitor.busy()) {
            SFTPClient sftp = openSftp("the upload of " + name, remotePath + " was not changed");
            try {
                transfer.run(sftp, temp);
                rename(sftp, temp, remotePath);
                return;
            } catch (CancelledException e) {
                removeQuietly(sftp, temp);
                throw e;
            } catch (IOException | RuntimeException e) {
                failure = uploadFailure(sftp, transfer, name, remotePath, temp, e);
            } finally {
                closeQuietly(sftp);
            }
        }
        throw failure;
    }

    private StageboardException uploadFailure(SFTPClient sftp, SftpUpload transfer, String name, String remotePath,
                                              String temp, Exception e) {
        String progress = Failures.size(transfer.sent()) + " of " + Failures.size(transfer.size());
        if (Failures.connectionLost(client, monitor, e)) {
            return Failures.lost(target, monitor, "the upload of " + name + " (after " + progress + ")", remotePath
                    + " was not changed (a partial " + temp + " may remain); upload again when the host is reachable.", e);
        }
        if (e instanceof StageboardException known) {
            removeQuietly(sftp, temp);
            return known;
        }
        Optional<StageboardException> cause = Failures.writeCause(target, remotePath, e, exec);
        removeQuietly(sftp, temp); // after looking for the cause: a full disk looks free again once the part is gone
        if (cause.isPresent()) {
            return cause.get();
        }
        if (Failures.timedOut(e)) {
            return new StageboardException("The host " + target.display() + " did not acknowledge the upload of " + name
                    + " in time (after " + progress + "): it may be overloaded or its disk very slow. Try again.", e);
        }
        return new StageboardException("Uploading " + name + " to " + target.display() + ":" + remotePath + " failed: "
                + e.getMessage() + ".", e);
    }

    private void rename(SFTPClient sftp, String from, String to) throws IOException {
        try {
            // OVERWRITE makes sshj use OpenSSH's posix-rename@openssh.com (atomic, replaces the target);
            // NATIVE lets it fall back to a plain RENAME on servers without that extension.
            sftp.rename(from, to, EnumSet.of(RenameFlags.OVERWRITE, RenameFlags.NATIVE));
        } catch (IOException e) {
            if (Failures.connectionLost(client, monitor, e)) {
                throw e;
            }
            // A plain SFTP v3 RENAME will not replace an existing file; mv does, atomically.
            ExecResult mv = exec.apply("mv -f -- " + ShellQuote.quote(from) + " " + ShellQuote.quote(to));
            if (!mv.ok()) {
                throw new IOException("cannot rename " + from + " to " + to + ": " + mv.stderr().strip(), e);
            }
        }
    }

    /** See {@link SshSession#write}. */
    void write(String remotePath, byte[] content, int mode) {
        StageboardException failure;
        try (LinkMonitor.Busy busy = monitor.busy()) {
            SFTPClient sftp = openSftp("the writing of " + remotePath, remotePath + " was not changed");
            try {
                FileAttributes attributes = new FileAttributes.Builder().withPermissions(mode).build();
                try (RemoteFile file = sftp.open(remotePath, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC),
                        attributes)) {
                    sftp.chmod(remotePath, mode);
                    try (OutputStream out = file.new RemoteFileOutputStream(0, 16)) {
                        for (int offset = 0; offset < content.length; offset += WRITE_CHUNK) {
                            out.write(content, offset, Math.min(WRITE_CHUNK, content.length - offset));
                        }
                    }
                }
                return;
            } catch (IOException e) {
                if (Failures.connectionLost(client, monitor, e)) {
                    failure = Failures.lost(target, monitor, "the writing of " + remotePath, remotePath
                            + " may be missing or incomplete; write it again when the host is reachable.", e);
                } else {
                    failure = Failures.writeCause(target, remotePath, e, exec).orElseGet(() -> new StageboardException(
                            "Writing " + remotePath + " on " + target.display() + " failed: " + e.getMessage() + ".", e));
                }
            } finally {
                closeQuietly(sftp);
            }
        }
        throw failure;
    }

    private SFTPClient openSftp(String during, String afterwards) {
        try {
            return client.newSFTPClient();
        } catch (IOException e) {
            if (Failures.connectionLost(client, monitor, e)) {
                throw Failures.lost(target, monitor, during, afterwards + "; try again when the host is reachable.", e);
            }
            throw new StageboardException("The SSH server of " + target.display() + " did not start SFTP ("
                    + e.getMessage() + "): enable its SFTP subsystem (Subsystem sftp in sshd_config).", e);
        }
    }

    private static void removeQuietly(SFTPClient sftp, String path) {
        try {
            sftp.rm(path);
        } catch (IOException | RuntimeException ignored) {
            // Best effort: a stray temp file is harmless, the failure is what matters.
        }
    }

    private static void closeQuietly(SFTPClient sftp) {
        try {
            sftp.close();
        } catch (IOException | RuntimeException ignored) {
            // The outcome is already known.
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** For looking at the host while handling a failure: a short timeout. */
    static Duration probeTimeout() {
        return Duration.ofSeconds(15);
    }
}
