package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.HostReading;

/** What was last read from each host for an environment: one row per (environment, host), replaced on each read. */
public final class HostReadingRepository {
    private static final int MAX_ERROR = 4000;
    private final Jdbc jdbc;

    HostReadingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a reading, replacing the previous one of the same environment and host. An error
     * longer than the column (4,000 characters) is cut.
     */
    public void save(long environmentId, long hostId, Instant readAt, String stateJson, String error) {
        String cut = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
        jdbc.update("MERGE INTO host_readings(environment_id, host_id, read_at, state_json, error) KEY(environment_id, host_id)"
                + " VALUES (?,?,?,?,?)", environmentId, hostId, readAt, stateJson, cut);
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
