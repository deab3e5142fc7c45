package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.stageboard.core.Artifact;

/** Artifacts, by SHA-256. Recording the same artifact twice is a no-op: build once, run many. */
public final class ArtifactRepository {
    private final Jdbc jdbc;

    ArtifactRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Artifact record(Artifact artifact) {
        jdbc.update("MERGE INTO artifacts(sha256, project_id, commit_sha, size_bytes, path, created_at) KEY(sha256) VALUES (?,?,?,?,?,?)",
                artifact.sha256(), artifact.projectId(), artifact.commitSha(), artifact.size(), artifact.file(), artifact.createdAt());
        return find(artifact.sha256()).orElseThrow();
    }

    public Optional<Artifact> find(String sha256) {
        return jdbc.queryOne("SELECT * FROM artifacts WHERE sha256 = ?", ArtifactRepository::map, sha256);
    }

    static Artifact map(ResultSet rs) throws SQLException {
        return new Artifact(rs.getString("sha256"), rs.getLong("project_id"), rs.getString("commit_sha"),
                rs.getLong("size_bytes"), Jdbc.path(rs, "path"), Jdbc.instant(rs, "created_at"));
    }
}
