package org.stageboard.catalog;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.Host;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.StageboardException;

/** Hosts reachable by SSH, with their pinned host-key fingerprint. */
public final class HostRepository {
    private final Jdbc jdbc;

    HostRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Host add(String name, String address, int port, String user, Path privateKey, String baseDir) {
        if (find(name).isPresent()) {
            throw new StageboardException("A host named '" + name + "' already exists: pick another name.");
        }
        long id = jdbc.insert("INSERT INTO hosts(name, address, port, user_name, private_key, base_dir, created_at) VALUES (?,?,?,?,?,?,?)",
                name, address, port, user, privateKey.toAbsolutePath().normalize(), baseDir, Instant.now());
        return get(id);
    }

    /** Pins the fingerprint the user chose to trust. */
    public Host pinHostKey(long id, String fingerprint) {
        jdbc.update("UPDATE hosts SET host_key_fingerprint = ? WHERE id = ?", fingerprint, id);
        return get(id);
    }

    /** Changes where and as whom the host is reached; a changed address or port un-pins its host key. */
    public Host update(long id, String address, int port, String user, Path privateKey, String baseDir) {
        Host before = get(id);
        boolean moved = !before.address().equals(address) || before.port() != port;
        jdbc.update("UPDATE hosts SET address = ?, port = ?, user_name = ?, private_key = ?, base_dir = ?"
                        + (moved ? ", host_key_fingerprint = NULL" : "") + " WHERE id = ?",
                address, port, user, privateKey.toAbsolutePath().normalize(), baseDir, id);
        return get(id);
    }

    /** The host's key passphrase as sealed by the secret box, or null when the user did not store it. */
    public String sealedKeyPassphrase(long id) {
        return jdbc.query("SELECT key_passphrase FROM hosts WHERE id = ?", rs -> java.util.Optional.ofNullable(rs.getString(1)), id)
                .stream().findFirst().flatMap(v -> v).orElse(null);
    }

    /** Stores the host's key passphrase, already sealed (null forgets it). */
    public void storeSealedKeyPassphrase(long id, String sealed) {
        jdbc.update("UPDATE hosts SET key_passphrase = ? WHERE id = ?", sealed, id);
    }

    /** How many runs the host has in the history. */
    public int runCount(long id) {
        return jdbc.queryOne("SELECT COUNT(*) FROM runs WHERE host_id = ?", rs -> rs.getInt(1), id).orElse(0);
    }

    /** Removes the host with its runs and readings; the caller has checked it is attached nowhere. */
    public void remove(long id) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM host_readings WHERE host_id = ?", id);
            Jdbc.update(c, "DELETE FROM ledger_imports WHERE host_id = ?", id);
            Jdbc.update(c, "DELETE FROM runs WHERE host_id = ?", id);
            Jdbc.update(c, "DELETE FROM environment_hosts WHERE host_id = ?", id);
            Jdbc.update(c, "DELETE FROM hosts WHERE id = ?", id);
            return null;
        });
    }

    public Host get(long id) {
        return jdbc.queryOne("SELECT * FROM hosts WHERE id = ?", HostRepository::map, id)
                .orElseThrow(() -> new NotFoundException("No host with id " + id + "."));
    }

    public Optional<Host> find(String name) {
        return jdbc.queryOne("SELECT * FROM hosts WHERE name = ?", HostRepository::map, name);
    }

    public Host require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("No host named '" + name + "'. Add it with 'stageboard host add'."));
    }

    public List<Host> all() {
        return jdbc.query("SELECT * FROM hosts ORDER BY name", HostRepository::map);
    }

    static Host map(ResultSet rs) throws SQLException {
        return new Host(rs.getLong("id"), rs.getString("name"), rs.getString("address"), rs.getInt("port"), rs.getString("user_name"),
                Path.of(rs.getString("private_key")), rs.getString("host_key_fingerprint"), rs.getString("base_dir"),
                Jdbc.instant(rs, "created_at"));
    }
}
