package org.stageboard.pipeline;

import java.nio.file.Path;

/**
 * Where Stageboard keeps its files: {@code STAGEBOARD_HOME}, else {@code ~/.stageboard}. Holds
 * the catalog (and the password of its server), the artifact store, build and run logs, the
 * known_hosts file and the secret key (or the passphrase's salt). Created readable by this user
 * only (0700).
 */
public record StageboardHome(Path root) {

    public StageboardHome {
        root = root.toAbsolutePath().normalize();
    }

    public static StageboardHome fromEnvironment() {
        String env = System.getenv("STAGEBOARD_HOME");
        if (env != null && !env.isBlank()) {
            return new StageboardHome(Path.of(env));
        }
        return new StageboardHome(Path.of(System.getProperty("user.home"), ".stageboard"));
    }

    public Path catalogDir() {
        return root.resolve("catalog");
    }

    public Path artifactsDir() {
        return root.resolve("artifacts");
    }

    public Path buildLogsDir() {
        return root.resolve("logs").resolve("builds");
    }

    public Path runLogsDir() {
        return root.resolve("logs").resolve("runs");
    }

    public Path workDir() {
        return root.resolve("work");
    }

    /** Per-project dependency caches kept between builds ({@code caches/<project>/home}). */
    public Path cachesDir() {
        return root.resolve("caches");
    }

    public Path knownHosts() {
        return root.resolve("known_hosts");
    }

    public Path secretKey() {
        return root.resolve("secret.key");
    }

    /** Salt and check value of the passphrase that seals secrets, when the user chose one (mode 0600). */
    public Path passphraseFile() {
        return root.resolve("secret.passphrase");
    }

    /**
     * Creates the home folder readable by this user only (0700) if it does not exist yet; an
     * existing home is left as it is. Returns this home.
     */
    public StageboardHome create() {
        if (!java.nio.file.Files.isDirectory(root)) {
            try {
                if (root.getParent() != null) {
                    java.nio.file.Files.createDirectories(root.getParent());
                }
                try {
                    java.nio.file.Files.createDirectory(root, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    java.nio.file.Files.createDirectory(root);
                }
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made by another process at the same time
            } catch (java.io.IOException e) {
                throw new org.stageboard.core.StageboardException("Could not create the Stageboard home " + root + ": " + e.getMessage(), e);
            }
        }
        return this;
    }
}
