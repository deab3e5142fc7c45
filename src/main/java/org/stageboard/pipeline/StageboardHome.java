package org.stageboard.pipeline;

import java.nio.file.Path;

/**
 * Where Stageboard keeps its files: {@code STAGEBOARD_HOME}, else {@code ~/.stageboard}. Holds
 * the catalog, the artifact store, build and run logs, the known_hosts file and the secret key.
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
}
