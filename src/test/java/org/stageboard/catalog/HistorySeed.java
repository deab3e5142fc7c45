package org.stageboard.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Fills a real catalog with a large, known history, straight into its tables (batched, one
 * transaction): one project "shop" with environments staging and production, three hosts,
 * {@code builds} builds (one a commit each, with its message kept), {@code releases} releases and
 * {@code runs} runs, by alice, bob and carol, at known times. Every row it wrote is listed in
 * {@link #items()}, for tests to work out what a filter must find. Used by the history tests and
 * the history benchmark.
 */
public final class HistorySeed {

    /** One seeded row as the history shows it. */
    public record Item(String kind, long id, Instant at, String environment, String host, String status, String actor, String sha,
                       String message, String release) {
    }

    public static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    public static final String[] ACTORS = {"alice", "bob", "carol"};
    public static final String[] ENVIRONMENTS = {"staging", "production"};
    public static final String[] HOSTS = {"vps1", "vps2", "vps3"};
    private static final String[] RUN_STATUSES = {"SUPERSEDED", "SUPERSEDED", "FAILED", "SUPERSEDED", "ROLLED_BACK", "SUPERSEDED", "LIVE"};
    private static final String[] BUILD_STATUSES = {"SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED"};

    private final List<Item> items = new ArrayList<>();
    private long projectId;

    public List<Item> items() {
        return items;
    }

    public long projectId() {
        return projectId;
    }

    /** The commit SHA of build number {@code n} (1-based): 40 hex digits, unique per build. */
    public static String sha(int n) {
        String hex = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(n * 2654435761L + 0x5eedL).array());
        return (hex + hex + hex).substring(0, 40);
    }

    public static HistorySeed fill(Catalog catalog, int builds, int releases, int runs) {
        HistorySeed seed = new HistorySeed();
        catalog.jdbc().inTransaction(c -> {
            seed.write(c, builds, releases, runs);
            return null;
        });
        return seed;
    }

    private void write(Connection c, int builds, int releases, int runs) throws SQLException {
        OffsetDateTime base = BASE.atOffset(ZoneOffset.UTC);
        projectId = Jdbc.insert(c, "INSERT INTO projects(name, repository, branch, build_command, artifact_globs, created_at) VALUES (?,?,?,?,?,?)",
                "shop", "/nowhere/shop", "main", "true", "app.jar", base);
        long[] envIds = new long[ENVIRONMENTS.length];
        long[] configIds = new long[ENVIRONMENTS.length];
        for (int e = 0; e < ENVIRONMENTS.length; e++) {
            envIds[e] = Jdbc.insert(c, "INSERT INTO environments(project_id, name, start_command, health_url, health_timeout_s, stop_grace_s,"
                    + " keep_releases, created_at, position) VALUES (?,?,?,?,?,?,?,?,?)", projectId, ENVIRONMENTS[e], "java -jar app.jar",
                    "http://127.0.0.1:8080/health", 30, 5, 5, base, e + 1);
            configIds[e] = Jdbc.insert(c, "INSERT INTO config_versions(environment_id, version, created_at, actor) VALUES (?,?,?,?)",
                    envIds[e], 1, base, "alice");
        }
        long[] hostIds = new long[HOSTS.length];
        for (int h = 0; h < HOSTS.length; h++) {
            hostIds[h] = Jdbc.insert(c, "INSERT INTO hosts(name, address, port, user_name, private_key, base_dir, created_at) VALUES (?,?,?,?,?,?,?)",
                    HOSTS[h], "10.0.0." + (h + 1), 22, "deploy", "/keys/id", "/srv/stageboard", base);
            for (long envId : envIds) {
                Jdbc.update(c, "INSERT INTO environment_hosts(environment_id, host_id, position) VALUES (?,?,?)", envId, hostIds[h], h);
            }
        }
        long[] buildIds = new long[builds];
        String[] artifacts = new String[builds];
        try (PreparedStatement art = c.prepareStatement("INSERT INTO artifacts(sha256, project_id, commit_sha, size_bytes, path, created_at) VALUES (?,?,?,?,?,?)");
             PreparedStatement commit = c.prepareStatement("INSERT INTO commits(project_id, sha, author, committed_at, message) VALUES (?,?,?,?,?)");
             PreparedStatement build = c.prepareStatement("INSERT INTO builds(id, project_id, number, commit_sha, recipe_hash, status, started_at,"
                     + " finished_at, artifact_sha256, actor) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < builds; i++) {
                int n = i + 1;
                String sha = sha(n);
                Instant at = BASE.plusSeconds(600L * i + 60);
                String status = BUILD_STATUSES[i % BUILD_STATUSES.length];
                String message = "Fix checkout-" + n + " rounding\n\nLonger body of commit " + n + ".";
                artifacts[i] = (sha + sha).substring(0, 64);
                art.setString(1, artifacts[i]);
                art.setLong(2, projectId);
                art.setString(3, sha);
                art.setLong(4, 1000);
                art.setString(5, "/store/" + n);
                art.setObject(6, at.atOffset(ZoneOffset.UTC));
                art.addBatch();
                commit.setLong(1, projectId);
                commit.setString(2, sha);
                commit.setString(3, "Dev " + n);
                commit.setObject(4, at.minusSeconds(3600).atOffset(ZoneOffset.UTC));
                commit.setString(5, message);
                commit.addBatch();
                buildIds[i] = n;
                build.setLong(1, n);
                build.setLong(2, projectId);
                build.setInt(3, n);
                build.setString(4, sha);
                build.setString(5, "r".repeat(64));
                build.setString(6, status);
                build.setObject(7, at.atOffset(ZoneOffset.UTC));
                build.setObject(8, at.plusSeconds(30).atOffset(ZoneOffset.UTC));
                build.setString(9, artifacts[i]);
                build.setString(10, ACTORS[i % ACTORS.length]);
                build.addBatch();
                items.add(new Item("BUILD", n, at, null, null, status, ACTORS[i % ACTORS.length], sha, message, null));
            }
            art.executeBatch();
            commit.executeBatch();
            build.executeBatch();
        }
        String[] labels = new String[releases];
        int[] releaseBuild = new int[releases];
        int[] releaseEnv = new int[releases];
        try (PreparedStatement release = c.prepareStatement("INSERT INTO releases(id, environment_id, version, build_id, artifact_sha256,"
                + " config_version_id, start_command, health_url, health_timeout_s, stop_grace_s, keep_releases, created_at, actor)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int[] versions = new int[ENVIRONMENTS.length];
            for (int j = 0; j < releases; j++) {
                int e = j % ENVIRONMENTS.length;
                int b = (int) ((long) j * builds / releases);
                Instant at = BASE.plusSeconds(600L * b + 120 + j % 7);
                int version = ++versions[e];
                labels[j] = ENVIRONMENTS[e] + " v" + version;
                releaseBuild[j] = b;
                releaseEnv[j] = e;
                release.setLong(1, j + 1);
                release.setLong(2, envIds[e]);
                release.setInt(3, version);
                release.setLong(4, buildIds[b]);
                release.setString(5, artifacts[b]);
                release.setLong(6, configIds[e]);
                release.setString(7, "java -jar app.jar");
                release.setString(8, "http://127.0.0.1:8080/health");
                release.setInt(9, 30);
                release.setInt(10, 5);
                release.setInt(11, 5);
                release.setObject(12, at.atOffset(ZoneOffset.UTC));
                release.setString(13, ACTORS[(j + 1) % ACTORS.length]);
                release.addBatch();
                Item built = items.get(b);
                items.add(new Item("RELEASE", j + 1, at, ENVIRONMENTS[e], null, "CREATED", ACTORS[(j + 1) % ACTORS.length], built.sha(),
                        built.message(), labels[j]));
            }
            release.executeBatch();
        }
        try (PreparedStatement run = c.prepareStatement("INSERT INTO runs(id, release_id, host_id, kind, status, started_at, finished_at, actor)"
                + " VALUES (?,?,?,?,?,?,?,?)")) {
            for (int k = 0; k < runs; k++) {
                int j = (int) ((long) k * releases / runs);
                int h = k % HOSTS.length;
                Instant at = BASE.plusSeconds(600L * releaseBuild[j] + 180 + k % 11);
                String status = RUN_STATUSES[k % RUN_STATUSES.length];
                String actor = ACTORS[(k + 2) % ACTORS.length];
                run.setLong(1, k + 1);
                run.setLong(2, j + 1);
                run.setLong(3, hostIds[h]);
                run.setString(4, "DEPLOY");
                run.setString(5, status);
                run.setObject(6, at.atOffset(ZoneOffset.UTC));
                run.setObject(7, at.plusSeconds(20).atOffset(ZoneOffset.UTC));
                run.setString(8, actor);
                run.addBatch();
                Item built = items.get(releaseBuild[j]);
                items.add(new Item("RUN", k + 1, at, ENVIRONMENTS[releaseEnv[j]], HOSTS[h], status, actor, built.sha(), built.message(), labels[j]));
                if (k % 5000 == 4999) {
                    run.executeBatch();
                }
            }
            run.executeBatch();
        }
        // Explicit ids: move the identity columns past them, for rows added later.
        Jdbc.update(c, "ALTER TABLE builds ALTER COLUMN id RESTART WITH " + (builds + 1));
        Jdbc.update(c, "ALTER TABLE releases ALTER COLUMN id RESTART WITH " + (releases + 1));
        Jdbc.update(c, "ALTER TABLE runs ALTER COLUMN id RESTART WITH " + (runs + 1));
    }
}
