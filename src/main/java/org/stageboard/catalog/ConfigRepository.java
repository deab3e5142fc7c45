package org.stageboard.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.KeyChanges;
import org.stageboard.core.NotFoundException;

/**
 * Config versions of an environment, each immutable. Values are stored as given: the release
 * package seals secret values before they get here and opens them after.
 */
public final class ConfigRepository {
    private final Jdbc jdbc;

    ConfigRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new version, numbered after the environment's latest, without a record of what it changed. */
    public ConfigVersion add(long environmentId, Map<String, ConfigEntry> entries, String actor) {
        return add(environmentId, entries, actor, null);
    }

    /**
     * Stores a new version, numbered after the environment's latest, with which keys it changed
     * against the one before it (names only, never values).
     */
    public ConfigVersion add(long environmentId, Map<String, ConfigEntry> entries, String actor, KeyChanges changes) {
        long id = jdbc.inTransaction(c -> {
            Jdbc.query(c, "SELECT id FROM environments WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), environmentId);
            int next = Jdbc.query(c, "SELECT COALESCE(MAX(version), 0) + 1 FROM config_versions WHERE environment_id = ?",
                    rs -> rs.getInt(1), environmentId).get(0);
            long versionId = Jdbc.insert(c, "INSERT INTO config_versions(environment_id, version, created_at, actor,"
                            + " keys_added, keys_removed, keys_changed) VALUES (?,?,?,?,?,?,?)",
                    environmentId, next, Instant.now(), actor, names(changes == null ? null : changes.added()),
                    names(changes == null ? null : changes.removed()), names(changes == null ? null : changes.changed()));
            for (ConfigEntry e : entries.values()) {
                Jdbc.update(c, "INSERT INTO config_entries(config_version_id, key_name, value_text, secret) VALUES (?,?,?,?)",
                        versionId, e.key(), e.value(), e.secret());
            }
            return versionId;
        });
        return get(id);
    }

    public ConfigVersion get(long id) {
        return jdbc.queryOne("SELECT * FROM config_versions WHERE id = ?", rs -> new Object[] {
                rs.getLong("id"), rs.getLong("environment_id"), rs.getInt("version"), Jdbc.instant(rs, "created_at"), rs.getString("actor")}, id)
                .map(row -> new ConfigVersion((Long) row[0], (Long) row[1], (Integer) row[2], entries(id), (Instant) row[3], (String) row[4]))
                .orElseThrow(() -> new NotFoundException("No config version with id " + id + "."));
    }

    public Optional<ConfigVersion> latest(long environmentId) {
        return jdbc.queryOne("SELECT id FROM config_versions WHERE environment_id = ? ORDER BY version DESC LIMIT 1",
                rs -> rs.getLong(1), environmentId).map(this::get);
    }

    public Optional<ConfigVersion> findVersion(long environmentId, int version) {
        return jdbc.queryOne("SELECT id FROM config_versions WHERE environment_id = ? AND version = ?",
                rs -> rs.getLong(1), environmentId, version).map(this::get);
    }

    /** Newest first. */
    public List<ConfigVersion> forEnvironment(long environmentId) {
        return jdbc.query("SELECT id FROM config_versions WHERE environment_id = ? ORDER BY version DESC",
                rs -> rs.getLong(1), environmentId).stream().map(this::get).toList();
    }

    /**
     * What each version changed, oldest first: the recorded key names, or empty for versions
     * made before the catalog recorded them (version 5).
     */
    public List<Map.Entry<Integer, Optional<KeyChanges>>> recordedChanges(long environmentId) {
        return jdbc.query("SELECT version, keys_added, keys_removed, keys_changed FROM config_versions WHERE environment_id = ? ORDER BY version",
                rs -> Map.entry(rs.getInt(1), rs.getString(2) == null ? Optional.<KeyChanges>empty()
                        : Optional.of(new KeyChanges(split(rs.getString(2)), split(rs.getString(3)), split(rs.getString(4))))), environmentId);
    }

    private static String names(List<String> keys) {
        return keys == null ? null : String.join(",", keys);
    }

    private static List<String> split(String names) {
        return names == null || names.isEmpty() ? List.of() : List.of(names.split(","));
    }

    private Map<String, ConfigEntry> entries(long versionId) {
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        jdbc.query("SELECT key_name, value_text, secret FROM config_entries WHERE config_version_id = ? ORDER BY key_name",
                rs -> new ConfigEntry(rs.getString(1), rs.getString(2), rs.getBoolean(3)), versionId)
                .forEach(e -> entries.put(e.key(), e));
        return entries;
    }
}
