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

/**
 * Builds, numbered #1, #2, … per project. The builds of one project run one at a time: a new
 * build is QUEUED, and becomes RUNNING ({@link #tryRun}) only when no other build of its project
 * runs and none was queued before it.
 */
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
        return insert(projectId, commitSha, treeId, recipeHash, actor, owner, BuildStatus.RUNNING, null);
    }

    /**
     * Records a new QUEUED build with the next number of its project, owned by this process; it
     * runs once {@link #tryRun} says so. {@code recipeSource} is where its recipe came from.
     */
    public Build queue(long projectId, String commitSha, String treeId, String recipeHash, String actor, String recipeSource) {
        return insert(projectId, commitSha, treeId, recipeHash, actor, Owner.current(), BuildStatus.QUEUED, recipeSource);
    }

    /**
     * Records a build that reuses the artifact of build {@code from} (same tree, same recipe):
     * SUCCEEDED at once, with {@code cached_from} naming it, not a new build that took no time.
     */
    public Build recordCached(long projectId, String commitSha, String treeId, String recipeHash, String actor, Build from,
                              String recipeSource, String message) {
        Build build = insert(projectId, commitSha, treeId, recipeHash, actor, Owner.current(), BuildStatus.RUNNING, recipeSource);
        return succeedFromCache(build.id(), from, message);
    }

    /** Ends a queued or running build as a reuse of build {@code from}'s artifact. */
    public Build succeedFromCache(long id, Build from, String message) {
        Instant now = Instant.now();
        jdbc.update("UPDATE builds SET status = ?, started_at = ?, finished_at = ?, exit_code = NULL, artifact_sha256 = ?, cached_from = ?,"
                        + " message = ? WHERE id = ?",
                BuildStatus.SUCCEEDED, now, now, from.artifactSha256(), from.cached() ? from.cachedFrom() : from.number(), message, id);
        return get(id);
    }

    private Build insert(long projectId, String commitSha, String treeId, String recipeHash, String actor, ProcessIdentity owner,
                         BuildStatus status, String recipeSource) {
        String ownerText = owner == null ? null : owner.format();
        long id = jdbc.inTransaction(c -> {
            // Lock the project row so that two builds started at once get distinct numbers.
            Jdbc.query(c, "SELECT id FROM projects WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), projectId);
            int next = Jdbc.query(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM builds WHERE project_id = ?",
                    rs -> rs.getInt(1), projectId).get(0);
            Instant now = Instant.now();
            return Jdbc.insert(c, "INSERT INTO builds(project_id, number, commit_sha, tree_id, recipe_hash, status, started_at, queued_at,"
                            + " actor, owner, recipe_source) VALUES (?,?,?,?,?,?,?,?,?,?,?)", projectId, next, commitSha, treeId, recipeHash,
                    status, now, now, actor, ownerText, recipeSource);
        });
        return get(id);
    }

    /**
     * Starts the queued build if it is its turn: no other build of its project is RUNNING and
     * none was QUEUED before it. Atomic across processes sharing the catalog. False when it must
     * wait (or is no longer queued).
     */
    public boolean tryRun(long id) {
        return jdbc.inTransaction(c -> {
            List<Long> project = Jdbc.query(c, "SELECT project_id FROM builds WHERE id = ? AND status = 'QUEUED'", rs -> rs.getLong(1), id);
            if (project.isEmpty()) {
                return false;
            }
            Jdbc.query(c, "SELECT id FROM projects WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), project.get(0));
            int ahead = Jdbc.query(c, "SELECT COUNT(*) FROM builds WHERE project_id = ? AND id <> ?"
                    + " AND (status = 'RUNNING' OR (status = 'QUEUED' AND id < ?))", rs -> rs.getInt(1), project.get(0), id, id).get(0);
            if (ahead > 0) {
                return false;
            }
            return Jdbc.update(c, "UPDATE builds SET status = ?, started_at = ? WHERE id = ? AND status = 'QUEUED'",
                    BuildStatus.RUNNING, Instant.now(), id) == 1;
        });
    }

    /** The builds of the project a queued build waits for: the running one and those queued before it, oldest first. */
    public List<Build> ahead(Build build) {
        return jdbc.query(SELECT + " WHERE b.project_id = ? AND b.id <> ? AND (b.status = 'RUNNING' OR (b.status = 'QUEUED' AND b.id < ?))"
                + " ORDER BY b.id", BuildRepository::map, build.projectId(), build.id(), build.id());
    }

    /** The builds of a project that have not ended (running first, then queued in turn). */
    public List<Build> queue(long projectId) {
        return jdbc.query(SELECT + " WHERE b.project_id = ? AND b.status IN ('RUNNING', 'QUEUED') ORDER BY CASE b.status WHEN 'RUNNING' THEN 0"
                + " ELSE 1 END, b.id", BuildRepository::map, projectId);
    }

    public void setLog(long id, Path log) {
        jdbc.update("UPDATE builds SET log_path = ? WHERE id = ?", log, id);
    }

    /** What the export reported (submodules, Git LFS pointers), kept with the build. */
    public void setNotes(long id, String notes) {
        jdbc.update("UPDATE builds SET notes = ? WHERE id = ?", notes == null || notes.length() <= 8000 ? notes : notes.substring(0, 7997) + "...", id);
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

    /** Ends a build that the user cancelled (running or still queued): CANCELLED, not FAILED. */
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

    /**
     * The newest successful build of the same tree with the same recipe whose artifact the store
     * holds as packed (not found corrupt or missing by a verify, not pruned).
     */
    public Optional<Build> findCached(long projectId, String treeId, String recipeHash) {
        return jdbc.queryOne(SELECT + " WHERE b.project_id = ? AND b.tree_id = ? AND b.recipe_hash = ? AND b.status = 'SUCCEEDED'"
                + " AND b.artifact_sha256 IS NOT NULL AND a.state = 'OK' ORDER BY b.number DESC LIMIT 1", BuildRepository::map,
                projectId, treeId, recipeHash);
    }

    /** Newest first. */
    public List<Build> forProject(long projectId) {
        return jdbc.query(SELECT + " WHERE b.project_id = ? ORDER BY b.number DESC", BuildRepository::map, projectId);
    }

    /** The process that started a build ({@link ProcessIdentity#format()}), if recorded: builds made before version 2 have none. */
    public Optional<String> owner(long id) {
        return jdbc.queryOne("SELECT owner FROM builds WHERE id = ?", rs -> Optional.ofNullable(rs.getString(1)), id).flatMap(o -> o);
    }

    /** Builds still RUNNING or QUEUED, with the process that owns each (null when not recorded). */
    List<Owned> running() {
        return jdbc.query("SELECT id, owner FROM builds WHERE status IN ('RUNNING', 'QUEUED') ORDER BY id", Owned::map);
    }

    /** Of the project's builds that hold up the queue, those whose process is gone: their ids. */
    public List<Long> abandoned(long projectId) {
        return jdbc.query("SELECT id, owner FROM builds WHERE project_id = ? AND status IN ('RUNNING', 'QUEUED') ORDER BY id", Owned::map, projectId)
                .stream().filter(Owned::ownerGone).map(Owned::id).toList();
    }

    /** Marks a build INTERRUPTED if it is still RUNNING or QUEUED; false when it ended meanwhile. */
    boolean interrupt(long id, String message) {
        boolean done = jdbc.update("UPDATE builds SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status IN ('RUNNING', 'QUEUED')",
                BuildStatus.INTERRUPTED, Instant.now(), message, id) == 1;
        if (done) {
            jdbc.update("UPDATE build_steps SET status = 'CANCELLED', finished_at = ? WHERE build_id = ? AND status IN ('RUNNING', 'PENDING')",
                    Instant.now(), id);
        }
        return done;
    }

    /** Marks a build whose process is gone INTERRUPTED (it held up its project's queue); false when it ended meanwhile. */
    public boolean interruptAbandoned(long id) {
        return interrupt(id, "Interrupted: the process running it is gone (crash, kill or closed window). No artifact was recorded: build the commit again.");
    }

    /** The newest {@code limit} builds of a project, newest first (by the index on project and number). */
    public List<Build> latest(long projectId, int limit) {
        return jdbc.query(SELECT + " WHERE b.id IN (SELECT id FROM builds WHERE project_id = ? ORDER BY number DESC LIMIT ?) ORDER BY b.number DESC",
                BuildRepository::map, projectId, limit);
    }

    /** The builds with these ids, in no particular order (ids not found are left out). */
    public List<Build> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " WHERE b.id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                BuildRepository::map, ids.toArray());
    }

    /** How many builds a project has. */
    public int count(long projectId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM builds WHERE project_id = ?", rs -> rs.getInt(1), projectId).orElse(0);
    }

    private static final String SELECT = "SELECT b.*, a.size_bytes FROM builds b LEFT JOIN artifacts a ON a.sha256 = b.artifact_sha256";

    static Build map(ResultSet rs) throws SQLException {
        return new Build(rs.getLong("id"), rs.getLong("project_id"), rs.getInt("number"), rs.getString("commit_sha"),
                rs.getString("tree_id"), rs.getString("recipe_hash"), BuildStatus.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"), Jdbc.integer(rs, "exit_code"),
                rs.getString("artifact_sha256"), Jdbc.longValue(rs, "size_bytes"), Jdbc.path(rs, "log_path"),
                rs.getString("message"), rs.getString("actor"), Jdbc.integer(rs, "cached_from"), rs.getString("recipe_source"),
                rs.getString("notes"));
    }
}
