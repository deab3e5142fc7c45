package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryKind;
import org.stageboard.core.HistoryRow;
import org.stageboard.core.LedgerEntry;

/**
 * The history of a project: pages and counts of its builds, releases, runs and imported runs
 * (SQL in {@link HistoryQuery}); the commits builds were made from (message and time, kept at
 * build time); runs of other catalogs imported from the hosts' ledgers; and the deploy facts the
 * history's charts are computed from.
 */
public final class HistoryRepository {

    /** A deploy or rollback for the charts: where, how it ended, when, and when its commit was made (null when not known). */
    public record Deploy(String environment, String host, String kind, String status, Instant startedAt, Instant finishedAt,
                        Instant committedAt, boolean imported) {
    }

    private final Jdbc jdbc;

    HistoryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows {@code offset .. offset + limit - 1} of the project's history that pass the filter, newest first. */
    public List<HistoryRow> page(long projectId, HistoryFilter filter, int offset, int limit) {
        HistoryQuery q = HistoryQuery.page(projectId, filter, offset, limit);
        return jdbc.query(q.sql(), HistoryRepository::row, q.params().toArray());
    }

    /**
     * The {@code limit} rows of the project's history that pass the filter and come right after
     * {@code after} (a row this method or {@link #page} returned; null for the first rows), newest
     * first. Keyset paging: rows added meanwhile do not shift the pages, and a page far down the
     * history is read as fast as the first.
     */
    public List<HistoryRow> pageAfter(long projectId, HistoryFilter filter, HistoryRow after, int limit) {
        HistoryQuery q = HistoryQuery.after(projectId, filter, after == null ? null
                : new HistoryQuery.HistoryKey(after.at(), after.kind(), after.id()), limit);
        return jdbc.query(q.sql(), HistoryRepository::row, q.params().toArray());
    }

    /** How many rows of the project's history pass the filter. */
    public long count(long projectId, HistoryFilter filter) {
        HistoryQuery q = HistoryQuery.count(projectId, filter);
        return jdbc.queryOne(q.sql(), rs -> rs.getLong(1), q.params().toArray()).orElse(0L);
    }

    /** Everyone who did something in the project's history (runs, releases, builds, imported runs), sorted. */
    public List<String> authors(long projectId) {
        return jdbc.query("SELECT actor FROM ("
                + "SELECT DISTINCT x.actor FROM runs x JOIN releases r ON r.id = x.release_id JOIN environments e ON e.id = r.environment_id WHERE e.project_id = ?"
                + " UNION SELECT DISTINCT r.actor FROM releases r JOIN environments e ON e.id = r.environment_id WHERE e.project_id = ?"
                + " UNION SELECT DISTINCT b.actor FROM builds b WHERE b.project_id = ?"
                + " UNION SELECT DISTINCT i.actor FROM ledger_imports i JOIN environments e ON e.id = i.environment_id WHERE e.project_id = ?"
                + ") ORDER BY actor", rs -> rs.getString(1), projectId, projectId, projectId, projectId);
    }

    /** Keeps a commit's author, time and message (once: a commit never changes). */
    public void rememberCommit(long projectId, CommitInfo commit) {
        String message = commit.message() == null ? "" : commit.message().strip();
        if (message.length() > 4000) {
            message = message.substring(0, 4000);
        }
        jdbc.update("MERGE INTO commits (project_id, sha, author, committed_at, message) KEY (project_id, sha) VALUES (?,?,?,?,?)",
                projectId, commit.sha(), commit.author() == null ? "" : commit.author(), commit.time(), message);
    }

    /** When the commit was made, if this catalog kept it. */
    public Optional<Instant> committedAt(long projectId, String sha) {
        return jdbc.queryOne("SELECT committed_at FROM commits WHERE project_id = ? AND sha = ?", rs -> Jdbc.instant(rs, "committed_at"),
                projectId, sha);
    }

    /** The first line of the commit's message, if this catalog kept the commit (at most 200 characters). */
    public Optional<String> commitSubject(long projectId, String sha) {
        return jdbc.queryOne("SELECT message FROM commits WHERE project_id = ? AND sha = ?", rs -> firstLine(rs.getString(1)), projectId, sha)
                .filter(s -> !s.isEmpty()).map(s -> cut(s, 200));
    }

