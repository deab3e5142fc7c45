package org.stageboard.catalog;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;

/** Runs: releases put to work on hosts. */
public final class RunRepository {
    private final Jdbc jdbc;

    RunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Run start(long releaseId, long hostId, RunKind kind, Path log, String actor) {
        long id = jdbc.insert("INSERT INTO runs(release_id, host_id, kind, status, started_at, log_path, actor) VALUES (?,?,?,?,?,?,?)",
                releaseId, hostId, kind, RunStatus.RUNNING, Instant.now(), log, actor);
        return get(id);
    }

    /**
     * Ends a run. When it went live, the runs that were live on the same host for the same
     * environment become superseded, in the same transaction.
     */
    public Run finish(long id, RunStatus status, String message) {
        jdbc.inTransaction(c -> {
            if (status == RunStatus.LIVE) {
                Jdbc.update(c, "UPDATE runs SET status = 'SUPERSEDED' WHERE status = 'LIVE' AND id <> ? AND host_id = (SELECT host_id FROM runs WHERE id = ?)"
                        + " AND release_id IN (SELECT r2.id FROM releases r2 WHERE r2.environment_id ="
                        + " (SELECT r.environment_id FROM releases r JOIN runs x ON x.release_id = r.id WHERE x.id = ?))", id, id, id);
            }
            return Jdbc.update(c, "UPDATE runs SET status = ?, finished_at = ?, message = ? WHERE id = ?", status, Instant.now(), message, id);
        });
        return get(id);
    }

    public Run get(long id) {
        return jdbc.queryOne("SELECT * FROM runs WHERE id = ?", RunRepository::map, id)
                .orElseThrow(() -> new NotFoundException("No run with id " + id + "."));
    }

    /** The run that is live for an environment on a host, if any. */
    public Optional<Run> live(long environmentId, long hostId) {
        return jdbc.queryOne("SELECT x.* FROM runs x JOIN releases r ON r.id = x.release_id WHERE r.environment_id = ? AND x.host_id = ?"
                + " AND x.status = 'LIVE' ORDER BY x.id DESC LIMIT 1", RunRepository::map, environmentId, hostId);
    }

    /** Runs of one environment on one host, newest first. */
    public List<Run> forEnvironmentHost(long environmentId, long hostId) {
        return jdbc.query("SELECT x.* FROM runs x JOIN releases r ON r.id = x.release_id WHERE r.environment_id = ? AND x.host_id = ?"
                + " ORDER BY x.id DESC", RunRepository::map, environmentId, hostId);
    }

    /** Every run of a project, newest first. */
    public List<Run> forProject(long projectId) {
        return jdbc.query("SELECT x.* FROM runs x JOIN releases r ON r.id = x.release_id JOIN environments e ON e.id = r.environment_id"
                + " WHERE e.project_id = ? ORDER BY x.id DESC", RunRepository::map, projectId);
    }

    /** Runs left RUNNING by a process that died; marks them failed. */
    public int failAbandoned(String message) {
        return jdbc.update("UPDATE runs SET status = 'FAILED', finished_at = ?, message = ? WHERE status = 'RUNNING'", Instant.now(), message);
    }

    static Run map(ResultSet rs) throws SQLException {
        return new Run(rs.getLong("id"), rs.getLong("release_id"), rs.getLong("host_id"), RunKind.valueOf(rs.getString("kind")),
                RunStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                Jdbc.path(rs, "log_path"), rs.getString("message"), rs.getString("actor"));
    }
}
