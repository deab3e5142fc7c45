package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.stageboard.core.Event;

/** The append-only audit trail: who did what, when, and how it ended. */
public final class EventRepository {
    private final Jdbc jdbc;

    EventRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one event; {@code project} is null for actions not tied to a project (e.g. adding a host). */
    public Event append(String actor, String project, String action, String subject, String outcome, String detail) {
        long id = jdbc.insert("INSERT INTO events(at, actor, project, action, subject, outcome, detail) VALUES (?,?,?,?,?,?,?)",
                Instant.now(), actor, project, action, subject, outcome, detail);
        return jdbc.queryOne("SELECT * FROM events WHERE id = ?", EventRepository::map, id).orElseThrow();
    }

    /** A renamed project keeps its history: its past events move to the new name (their text keeps the old one). */
    public int renameProject(String from, String to) {
        return jdbc.update("UPDATE events SET project = ? WHERE project = ?", to, from);
    }

    /** Newest first. */
    public List<Event> recent(int limit) {
        return jdbc.query("SELECT * FROM events ORDER BY id DESC LIMIT ?", EventRepository::map, limit);
    }

    /** Newest first, the events of one project. */
    public List<Event> forProject(String project, int limit) {
        return jdbc.query("SELECT * FROM events WHERE project = ? ORDER BY id DESC LIMIT ?", EventRepository::map, project, limit);
    }

    static Event map(ResultSet rs) throws SQLException {
        return new Event(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("project"), rs.getString("action"),
                rs.getString("subject"), rs.getString("outcome"), rs.getString("detail"));
    }
}
