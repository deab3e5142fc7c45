package org.stageboard.catalog;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;

/** Runs: releases put to work on hosts. */
public final class RunRepository {

    /** Kinds of runs that run a one-off command and put no release to work. */
    private static final String COMMANDS = "('RELEASE_COMMAND', 'EXEC')";

    private final Jdbc jdbc;

    RunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new running run, owned by this process. */
    public Run start(long releaseId, long hostId, RunKind kind, Path log, String actor) {
        return start(releaseId, hostId, kind, log, actor, Owner.current());
    }

    /**
     * Records a new running run owned by the given process: if that process dies before the run
     * ends, {@link Catalog#recoverInterrupted()} marks the run interrupted.
     */
    public Run start(long releaseId, long hostId, RunKind kind, Path log, String actor, ProcessIdentity owner) {
        long id = jdbc.insert("INSERT INTO runs(release_id, host_id, kind, status, started_at, log_path, actor, owner) VALUES (?,?,?,?,?,?,?,?)",
                releaseId, hostId, kind, RunStatus.RUNNING, Instant.now(), log, actor, owner == null ? null : owner.format());
        return get(id);
    }

    /**
     * Records a run that ended without anything done on the host (e.g. {@code SKIPPED}: a deploy
     * over several hosts stopped before this one), with the message saying why.
     */
    public Run record(long releaseId, long hostId, RunKind kind, RunStatus status, String message, String actor) {
        Instant now = Instant.now();
        long id = jdbc.insert("INSERT INTO runs(release_id, host_id, kind, status, started_at, finished_at, message, actor) VALUES (?,?,?,?,?,?,?,?)",
                releaseId, hostId, kind, status, now, now, message, actor);
        return get(id);
    }

    /**
     * Ends a run. When a run that puts a release to work went live, the runs that were live on the
     * same host for the same environment become superseded, in the same transaction. Runs of
     * one-off commands ({@code RELEASE_COMMAND}, {@code EXEC}) neither supersede nor are superseded:
     * their {@code LIVE} only says the command succeeded.
     */
    public Run finish(long id, RunStatus status, String message) {
        jdbc.inTransaction(c -> {
            if (status == RunStatus.LIVE) {
                Jdbc.update(c, "UPDATE runs SET status = 'SUPERSEDED' WHERE status = 'LIVE' AND id <> ? AND host_id = (SELECT host_id FROM runs WHERE id = ?)"
                        + " AND kind NOT IN " + COMMANDS + " AND (SELECT k.kind FROM runs k WHERE k.id = ?) NOT IN " + COMMANDS
                        + " AND release_id IN (SELECT r2.id FROM releases r2 WHERE r2.environment_id ="
                        + " (SELECT r.environment_id FROM releases r JOIN runs x ON x.release_id = r.id WHERE x.id = ?))", id, id, id, id);
            }
            return Jdbc.update(c, "UPDATE runs SET status = ?, finished_at = ?, message = ? WHERE id = ?", status, Instant.now(), message, id);
        });
        return get(id);
    }

    public Run get(long id) {
        return jdbc.queryOne("SELECT * FROM runs WHERE id = ?", RunRepository::map, id)
                .orElseThrow(() -> new NotFoundException("No run with id " + id + "."));
    }

    /** The run that is live for an environment on a host, if any (one-off commands aside). */
    public Optional<Run> live(long environmentId, long hostId) {
        return jdbc.queryOne("SELECT x.* FROM runs x JOIN releases r ON r.id = x.release_id WHERE r.environment_id = ? AND x.host_id = ?"
                + " AND x.status = 'LIVE' AND x.kind NOT IN " + COMMANDS + " ORDER BY x.id DESC LIMIT 1", RunRepository::map, environmentId, hostId);
    }

    /**
     * The newest run of the release on each host that ran it, for runs that put it to work
     * ({@code DEPLOY}, {@code ROLLBACK}; skipped hosts included): what "retry only the failed
     * hosts" reads. Ordered by host id.
     */
    public List<Run> latestPerHost(long releaseId) {
        return jdbc.query("SELECT x.* FROM runs x WHERE x.release_id = ? AND x.kind IN ('DEPLOY', 'ROLLBACK') AND x.id = "
                + "(SELECT MAX(y.id) FROM runs y WHERE y.release_id = x.release_id AND y.host_id = x.host_id AND y.kind IN ('DEPLOY', 'ROLLBACK'))"
                + " ORDER BY x.host_id", RunRepository::map, releaseId);
    }

