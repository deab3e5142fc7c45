package org.stageboard.catalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryKind;

/**
 * The one place the history's SQL is written: a page or a count of a project's builds, releases,
 * runs and imported runs (from the hosts' ledgers) that pass a {@link HistoryFilter}, newest first.
 * Each part is filtered and cut to {@code offset + limit} rows on its own indexes before the parts
 * are merged, so a page of a large catalog never sorts the whole history. {@link #sql()} and
 * {@link #params()} are plain JDBC (times as {@link OffsetDateTime}): a benchmark can run the very
 * same statement on raw H2.
 */
public final class HistoryQuery {

    /** The columns of every row, in order. */
    static final String COLUMNS = "kind, id, at, finished_at, env, host, status, actor, commit_sha, commit_message, release_label,"
            + " build_number, action, message, catalog_id, by_process";

    private static final Pattern RELEASE = Pattern.compile("(?i)^\\s*(\\S+)\\s+v(\\d{1,9})\\s*$");
    private static final Pattern SHA = Pattern.compile("(?i)^[0-9a-f]{4,40}$");

    private final String sql;
    private final List<Object> params;

    private HistoryQuery(String sql, List<Object> params) {
        this.sql = sql;
        this.params = List.copyOf(params);
    }

    public String sql() {
        return sql;
    }

    /** The parameters, in order; times are {@link OffsetDateTime}s in UTC. */
    public List<Object> params() {
        return params;
    }

