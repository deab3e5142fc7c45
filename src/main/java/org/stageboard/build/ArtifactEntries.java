package org.stageboard.build;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.stageboard.core.StageboardException;

/** Reads one small file out of a stored artifact ({@code .tar.gz}) without unpacking it, e.g. its {@code Procfile}. */
public final class ArtifactEntries {

    /** Larger entries are not read: what is looked up this way is a few lines of text. */
    static final long LIMIT_BYTES = 256 * 1024;

    private ArtifactEntries() {
    }

    /** The text of the regular file {@code name} at the artifact's top level (also as {@code ./name}), if it has one. */
    public static Optional<String> text(Path artifact, String name) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(artifact));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (path.equals(name) && entry.isFile()) {
                    if (entry.getSize() > LIMIT_BYTES) {
                        throw new StageboardException("The artifact's " + name + " is " + entry.getSize() + " bytes; at most "
                                + LIMIT_BYTES + " are read.");
                    }
                    return Optional.of(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new StageboardException("Cannot read the artifact " + artifact + ": " + e.getMessage() + ".");
        }
    }
}