    /**
     * Records a ledger line of another catalog read from a host, keyed by {@code lineKey} (a hash of
     * the line), with the commit the line names (catalog version 8); false when that line was
     * imported before (nothing changes).
     */
    public boolean importLedgerLine(long environmentId, long hostId, String lineKey, LedgerEntry e) {
        return jdbc.inTransaction(c -> {
            if (!Jdbc.query(c, "SELECT 1 FROM ledger_imports WHERE environment_id = ? AND host_id = ? AND line_key = ?", rs -> 1,
                    environmentId, hostId, lineKey).isEmpty()) {
                return false;
            }
            Jdbc.insert(c, "INSERT INTO ledger_imports (environment_id, host_id, line_key, at, actor, by_process, catalog_id, kind,"
                            + " release_folder, label, artifact_sha256, previous, outcome, message, imported_at, commit_sha, commit_subject)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    environmentId, hostId, lineKey, e.time(), cut(e.actor() == null ? "unknown" : e.actor(), 100), cut(e.by(), 400),
                    cut(e.catalog(), 64), cut(e.kind() == null ? "unknown" : e.kind(), 32), cut(e.release(), 255), cut(e.label(), 255),
                    e.artifact() != null && e.artifact().length() == 64 ? e.artifact() : null, cut(e.previous(), 255), cut(e.outcome(), 32),
                    cut(e.message(), 4000), Instant.now(), e.commitSha(), e.commitSha() == null ? null : cut(firstLine(e.commitSubject()), 4000));
            return true;
        });
    }

    /** How many ledger lines were imported for the project. */
    public long importedCount(long projectId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM ledger_imports i JOIN environments e ON e.id = i.environment_id WHERE e.project_id = ?",
                rs -> rs.getLong(1), projectId).orElse(0L);
    }

    /**
     * The project's deploys and rollbacks (this catalog's runs and imported ones) that pass the
     * environment, host and date parts of the filter, oldest first: what the charts count.
     */
    public List<Deploy> deploys(long projectId, HistoryFilter filter) {
        StringBuilder runs = new StringBuilder("SELECT e.name AS env, hs.name AS host, x.kind AS kind, x.status AS status, x.started_at AS started_at,"
                + " x.finished_at AS finished_at, c.committed_at AS committed_at, FALSE AS imported"
                + " FROM runs x JOIN releases r ON r.id = x.release_id JOIN environments e ON e.id = r.environment_id JOIN hosts hs ON hs.id = x.host_id"
                + " JOIN builds b ON b.id = r.build_id LEFT JOIN commits c ON c.project_id = b.project_id AND c.sha = b.commit_sha"
                + " WHERE e.project_id = ? AND x.kind IN ('DEPLOY', 'ROLLBACK')");
        StringBuilder imported = new StringBuilder(" UNION ALL SELECT e.name, hs.name, UPPER(i.kind), i.outcome, i.at, i.at, c.committed_at, TRUE"
                + " FROM ledger_imports i JOIN environments e ON e.id = i.environment_id JOIN hosts hs ON hs.id = i.host_id"
                + " LEFT JOIN artifacts a ON a.sha256 = i.artifact_sha256"
                + " LEFT JOIN commits c ON c.project_id = e.project_id AND c.sha = COALESCE(a.commit_sha, i.commit_sha)"
                + " WHERE e.project_id = ? AND i.kind IN ('deploy', 'rollback')");
        java.util.ArrayList<Object> params = new java.util.ArrayList<>();
        params.add(projectId);
        narrow(runs, params, filter, "x.started_at");
        params.add(projectId);
        narrow(imported, params, filter, "i.at");
        return jdbc.query("SELECT * FROM (" + runs + imported + ") ORDER BY started_at, env, host", rs -> new Deploy(rs.getString("env"),
                rs.getString("host"), rs.getString("kind"), rs.getString("status"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                Jdbc.instant(rs, "committed_at"), rs.getBoolean("imported")), params.toArray());
    }

    private static void narrow(StringBuilder sql, List<Object> params, HistoryFilter f, String time) {
        if (f.environment() != null) {
            sql.append(" AND e.name = ?");
            params.add(f.environment());
        }
        if (f.host() != null) {
            sql.append(" AND hs.name = ?");
            params.add(f.host());
        }
        if (f.since() != null) {
            sql.append(" AND ").append(time).append(" >= ?");
            params.add(f.since());
        }
        if (f.until() != null) {
            sql.append(" AND ").append(time).append(" < ?");
            params.add(f.until());
        }
    }

    static HistoryRow row(ResultSet rs) throws SQLException {
        return new HistoryRow(HistoryKind.valueOf(rs.getString("kind")), rs.getLong("id"), Jdbc.instant(rs, "at"), Jdbc.instant(rs, "finished_at"),
                rs.getString("env"), rs.getString("host"), rs.getString("status"), rs.getString("actor"), trimmed(rs.getString("commit_sha")),
                firstLine(rs.getString("commit_message")), rs.getString("release_label"), Jdbc.integer(rs, "build_number"), rs.getString("action"),
                rs.getString("message"), rs.getString("catalog_id"), rs.getString("by_process"));
    }

    private static String trimmed(String s) {
        return s == null ? null : s.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