    /** Rows {@code offset .. offset + limit - 1} of the filtered history, newest first. */
    public static HistoryQuery page(long projectId, HistoryFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("a history page needs offset >= 0 and limit >= 1, not " + offset + ", " + limit);
        }
        return select(projectId, filter, null, offset, limit);
    }

    /**
     * The {@code limit} rows of the filtered history that come right after {@code after} (a row of
     * the previous page; null for the first page), newest first: keyset paging, which reads each
     * part's time index from that row on, so a page deep in a long history costs what the first does.
     */
    public static HistoryQuery after(long projectId, HistoryFilter filter, HistoryKey after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a history page needs limit >= 1, not " + limit);
        }
        return select(projectId, filter, after, 0, limit);
    }

    /** Where a row stands in the history's order (time, then kind, then id, all descending): what {@link #after} continues from. */
    public record HistoryKey(Instant at, HistoryKind kind, long id) {

        public HistoryKey {
            if (at == null || kind == null) {
                throw new IllegalArgumentException("a history key needs a time and a kind");
            }
        }
    }

    private static HistoryQuery select(long projectId, HistoryFilter filter, HistoryKey after, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Part part : Part.values()) {
            List<Object> whereParams = new ArrayList<>();
            String where = part.where(projectId, filter, whereParams);
            if (where != null) {
                List<Object> keyParams = new ArrayList<>();
                // The newest ids first, read in the order of the part's time index (no sort of the whole table), each row's
                // filter checked by key; then the columns of those few rows only. A search finds few rows through the
                // matching builds' indexes: the plain join then. After a key, only what comes after it in the order.
                String newest;
                if (filter.search() == null) {
                    String key = after == null ? null : part.before(after, "t." + part.timeColumn, "t.id", keyParams);
                    newest = "SELECT t.id FROM " + part.table + " t USE INDEX (" + part.timeIndex + ") WHERE " + (key == null ? "" : key + " AND ")
                            + "EXISTS (SELECT 1 FROM " + part.from + " WHERE " + part.idColumn + " = t.id AND " + where + ") ORDER BY t."
                            + part.timeColumn + " DESC, t.id DESC LIMIT " + ((long) offset + limit);
                    params.addAll(keyParams);
                    params.addAll(whereParams);
                } else {
                    String key = after == null ? null : part.before(after, part.time, part.idColumn, keyParams);
                    newest = "SELECT " + part.idColumn + " FROM " + part.from + " WHERE " + where + (key == null ? "" : " AND " + key)
                            + " ORDER BY " + part.time + " DESC, " + part.idColumn + " DESC LIMIT " + ((long) offset + limit);
                    params.addAll(whereParams);
                    params.addAll(keyParams);
                }
                parts.add("(SELECT " + part.select + " FROM " + part.from + " WHERE " + part.idColumn + " IN (" + newest + "))");
            }
        }
        if (parts.isEmpty()) {
            return new HistoryQuery("SELECT " + COLUMNS + " FROM (" + Part.RUNS.emptySelect() + ") WHERE 1 = 0", params);
        }
        String sql = "SELECT " + COLUMNS + " FROM (" + String.join(" UNION ALL ", parts) + ") h ORDER BY at DESC, kind DESC, id DESC"
                + " LIMIT " + limit + (offset == 0 ? "" : " OFFSET " + offset);
        return new HistoryQuery(sql, params);
    }

    /** How many rows pass the filter: one number. */
    public static HistoryQuery count(long projectId, HistoryFilter filter) {
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Part part : Part.values()) {
            String where = part.where(projectId, filter, params);
            if (where != null) {
                parts.add("(SELECT COUNT(*) FROM " + part.from + " WHERE " + where + ")");
            }
        }
        return new HistoryQuery(parts.isEmpty() ? "SELECT CAST(0 AS BIGINT)" : "SELECT " + String.join(" + ", parts), params);
    }

    /** The four parts of the history: what each selects, from where, and how the filter applies to it. */
    private enum Part {
        RUNS(HistoryKind.RUN, "'RUN', x.id, x.started_at, x.finished_at, e.name, hs.name, x.status, x.actor, b.commit_sha, c.message,"
                + " e.name || ' v' || r.version, b.number, x.kind, x.message, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)",
                "runs x JOIN releases r ON r.id = x.release_id JOIN environments e ON e.id = r.environment_id JOIN hosts hs ON hs.id = x.host_id"
                        + " JOIN builds b ON b.id = r.build_id LEFT JOIN commits c ON c.project_id = b.project_id AND c.sha = b.commit_sha",
                "x.started_at", "x.id", "e.project_id", "e.name", "hs.name", "x.status", "x.actor", "b.commit_sha", "c.message", "r.version", null),
        RELEASES(HistoryKind.RELEASE, "'RELEASE', r.id, r.created_at, r.created_at, e.name, CAST(NULL AS VARCHAR), 'CREATED', r.actor,"
                + " b.commit_sha, c.message, e.name || ' v' || r.version, b.number, 'RELEASE', CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR),"
                + " CAST(NULL AS VARCHAR)",
                "releases r JOIN environments e ON e.id = r.environment_id JOIN builds b ON b.id = r.build_id"
                        + " LEFT JOIN commits c ON c.project_id = b.project_id AND c.sha = b.commit_sha",
                "r.created_at", "r.id", "e.project_id", "e.name", null, "'CREATED'", "r.actor", "b.commit_sha", "c.message", "r.version", null),
        BUILDS(HistoryKind.BUILD, "'BUILD', b.id, b.started_at, b.finished_at, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), b.status, b.actor,"
                + " b.commit_sha, c.message, CAST(NULL AS VARCHAR), b.number, 'BUILD', b.message, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)",
                "builds b LEFT JOIN commits c ON c.project_id = b.project_id AND c.sha = b.commit_sha",
                "b.started_at", "b.id", "b.project_id", null, null, "b.status", "b.actor", "b.commit_sha", "c.message", null, null),
        // An imported run's commit: the artifact's, when this catalog has the artifact; else the one its ledger line named (V8).
        IMPORTED(HistoryKind.IMPORTED, "'IMPORTED', i.id, i.at, i.at, e.name, hs.name, i.outcome, i.actor, COALESCE(a.commit_sha, i.commit_sha),"
                + " COALESCE(c.message, i.commit_subject), i.label, CAST(NULL AS INT), UPPER(REPLACE(i.kind, '-', '_')), i.message, i.catalog_id,"
                + " i.by_process",
                "ledger_imports i JOIN environments e ON e.id = i.environment_id JOIN hosts hs ON hs.id = i.host_id"
                        + " LEFT JOIN artifacts a ON a.sha256 = i.artifact_sha256"
                        + " LEFT JOIN commits c ON c.project_id = e.project_id AND c.sha = COALESCE(a.commit_sha, i.commit_sha)",
                "i.at", "i.id", "e.project_id", "e.name", "hs.name", "i.outcome", "i.actor", "COALESCE(a.commit_sha, i.commit_sha)",
                "COALESCE(c.message, i.commit_subject)", null, "i.label");

        final HistoryKind kind;
        final String select;
        final String from;
        final String time;
        final String idColumn;
        final String table;
        final String timeIndex;
        final String timeColumn;
        final String project;
        final String environment;
        final String host;
        final String status;
        final String actor;
        final String sha;
        final String message;
        final String version;
        final String label;
        final String buildColumn;

        Part(HistoryKind kind, String select, String from, String time, String idColumn, String project, String environment, String host,
             String status, String actor, String sha, String message, String version, String label) {
            this.kind = kind;
            this.select = aliased(select);
            this.from = from;
            this.time = time;
            this.idColumn = idColumn;
            this.table = from.substring(0, from.indexOf(' '));
            this.timeIndex = switch (kind) {
                case RUN -> "runs_started";
                case RELEASE -> "releases_created";
                case BUILD -> "builds_time";
                case IMPORTED -> "ledger_imports_at";
            };
            this.timeColumn = time.substring(time.indexOf('.') + 1);
            this.project = project;
            this.environment = environment;
            this.host = host;
            this.status = status;
            this.actor = actor;
            this.sha = sha;
            this.message = message;
            this.version = version;
            this.label = label;
            this.buildColumn = switch (kind) {
                case RUN, RELEASE -> "r.build_id";
                case BUILD -> "b.id";
                case IMPORTED -> "(SELECT b3.id FROM builds b3 WHERE b3.project_id = e.project_id AND b3.commit_sha = COALESCE(a.commit_sha,"
                        + " i.commit_sha) LIMIT 1)";
            };
        }

        /** The expressions of a select, each named after its column in {@link #COLUMNS} (split at top-level commas). */
        private static String aliased(String select) {
            List<String> expressions = new ArrayList<>();
            int depth = 0;
            int start = 0;
            boolean quoted = false;
            for (int i = 0; i < select.length(); i++) {
                char ch = select.charAt(i);
                if (ch == '\'') {
                    quoted = !quoted;
                } else if (!quoted && ch == '(') {
                    depth++;
                } else if (!quoted && ch == ')') {
                    depth--;
                } else if (!quoted && depth == 0 && ch == ',') {
                    expressions.add(select.substring(start, i).strip());
                    start = i + 1;
                }
            }
            expressions.add(select.substring(start).strip());
            String[] names = COLUMNS.split(",\\s*");
            if (expressions.size() != names.length) {
                throw new IllegalStateException("a history part selects " + expressions.size() + " columns, not " + names.length);
            }
            List<String> named = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                named.add(expressions.get(i) + " AS " + names[i]);
            }
            return String.join(", ", named);
        }

        /**
         * The condition "this part's row comes after {@code key} in the history's order" on the
         * given time and id columns (parameters added): within one part the kind is fixed, so the
         * kind's place decides whether rows at the key's very time come before or after it. The
         * first conjunct is a plain range on the time index.
         */
        String before(HistoryKey key, String timeColumn, String id, List<Object> params) {
            OffsetDateTime at = utc(key.at());
            int order = kind.name().compareTo(key.kind().name());
            params.add(at);
            if (order < 0) {
                return timeColumn + " <= ?";
            }
            if (order > 0) {
                return timeColumn + " < ?";
            }
            params.add(at);
            params.add(key.id());
            return "(" + timeColumn + " <= ? AND (" + timeColumn + " < ? OR " + id + " < ?))";
        }

        String emptySelect() {
            return "SELECT " + select + " FROM " + from;
        }

        /** The WHERE clause of this part for the filter (its parameters added), or null when no row of this part can pass. */
        String where(long projectId, HistoryFilter f, List<Object> params) {
            if (f.kind() != null && f.kind() != kind) {
                return null;
            }
            if ((f.environment() != null && environment == null) || (f.host() != null && host == null)) {
                return null;
            }
            List<Object> mine = new ArrayList<>();
            StringBuilder w = new StringBuilder(project).append(" = ?");
            mine.add(projectId);
            if (f.environment() != null) {
                w.append(" AND ").append(environment).append(" = ?");
                mine.add(f.environment());
            }
            if (f.host() != null) {
                w.append(" AND ").append(host).append(" = ?");
                mine.add(f.host());
            }
            if (f.status() != null) {
                w.append(" AND ").append(status).append(" = ?");
                mine.add(f.status());
            }
            if (f.author() != null) {
                w.append(" AND ").append(actor).append(" = ?");
                mine.add(f.author());
            }
            if (f.since() != null) {
                w.append(" AND ").append(time).append(" >= ?");
                mine.add(utc(f.since()));
            }
            if (f.until() != null) {
                w.append(" AND ").append(time).append(" < ?");
                mine.add(utc(f.until()));
            }
            if (f.search() != null) {
                // The builds whose commit matches (a few thousand rows at most), then what was made of them by index.
                String search = f.search().strip();
                List<String> any = new ArrayList<>();
                StringBuilder builds = new StringBuilder("SELECT b2.id FROM builds b2 LEFT JOIN commits c2 ON c2.project_id = b2.project_id"
                        + " AND c2.sha = b2.commit_sha WHERE b2.project_id = ? AND (");
                List<Object> buildParams = new ArrayList<>();
                buildParams.add(projectId);
                if (SHA.matcher(search).matches()) {
                    builds.append("b2.commit_sha LIKE ? OR ");
                    buildParams.add(search.toLowerCase(Locale.ROOT) + "%");
                }
                builds.append("LOWER(c2.message) LIKE ? ESCAPE '\\')");
                buildParams.add("%" + likeEscape(search.toLowerCase(Locale.ROOT)) + "%");
                any.add(buildColumn + " IN (" + builds + ")");
                mine.addAll(buildParams);
                if (kind == HistoryKind.IMPORTED) {
                    // the commit the ledger line named, which this catalog may never have built
                    if (SHA.matcher(search).matches()) {
                        any.add("i.commit_sha LIKE ?");
                        mine.add(search.toLowerCase(Locale.ROOT) + "%");
                    }
                    any.add("LOWER(i.commit_subject) LIKE ? ESCAPE '\\'");
                    mine.add("%" + likeEscape(search.toLowerCase(Locale.ROOT)) + "%");
                }
                Matcher release = RELEASE.matcher(search);
                if (release.matches() && version != null) {
                    any.add("(" + environment + " = ? AND " + version + " = ?)");
                    mine.add(release.group(1));
                    mine.add(Integer.parseInt(release.group(2)));
                } else if (release.matches() && label != null) {
                    any.add("LOWER(" + label + ") = ?");
                    mine.add(release.group(1).toLowerCase(Locale.ROOT) + " v" + Integer.parseInt(release.group(2)));
                }
                w.append(" AND (").append(String.join(" OR ", any)).append(")");
            }
            params.addAll(mine);
            return w.toString();
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
