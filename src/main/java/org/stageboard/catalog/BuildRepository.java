package org.stageboard.catalog;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.ProcessIdentity;

/** Builds, numbered #1, #2, … per project. */
public final class BuildRepository {
    private final Jdbc jdbc;

    BuildRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new running build with the next number of its project, owned by this process. */
    public Build start(long projectId, String commitSha, String treeId, String recipeHash, String actor) {
        return start(projectId, commitSha, treeId, recipeHash, actor, Owner.current());
    }

    /**
     * Records a new running build with the next number of its project, owned by the given process:
     * if that process dies before the build ends, {@link Catalog#recoverInterrupted()} marks the build interrupted.
     */
    public Build start(long projectId, String commitSha, String treeId, String recipeHash, String actor, ProcessIdentity owner) {
        String ownerText = owner == null ? null : owner.format();
        long id = jdbc.inTransaction(c -> {
            // Lock the project row so that two builds started at once get distinct numbers.
            Jdbc.query(c, "SELECT id FROM projects WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), projectId);
            int next = Jdbc.query(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM builds WHERE project_id = ?",
                    rs -> rs.getInt(1), projectId).get(0);
            return Jdbc.insert(c, "INSERT INTO builds(project_id, number, commit_sha, tree_id, recipe_hash, status, started_at, actor, owner)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)", projectId, next, commitSha, treeId, recipeHash, BuildStatus.RUNNING, Instant.now(), actor, ownerText);
        });
        return get(id);
    }

    public void setLog(long id, Path log) {
        jdbc.update("UPDATE builds SET log_path = ? WHERE id = ?", log, id);
    }

    public Build succeed(long id, int exitCode, String artifactSha256, String message) {
        jdbc.update("UPDATE builds SET status = ?, finished_at = ?, exit_code = ?, artifact_sha256 = ?, message = ? WHERE id = ?",
                BuildStatus.SUCCEEDED, Instant.now(), exitCode, artifactSha256, message, id);
        return get(id);
    }

    public Build fail(long id, Integer exitCode, String message) {
        jdbc.update("UPDATE builds SET status = ?, finished_at = ?, exit_code = ?, message = ? WHERE id = ?",
                BuildStatus.FAILED, Instant.now(), exitCode, message, id);
        return get(id);
    }

    /** Ends a build that the user cancelled: CANCELLED, not FAILED. */
    public Build cancel(long id, String message) {
        jdbc.update("UPDATE builds SET status = ?, finished_at = ?, message = ? WHERE id = ?",
                BuildStatus.CANCELLED, Instant.now(), message, id);
        return get(id);
    }

    public Build get(long id) {
        return jdbc.queryOne(SELECT + " WHERE b.id = ?", BuildRepository::map, id)
                .orElseThrow(() -> new NotFoundException("No build with id " + id + "."));
    }

    public Optional<Build> findByNumber(long projectId, int number) {
        return jdbc.queryOne(SELECT + " WHERE b.project_id = ? AND b.number = ?", BuildRepository::map, projectId, number);
    }

    /** The newest successful build of the same tree with the same recipe, whose artifact is recorded. */
    public Optional<Build> findCached(long projectId, String treeId, String recipeHash) {
        return jdbc.queryOne(SELECT + " WHERE b.project_id = ? AND b.tree_id = ? AND b.recipe_hash = ? AND b.status = 'SUCCEEDED'"
                + " AND b.artifact_sha256 IS NOT NULL ORDER BY b.number DESC LIMIT 1", BuildRepository::map, projectId, treeId, recipeHash);
    }

    /** Newest first. */
    public List<Build> forProject(long projectId) {
        return jdbc.query(SELECT + " WHERE b.project_id = ? ORDER BY b.number DESC", BuildRepository::map, projectId);
    }

    /** The process that started a build ({@link ProcessIdentity#format()}), if recorded: builds made before version 2 have none. */
    public Optional<String> owner(long id) {
        return jdbc.queryOne("SELECT owner FROM builds WHERE id = ?", rs -> Optional.ofNullable(rs.getString(1)), id).flatMap(o -> o);
    }

    /** Builds still RUNNING, with the process that owns each (null when not recorded). */
    List<Owned> running() {
        return jdbc.query("SELECT id, owner FROM builds WHERE status = 'RUNNING' ORDER BY id", Owned::map);
    }

    /** Marks a build INTERRUPTED if it is still RUNNING; false when it ended meanwhile. */
    boolean interrupt(long id, String message) {
        return jdbc.update("UPDATE builds SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status = 'RUNNING'",
                BuildStatus.INTERRUPTED, Instant.now(), message, id) == 1;
    }

    private static final String SELECT = "SELECT b.*, a.size_bytes FROM builds b LEFT JOIN artifacts a ON a.sha256 = b.artifact_sha256";

    static Build map(ResultSet rs) throws SQLException {
        return new Build(rs.getLong("id"), rs.getLong("project_id"), rs.getInt("number"), rs.getString("commit_sha"),
                rs.getString("tree_id"), rs.getString("recipe_hash"), BuildStatus.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"), Jdbc.integer(rs, "exit_code"),
                rs.getString("artifact_sha256"), Jdbc.longValue(rs, "size_bytes"), Jdbc.path(rs, "log_path"),
                rs.getString("message"), rs.getString("actor"));
    }
}