    /**
     * {@link #latestPerHost(long)} for several releases at once (e.g. the ones a board shows),
     * ordered by release and host id. Read through the {@code runs_release} index: bounded by the
     * runs of these releases, not by the catalog's history.
     */
    public List<Run> latestPerHost(java.util.Collection<Long> releaseIds) {
        if (releaseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT x.* FROM runs x WHERE x.release_id IN (" + String.join(",", java.util.Collections.nCopies(releaseIds.size(), "?"))
                + ") AND x.kind IN ('DEPLOY', 'ROLLBACK') AND x.id = (SELECT MAX(y.id) FROM runs y WHERE y.release_id = x.release_id"
                + " AND y.host_id = x.host_id AND y.kind IN ('DEPLOY', 'ROLLBACK')) ORDER BY x.release_id, x.host_id",
                RunRepository::map, releaseIds.toArray());
    }

    /** The newest run of this kind of the release that succeeded ({@code LIVE}), e.g. its release command. */
    public Optional<Run> lastSucceeded(long releaseId, RunKind kind) {
        return jdbc.queryOne("SELECT * FROM runs WHERE release_id = ? AND kind = ? AND status = 'LIVE' ORDER BY id DESC LIMIT 1",
                RunRepository::map, releaseId, kind);
    }

    /** Runs of one environment on one host, newest first. */
    public List<Run> forEnvironmentHost(long environmentId, long hostId) {
        return jdbc.query("SELECT x.* FROM runs x JOIN releases r ON r.id = x.release_id WHERE r.environment_id = ? AND x.host_id = ?"
                + " ORDER BY x.id DESC", RunRepository::map, environmentId, hostId);
    }

    /**
     * The runs of a project that say what its hosts run now: those live, running or that left a
     * host without an app, of the kinds that put a release to work, newest first. Bounded by the
     * status index, not by the number of past runs.
     */
    public List<Run> current(long projectId) {
        // Read through the status index first: left to itself H2 walks every release and run of the project (0.3-0.7 s at 50,000 runs, 2 ms this way).
        return jdbc.query("SELECT x.* FROM runs x USE INDEX (runs_status) JOIN releases r ON r.id = x.release_id JOIN environments e ON e.id = r.environment_id"
                + " WHERE x.status IN ('LIVE', 'RUNNING', 'APP_DOWN') AND x.kind NOT IN " + COMMANDS + " AND e.project_id = ?"
                + " ORDER BY x.id DESC", RunRepository::map, projectId);
    }

    /** The newest {@code limit} runs of one environment on one host (any kind), newest first. */
    public List<Run> recent(long environmentId, long hostId, int limit) {
        return jdbc.query("SELECT x.* FROM runs x JOIN releases r ON r.id = x.release_id WHERE r.environment_id = ? AND x.host_id = ?"
                + " ORDER BY x.id DESC LIMIT ?", RunRepository::map, environmentId, hostId, limit);
    }

    /** Every run of a project, newest first. */
    public List<Run> forProject(long projectId) {
        return jdbc.query("SELECT x.* FROM runs x JOIN releases r ON r.id = x.release_id JOIN environments e ON e.id = r.environment_id"
                + " WHERE e.project_id = ? ORDER BY x.id DESC", RunRepository::map, projectId);
    }

    /** The process that started a run ({@link ProcessIdentity#format()}), if recorded: runs made before version 2 have none. */
    public Optional<String> owner(long id) {
        return jdbc.queryOne("SELECT owner FROM runs WHERE id = ?", rs -> Optional.ofNullable(rs.getString(1)), id).flatMap(o -> o);
    }

    /** Runs still RUNNING, with the process that owns each (null when not recorded). */
    List<Owned> running() {
        return jdbc.query("SELECT id, owner FROM runs WHERE status = 'RUNNING' ORDER BY id", Owned::map);
    }

    /** Marks a run INTERRUPTED if it is still RUNNING; false when it ended meanwhile. */
    boolean interrupt(long id, String message) {
        return jdbc.update("UPDATE runs SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status = 'RUNNING'",
                RunStatus.INTERRUPTED, Instant.now(), message, id) == 1;
    }

    static Run map(ResultSet rs) throws SQLException {
        return new Run(rs.getLong("id"), rs.getLong("release_id"), rs.getLong("host_id"), RunKind.valueOf(rs.getString("kind")),
                RunStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                Jdbc.path(rs, "log_path"), rs.getString("message"), rs.getString("actor"));
    }
}
