package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunSettingsJson;
import org.stageboard.core.Rollout;
import org.stageboard.core.StageboardException;

/** Environments of a project in promotion order (staging before production), with their run settings and the hosts they run on. */
public final class EnvironmentRepository {
    private final Jdbc jdbc;

    EnvironmentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Environment add(long projectId, String name, RunSettings run) {
        if (find(projectId, name).isPresent()) {
            throw new StageboardException("The environment '" + name + "' already exists in this project.");
        }
        long id = jdbc.insert("INSERT INTO environments(project_id, name, start_command, health_url, health_timeout_s, stop_grace_s, keep_releases,"
                + " run_extras, rollout, created_at, position) VALUES (?,?,?,?,?,?,?,?,?,?,"
                + " (SELECT COALESCE(MAX(position), 0) + 1 FROM environments WHERE project_id = ?))", projectId, name, run.startCommand(), run.healthUrl(),
                run.healthTimeoutSeconds(), run.stopGraceSeconds(), run.keepReleases(), RunSettingsJson.extras(run),
                RunSettingsJson.rollout(Rollout.DEFAULT), Instant.now(), projectId);
        return get(id);
    }

    /** Changes how future releases run; existing releases keep the settings they were made with. */
    public Environment updateRunSettings(long id, RunSettings run) {
        jdbc.update("UPDATE environments SET start_command = ?, health_url = ?, health_timeout_s = ?, stop_grace_s = ?, keep_releases = ?,"
                        + " run_extras = ? WHERE id = ?",
                run.startCommand(), run.healthUrl(), run.healthTimeoutSeconds(), run.stopGraceSeconds(), run.keepReleases(),
                RunSettingsJson.extras(run), id);
        return get(id);
    }

    /** Changes how deploys go over the environment's hosts. */
    public Environment updateRollout(long id, Rollout rollout) {
        jdbc.update("UPDATE environments SET rollout = ? WHERE id = ?", RunSettingsJson.rollout(rollout), id);
        return get(id);
    }

    /**
     * Sets the order deploys go over the environment's hosts: {@code hostIds} first, in that order;
     * hosts not named keep their relative order after them.
     */
    public void orderHosts(long environmentId, List<Long> hostIds) {
        List<Long> order = new java.util.ArrayList<>(hostIds);
        hosts(environmentId).stream().map(Host::id).filter(id -> !order.contains(id)).forEach(order::add);
        jdbc.inTransaction(c -> {
            for (int i = 0; i < order.size(); i++) {
                Jdbc.update(c, "UPDATE environment_hosts SET position = ? WHERE environment_id = ? AND host_id = ?", i + 1, environmentId, order.get(i));
            }
            return null;
        });
    }

    /** Gives the environment a new name in its project. */
    public Environment rename(long id, String name) {
        Environment before = get(id);
        if (!before.name().equals(name) && find(before.projectId(), name).isPresent()) {
            throw new StageboardException("The environment '" + name + "' already exists in this project: pick another name.");
        }
        jdbc.update("UPDATE environments SET name = ? WHERE id = ?", name, id);
        return get(id);
    }

