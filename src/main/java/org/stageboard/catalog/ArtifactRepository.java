package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.stageboard.core.Artifact;
import org.stageboard.core.ArtifactState;
import org.stageboard.core.StoredArtifact;

/**
 * Artifacts, by SHA-256, with what the store last said of each. Recording the same artifact
 * twice is a no-op: build once, run many (recording again an artifact found missing or pruned
 * makes it OK again: the build packed it anew).
 */
public final class ArtifactRepository {
    private final Jdbc jdbc;

    ArtifactRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Artifact record(Artifact artifact) {
        jdbc.update("MERGE INTO artifacts(sha256, project_id, commit_sha, size_bytes, path, created_at) KEY(sha256) VALUES (?,?,?,?,?,?)",
                artifact.sha256(), artifact.projectId(), artifact.commitSha(), artifact.size(), artifact.file(), artifact.createdAt());
        jdbc.update("UPDATE artifacts SET state = 'OK' WHERE sha256 = ? AND state IN ('MISSING', 'PRUNED')", artifact.sha256());
        return find(artifact.sha256()).orElseThrow();
    }

    public Optional<Artifact> find(String sha256) {
        return jdbc.queryOne("SELECT * FROM artifacts WHERE sha256 = ?", ArtifactRepository::map, sha256);
    }

    /** Every artifact with its state, newest first. */
    public List<StoredArtifact> all() {
        return jdbc.query("SELECT * FROM artifacts ORDER BY created_at DESC, sha256", ArtifactRepository::mapStored);
    }

    public Optional<StoredArtifact> stored(String sha256) {
        return jdbc.queryOne("SELECT * FROM artifacts WHERE sha256 = ?", ArtifactRepository::mapStored, sha256);
    }

    /** Records what a verify or a retention pass found for the artifact. */
    public void mark(String sha256, ArtifactState state, Instant checkedAt) {
        if (checkedAt == null) {
            jdbc.update("UPDATE artifacts SET state = ? WHERE sha256 = ?", state, sha256);
        } else {
            jdbc.update("UPDATE artifacts SET state = ?, checked_at = ? WHERE sha256 = ?", state, checkedAt, sha256);
        }
    }

    /**
     * The artifacts that kept releases use: for each environment its newest {@code keep_releases}
     * releases (those its hosts keep to roll back to), and every release that is the last run
     * of some host (what runs there now, whatever its age).
     */
    public Set<String> usedByKeptReleases() {
        Set<String> used = new TreeSet<>(jdbc.query("SELECT DISTINCT r.artifact_sha256 FROM releases r JOIN environments e ON e.id = r.environment_id"
                + " WHERE (SELECT COUNT(*) FROM releases n WHERE n.environment_id = r.environment_id AND n.version > r.version) < e.keep_releases",
                rs -> rs.getString(1)));
        used.addAll(jdbc.query("SELECT DISTINCT r.artifact_sha256 FROM runs u JOIN releases r ON r.id = u.release_id"
                + " WHERE u.id IN (SELECT MAX(u2.id) FROM runs u2 JOIN releases r2 ON r2.id = u2.release_id GROUP BY u2.host_id, r2.environment_id)",
                rs -> rs.getString(1)));
        return used;
    }

    static Artifact map(ResultSet rs) throws SQLException {
        return new Artifact(rs.getString("sha256"), rs.getLong("project_id"), rs.getString("commit_sha"),
                rs.getLong("size_bytes"), Jdbc.path(rs, "path"), Jdbc.instant(rs, "created_at"));
    }

    static StoredArtifact mapStored(ResultSet rs) throws SQLException {
        return new StoredArtifact(map(rs), ArtifactState.valueOf(rs.getString("state")), Jdbc.instant(rs, "checked_at"));
    }
}
