package org.stageboard.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.stageboard.core.StageboardException;

/** The local artifact store: one {@code <sha256>.tar.gz} per artifact, never overwritten. */
public final class ArtifactStore {

    private final Path root;

    public ArtifactStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path path(String sha256) {
        return root.resolve(sha256 + ".tar.gz");
    }

    public boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    /** Moves a packed file into the store under its SHA-256; an identical file already there is kept. */
    public Path put(Path packed, String sha256) {
        Path target = path(sha256);
        try {
            Files.createDirectories(root);
            if (Files.exists(target)) {
                Files.delete(packed);
            } else {
                Files.move(packed, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new StageboardException("Could not store the artifact in " + root + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the stored file, hex encoded, read from disk now. */
    public String rehash(String sha256) {
        try (var in = Files.newInputStream(path(sha256))) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new StageboardException("Could not read the artifact " + path(sha256) + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the stored file; false when there was none. */
    public boolean remove(String sha256) {
        try {
            return Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new StageboardException("Could not delete the artifact " + path(sha256) + ": " + e.getMessage(), e);
        }
    }

    /** A temporary file in the store's folder, so that {@link #put} is a rename. */
    public Path newTempFile() {
        try {
            Files.createDirectories(root);
            return Files.createTempFile(root, ".packing-", ".tar.gz");
        } catch (IOException e) {
            throw new StageboardException("Could not write to the artifact store " + root + ": " + e.getMessage(), e);
        }
    }
}
