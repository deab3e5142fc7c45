package org.stageboard.catalog;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.stageboard.core.BuildStep;
import org.stageboard.core.RecipeStep;
import org.stageboard.core.StepStatus;

/** The steps of each build, in order, each with its own status, times, exit code and log file. */
public final class BuildStepRepository {
    private final Jdbc jdbc;

    BuildStepRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the recipe's steps of a build as PENDING, each with the log file it will write. */
    public List<BuildStep> plan(long buildId, List<RecipeStep> steps, List<Path> logs) {
        jdbc.inTransaction(c -> {
            for (int i = 0; i < steps.size(); i++) {
                Jdbc.update(c, "INSERT INTO build_steps(build_id, position, name, command, status, log_path) VALUES (?,?,?,?,?,?)",
                        buildId, i + 1, steps.get(i).name(), steps.get(i).command(), StepStatus.PENDING, logs.get(i));
            }
            return null;
        });
        return forBuild(buildId);
    }

    public void start(long buildId, int position) {
        jdbc.update("UPDATE build_steps SET status = ?, started_at = ? WHERE build_id = ? AND position = ?",
                StepStatus.RUNNING, Instant.now(), buildId, position);
    }

    /** Ends a step: SUCCEEDED, FAILED or CANCELLED, with its exit code when it has one. */
    public void finish(long buildId, int position, StepStatus status, Integer exitCode) {
        jdbc.update("UPDATE build_steps SET status = ?, finished_at = ?, exit_code = ? WHERE build_id = ? AND position = ?",
                status, Instant.now(), exitCode, buildId, position);
    }

    /** Marks the steps that never started SKIPPED (an earlier step failed or the build was cancelled). */
    public void skipPending(long buildId) {
        jdbc.update("UPDATE build_steps SET status = ? WHERE build_id = ? AND status = 'PENDING'", StepStatus.SKIPPED, buildId);
    }

    /** In order. */
    public List<BuildStep> forBuild(long buildId) {
        return jdbc.query("SELECT * FROM build_steps WHERE build_id = ? ORDER BY position", BuildStepRepository::map, buildId);
    }

    static BuildStep map(ResultSet rs) throws SQLException {
        return new BuildStep(rs.getLong("build_id"), rs.getInt("position"), rs.getString("name"), rs.getString("command"),
                StepStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                Jdbc.integer(rs, "exit_code"), Jdbc.path(rs, "log_path"));
    }
}