    /** How many releases, runs and config versions the environment has: what a removal would lose. */
    public Counts counts(long id) {
        return jdbc.queryOne("SELECT (SELECT COUNT(*) FROM releases WHERE environment_id = ?),"
                        + " (SELECT COUNT(*) FROM runs r JOIN releases l ON r.release_id = l.id WHERE l.environment_id = ?),"
                        + " (SELECT COUNT(*) FROM config_versions WHERE environment_id = ?)",
                rs -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)), id, id, id).orElseThrow();
    }

    /** What an environment has. */
    public record Counts(int releases, int runs, int configVersions) {
    }

    /**
     * Removes the environment with its releases, their runs, its config versions and host
     * readings (the caller has checked no host is attached and the user agreed to lose them).
     */
    public void remove(long id) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM runs WHERE release_id IN (SELECT id FROM releases WHERE environment_id = ?)", id);
            Jdbc.update(c, "DELETE FROM releases WHERE environment_id = ?", id);
            Jdbc.update(c, "DELETE FROM config_entries WHERE config_version_id IN (SELECT id FROM config_versions WHERE environment_id = ?)", id);
            Jdbc.update(c, "DELETE FROM config_versions WHERE environment_id = ?", id);
            Jdbc.update(c, "DELETE FROM host_readings WHERE environment_id = ?", id);
            Jdbc.update(c, "DELETE FROM ledger_imports WHERE environment_id = ?", id);
            Jdbc.update(c, "DELETE FROM environment_hosts WHERE environment_id = ?", id);
            Jdbc.update(c, "DELETE FROM environments WHERE id = ?", id);
            return null;
        });
    }

    /** The environments (of any project) a host is attached to. */
    public List<Environment> attachedTo(long hostId) {
        return jdbc.query("SELECT e.* FROM environments e JOIN environment_hosts eh ON eh.environment_id = e.id WHERE eh.host_id = ? ORDER BY e.name",
                EnvironmentRepository::map, hostId);
    }

    public Environment get(long id) {
        return jdbc.queryOne("SELECT * FROM environments WHERE id = ?", EnvironmentRepository::map, id)
                .orElseThrow(() -> new NotFoundException("No environment with id " + id + "."));
    }

    public Optional<Environment> find(long projectId, String name) {
        return jdbc.queryOne("SELECT * FROM environments WHERE project_id = ? AND name = ?", EnvironmentRepository::map, projectId, name);
    }

    public Environment require(long projectId, String name) {
        return find(projectId, name).orElseThrow(() -> new NotFoundException("No environment named '" + name
                + "' in this project. Create it with 'stageboard env add'."));
    }

    /** The project's environments in promotion order (staging before production), then by age. */
    public List<Environment> forProject(long projectId) {
        return jdbc.query("SELECT * FROM environments WHERE project_id = ? ORDER BY position, id", EnvironmentRepository::map, projectId);
    }

    /**
     * Sets the promotion order of a project's environments: {@code environmentIds} first, in that
     * order; environments not named keep their relative order after them.
     */
    public void orderEnvironments(long projectId, List<Long> environmentIds) {
        List<Long> order = new java.util.ArrayList<>(environmentIds);
        forProject(projectId).stream().map(Environment::id).filter(id -> !order.contains(id)).forEach(order::add);
        jdbc.inTransaction(c -> {
            for (int i = 0; i < order.size(); i++) {
                Jdbc.update(c, "UPDATE environments SET position = ? WHERE project_id = ? AND id = ?", i + 1, projectId, order.get(i));
            }
            return null;
        });
    }

    public void attachHost(long environmentId, long hostId) {
        if (hosts(environmentId).stream().anyMatch(h -> h.id() == hostId)) {
            return;
        }
        jdbc.update("INSERT INTO environment_hosts(environment_id, host_id, position) VALUES (?, ?,"
                + " (SELECT COALESCE(MAX(position), 0) + 1 FROM environment_hosts WHERE environment_id = ?))", environmentId, hostId, environmentId);
    }

    public void detachHost(long environmentId, long hostId) {
        jdbc.update("DELETE FROM environment_hosts WHERE environment_id = ? AND host_id = ?", environmentId, hostId);
    }

    /** The environment's hosts in its deploy order (then by name). */
    public List<Host> hosts(long environmentId) {
        return jdbc.query("SELECT h.* FROM hosts h JOIN environment_hosts eh ON eh.host_id = h.id WHERE eh.environment_id = ? ORDER BY eh.position, h.name",
                HostRepository::map, environmentId);
    }

    /** For every environment of a project, the ids of its hosts by name, in one query. */
    public java.util.Map<Long, List<Long>> hostIdsByEnvironment(long projectId) {
        java.util.Map<Long, List<Long>> result = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT eh.environment_id, eh.host_id FROM environment_hosts eh JOIN environments e ON e.id = eh.environment_id"
                        + " JOIN hosts h ON h.id = eh.host_id WHERE e.project_id = ? ORDER BY e.id, eh.position, h.name",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, projectId)
                .forEach(row -> result.computeIfAbsent(row[0], k -> new java.util.ArrayList<>()).add(row[1]));
        return result;
    }

    static Environment map(ResultSet rs) throws SQLException {
        return new Environment(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
                RunSettingsJson.withExtras(rs.getString("start_command"), rs.getString("health_url"), rs.getInt("health_timeout_s"),
                        rs.getInt("stop_grace_s"), rs.getInt("keep_releases"), rs.getString("run_extras")),
                RunSettingsJson.rollout(rs.getString("rollout")), Jdbc.instant(rs, "created_at"));
    }
}
