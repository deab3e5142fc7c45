package org.stageboard.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;

/**
 * Copies one local file to a remote path over SFTP with many writes in flight (so a link with a
 * long round trip stays busy), reporting the fraction sent and stopping at once when cancelled.
 */
final class SftpUpload {

    /** Unacknowledged writes allowed in flight: 64 of about 32 kB, 2 MB, the usual SSH channel window. */
    static final int WRITES_IN_FLIGHT = 64;

    private final Path local;
    private final Progress progress;
    private final long size;
    private volatile long sent;

    SftpUpload(Path local, Progress progress) {
        this.local = local;
        this.progress = progress;
        long length;
        try {
            length = Files.size(local);
        } catch (IOException e) {
            throw new StageboardException("Cannot read " + local + ": " + e.getMessage()
                    + ". Check that the file exists and is readable.", e);
        }
        this.size = length;
    }

    long size() {
        return size;
    }

    /** Bytes handed to the connection so far (the host may not have written all of them). */
    long sent() {
        return sent;
    }

    /**
     * Writes the file to {@code remotePath}, created or truncated. Throws {@link CancelledException}
     * between two writes once the progress is cancelled; the remote file is then incomplete.
     */
    void run(SFTPClient sftp, String remotePath) throws IOException {
        progress.checkCancelled();
        try (RemoteFile file = sftp.open(remotePath, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
             InputStream in = openLocal()) {
            int chunk = sftp.getSFTPEngine().getSubsystem().getRemoteMaxPacketSize() - file.getOutgoingPacketOverhead();
            RemoteFile.RemoteFileOutputStream out = file.new RemoteFileOutputStream(0, WRITES_IN_FLIGHT);
            byte[] buffer = new byte[chunk];
            long reported = -1;
            for (int n; (n = readLocal(in, buffer)) > 0; ) {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                out.write(buffer, 0, n);
                sent += n;
                long permille = size > 0 ? sent * 1000 / size : 1000;
                if (permille != reported && permille < 1000) {
                    reported = permille;
                    progress.fraction(permille / 1000.0);
                    progress.transferred(sent, size);
                }
            }
            out.flush(); // waits for every write to be acknowledged
        }
        progress.fraction(1.0);
        progress.transferred(sent, size);
    }

    private InputStream openLocal() {
        try {
            return Files.newInputStream(local);
        } catch (IOException e) {
            throw new StageboardException("Cannot read " + local + ": " + e.getMessage()
                    + ". Check that the file exists and is readable.", e);
        }
    }

    private int readLocal(InputStream in, byte[] buffer) {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new StageboardException("Reading " + local + " failed during the upload: " + e.getMessage() + ".", e);
        }
    }
}
