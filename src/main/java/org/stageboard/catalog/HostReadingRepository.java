package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.HostReading;

/**
 * What was last read from each host for an environment: one row per (environment, host). A read
 * that worked replaces the row; a read that failed records its time and error beside the state of
 * the last read that worked (its own time is inside that state), so an unreachable host still
 * shows what it last said.
 */
public final class HostReadingRepository {
    private static final int MAX_ERROR = 4000;
    private final Jdbc jdbc;

    HostReadingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a reading of the environment on the host. A state ({@code stateJson} not null)
     * replaces the previous reading; a failure ({@code stateJson} null) sets the time and the error
     * and keeps the state of the last read that worked. An error longer than the column (4,000
     * characters) is cut.
     */
    public void save(long environmentId, long hostId, Instant readAt, String stateJson, String error) {
        String cut = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
        if (stateJson != null) {
            jdbc.update("MERGE INTO host_readings(environment_id, host_id, read_at, state_json, error) KEY(environment_id, host_id)"
                    + " VALUES (?,?,?,?,?)", environmentId, hostId, readAt, stateJson, cut);
            return;
        }
        jdbc.update("MERGE INTO host_readings t USING (SELECT CAST(? AS BIGINT) e, CAST(? AS BIGINT) h,"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE) r, CAST(? AS VARCHAR(4000)) err) s"
                + " ON t.environment_id = s.e AND t.host_id = s.h"
                + " WHEN MATCHED THEN UPDATE SET read_at = s.r, error = s.err"
                + " WHEN NOT MATCHED THEN INSERT (environment_id, host_id, read_at, state_json, error) VALUES (s.e, s.h, s.r, NULL, s.err)",
                environmentId, hostId, readAt, cut);
    }

    public Optional<HostReading> find(long environmentId, long hostId) {
        return jdbc.queryOne("SELECT * FROM host_readings WHERE environment_id = ? AND host_id = ?",
                HostReadingRepository::map, environmentId, hostId);
    }

    /** The readings of every environment of a project, by environment then host. */
    public List<HostReading> forProject(long projectId) {
        return jdbc.query("SELECT h.* FROM host_readings h JOIN environments e ON e.id = h.environment_id WHERE e.project_id = ?"
                + " ORDER BY h.environment_id, h.host_id", HostReadingRepository::map, projectId);
    }

    static HostReading map(ResultSet rs) throws SQLException {
        return new HostReading(rs.getLong("environment_id"), rs.getLong("host_id"), Jdbc.instant(rs, "read_at"),
                rs.getString("state_json"), rs.getString("error"));
    }
}
