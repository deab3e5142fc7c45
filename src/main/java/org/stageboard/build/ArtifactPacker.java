package org.stageboard.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.stageboard.core.StageboardException;

/**
 * Packs the matched files of a build folder plus the manifest into a {@code .tar.gz}, and
 * computes the SHA-256 of the file while writing it.
 */
public final class ArtifactPacker {

    /** The packed file and its identity. */
    public record Packed(Path file, String sha256, long size) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Packed pack(Path root, List<String> files, BuildManifest manifest, Path output) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = Files.newOutputStream(output);
                 DigestOutputStream hashed = new DigestOutputStream(new BufferedOutputStream(file), digest);
                 GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(hashed);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
                TarArchiveEntry manifestEntry = new TarArchiveEntry(BuildManifest.FILE_NAME);
                manifestEntry.setSize(manifestBytes.length);
                manifestEntry.setMode(0644);
                tar.putArchiveEntry(manifestEntry);
                tar.write(manifestBytes);
                tar.closeArchiveEntry();
                for (String name : files) {
                    Path path = root.resolve(name);
                    if (Files.isSymbolicLink(path)) {
                        TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                        link.setLinkName(Files.readSymbolicLink(path).toString());
                        tar.putArchiveEntry(link);
                        tar.closeArchiveEntry();
                        continue;
                    }
                    TarArchiveEntry entry = new TarArchiveEntry(path, name, LinkOption.NOFOLLOW_LINKS);
                    entry.setMode(Files.isExecutable(path) ? 0755 : 0644);
                    entry.setUserName("");
                    entry.setGroupName("");
                    entry.setIds(0, 0);
                    tar.putArchiveEntry(entry);
                    try (InputStream in = Files.newInputStream(path)) {
                        in.transferTo(tar);
                    }
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            return new Packed(output, HexFormat.of().formatHex(digest.digest()), Files.size(output));
        } catch (IOException e) {
            throw new StageboardException("Could not pack the artifact: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
