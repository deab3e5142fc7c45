package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.Release;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunSettingsJson;

/** Releases, numbered v1, v2, … per environment. There is no update: a release never changes. */
public final class ReleaseRepository {
    private final Jdbc jdbc;

    ReleaseRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Release add(Environment environment, Build build, ConfigVersion config, String actor) {
        RunSettings run = environment.run();
        long id = jdbc.inTransaction(c -> {
            Jdbc.query(c, "SELECT id FROM environments WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), environment.id());
            int next = Jdbc.query(c, "SELECT COALESCE(MAX(version), 0) + 1 FROM releases WHERE environment_id = ?",
                    rs -> rs.getInt(1), environment.id()).get(0);
            return Jdbc.insert(c, "INSERT INTO releases(environment_id, version, build_id, artifact_sha256, config_version_id, start_command,"
                            + " health_url, health_timeout_s, stop_grace_s, keep_releases, run_extras, created_at, actor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    environment.id(), next, build.id(), build.artifactSha256(), config.id(), run.startCommand(), run.healthUrl(),
                    run.healthTimeoutSeconds(), run.stopGraceSeconds(), run.keepReleases(), RunSettingsJson.extras(run), Instant.now(), actor);
        });
        return get(id);
    }

    public Release get(long id) {
        return jdbc.queryOne(SELECT + " WHERE r.id = ?", ReleaseRepository::map, id)
                .orElseThrow(() -> new NotFoundException("No release with id " + id + "."));
    }

    public Optional<Release> find(long environmentId, int version) {
        return jdbc.queryOne(SELECT + " WHERE r.environment_id = ? AND r.version = ?", ReleaseRepository::map, environmentId, version);
    }

    /** Newest first. */
    public List<Release> forEnvironment(long environmentId) {
        return jdbc.query(SELECT + " WHERE r.environment_id = ? ORDER BY r.version DESC", ReleaseRepository::map, environmentId);
    }

    /** Every release of every environment of a project, newest first. */
    public List<Release> forProject(long projectId) {
        return jdbc.query(SELECT + " WHERE e.project_id = ? ORDER BY r.created_at DESC, r.id DESC", ReleaseRepository::map, projectId);
    }

    /** The newest {@code limit} releases of an environment, newest first (by the index on environment and version). */
    public List<Release> latest(long environmentId, int limit) {
        // The newest ids first, on the releases table alone; then the joins for those few (joining first sorts every release of the environment).
        return jdbc.query(SELECT + " WHERE r.id IN (SELECT id FROM releases WHERE environment_id = ? ORDER BY version DESC LIMIT ?) ORDER BY r.version DESC",
                ReleaseRepository::map, environmentId, limit);
    }

    /** The releases with these ids, in no particular order (ids not found are left out). */
    public List<Release> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " WHERE r.id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                ReleaseRepository::map, ids.toArray());
    }

    /** How many releases an environment has. */
    public int count(long environmentId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM releases WHERE environment_id = ?", rs -> rs.getInt(1), environmentId).orElse(0);
    }

    private static final String SELECT = "SELECT r.*, e.name AS env_name, b.number AS build_number, cv.version AS config_number"
            + " FROM releases r JOIN environments e ON e.id = r.environment_id JOIN builds b ON b.id = r.build_id"
            + " JOIN config_versions cv ON cv.id = r.config_version_id";

    static Release map(ResultSet rs) throws SQLException {
        return new Release(rs.getLong("id"), rs.getLong("environment_id"), rs.getString("env_name"), rs.getInt("version"),
                rs.getLong("build_id"), rs.getInt("build_number"), rs.getString("artifact_sha256"), rs.getLong("config_version_id"),
                rs.getInt("config_number"),
                RunSettingsJson.withExtras(rs.getString("start_command"), rs.getString("health_url"), rs.getInt("health_timeout_s"),
                        rs.getInt("stop_grace_s"), rs.getInt("keep_releases"), rs.getString("run_extras")),
                Jdbc.instant(rs, "created_at"), rs.getString("actor"));
    }
}
