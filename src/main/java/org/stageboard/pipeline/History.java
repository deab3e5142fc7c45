package org.stageboard.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.stageboard.catalog.Catalog;
import org.stageboard.catalog.HistoryQuery;
import org.stageboard.catalog.HistoryRepository;
import org.stageboard.catalog.HistoryRepository.Deploy;
import org.stageboard.core.Actor;
import org.stageboard.core.Environment;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryRow;
import org.stageboard.core.Host;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.Masker;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;
import org.stageboard.release.ConfigService;
import org.stageboard.run.HostRunner;

/**
 * The history of a project for people reviewing it: filtered pages of builds, releases and runs
 * (this catalog's and other catalogs' imported from the hosts' ledgers), counts, the charts per
 * environment, exports to CSV (RFC 4180) and JSON, and the import of the hosts' ledgers. Rows carry
 * no config values; exported messages are masked with the secret values of the project's
 * environments all the same.
 */
public final class History {

    /** Rows read per query while exporting. */
    static final int EXPORT_CHUNK = 2000;
    /** How long reading the ledgers of all hosts may take. */
    static final Duration LEDGER_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final String[] CSV_HEADER = {"kind", "at", "finished_at", "environment", "host", "status", "actor", "action",
            "release", "build", "commit", "commit_message", "message", "catalog", "by"};

    private final Catalog catalog;
    private final ConfigService configs;
    private final RunStage runStage;

    History(Catalog catalog, ConfigService configs, RunStage runStage) {
        this.catalog = catalog;
        this.configs = configs;
        this.runStage = runStage;
    }

    /** Rows {@code offset .. offset + limit - 1} of the project's history that pass the filter, newest first. */
    public List<HistoryRow> page(Project project, HistoryFilter filter, int offset, int limit) {
        return catalog.history().page(project.id(), filter, offset, limit);
    }

    /**
     * The {@code limit} rows of the project's history that pass the filter and come right after
     * {@code after} (the last row of the page shown; null for the first page), newest first: what a
     * list that loads as it is scrolled reads, each page through the time indexes from that row on.
     */
    public List<HistoryRow> pageAfter(Project project, HistoryFilter filter, HistoryRow after, int limit) {
        return catalog.history().pageAfter(project.id(), filter, after, limit);
    }

    /** How many rows of the project's history pass the filter. */
    public long count(Project project, HistoryFilter filter) {
        return catalog.history().count(project.id(), filter);
    }

    /** The SQL and parameters of a page, exactly as {@link #page} runs them (for benchmarks against raw H2). */
    public HistoryQuery query(Project project, HistoryFilter filter, int offset, int limit) {
        return HistoryQuery.page(project.id(), filter, offset, limit);
    }

    /** Everyone who built, released or deployed in the project (imported runs included), sorted. */
    public List<String> authors(Project project) {
        return catalog.history().authors(project.id());
    }

    // --- charts -------------------------------------------------------------------------------

    /**
     * The charts of the project's environments (promotion order) for the environment, host and
     * date parts of the filter, with days and weeks in {@code zone}. See {@link HistoryCharts} for
     * what is counted.
     */
    public HistoryCharts charts(Project project, HistoryFilter filter, ZoneId zone) {
        List<Deploy> deploys = catalog.history().deploys(project.id(), filter);
        List<String> order = new ArrayList<>();
        for (Environment e : catalog.environments().forProject(project.id())) {
            order.add(e.name());
        }
        Map<String, List<Deploy>> byEnvironment = new LinkedHashMap<>();
        for (String name : order) {
            if (filter.environment() == null || filter.environment().equals(name)) {
                byEnvironment.put(name, new ArrayList<>());
            }
        }
        for (Deploy d : deploys) {
            byEnvironment.computeIfAbsent(d.environment(), k -> new ArrayList<>()).add(d);
        }
        List<HistoryCharts.EnvironmentChart> charts = new ArrayList<>();
        byEnvironment.forEach((name, list) -> charts.add(chart(name, list, zone)));
        return new HistoryCharts(List.copyOf(charts));
    }

    static HistoryCharts.EnvironmentChart chart(String environment, List<Deploy> deploys, ZoneId zone) {
        TreeMap<LocalDate, int[]> days = new TreeMap<>();
        int total = 0;
        int failed = 0;
        List<HistoryCharts.Sample> leadTimes = new ArrayList<>();
        List<HistoryCharts.Sample> restores = new ArrayList<>();
        Map<String, Instant> brokenSince = new LinkedHashMap<>();
        for (Deploy d : deploys) {
            Instant end = d.finishedAt() == null ? d.startedAt() : d.finishedAt();
            boolean wentLive = "LIVE".equals(d.status()) || "SUPERSEDED".equals(d.status());
            boolean bad = FAILED.contains(d.status());
            if ("DEPLOY".equals(d.kind()) && (wentLive || bad)) {
                int[] day = days.computeIfAbsent(LocalDate.ofInstant(d.startedAt(), zone), k -> new int[2]);
                day[0]++;
                total++;
                if (bad) {
                    day[1]++;
                    failed++;
                }
                if (wentLive && d.committedAt() != null && !end.isBefore(d.committedAt())) {
                    leadTimes.add(new HistoryCharts.Sample(end, d.host(), Duration.between(d.committedAt(), end)));
                }
            }
            if (bad) {
                brokenSince.putIfAbsent(d.host(), end);
            } else if (wentLive && brokenSince.containsKey(d.host())) {
                restores.add(new HistoryCharts.Sample(end, d.host(), Duration.between(brokenSince.remove(d.host()), end)));
            }
        }
        List<HistoryCharts.Bucket> perDay = new ArrayList<>();
        TreeMap<LocalDate, int[]> weeks = new TreeMap<>();
        if (!days.isEmpty()) {
            for (LocalDate day = days.firstKey(); !day.isAfter(days.lastKey()); day = day.plusDays(1)) {
                int[] counts = days.getOrDefault(day, new int[2]);
                perDay.add(new HistoryCharts.Bucket(day, counts[0], counts[1]));
                int[] week = weeks.computeIfAbsent(day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)), k -> new int[2]);
                week[0] += counts[0];
                week[1] += counts[1];
            }
        }
        List<HistoryCharts.Bucket> perWeek = new ArrayList<>();
        weeks.forEach((monday, counts) -> perWeek.add(new HistoryCharts.Bucket(monday, counts[0], counts[1])));
        return new HistoryCharts.EnvironmentChart(environment, List.copyOf(perDay), List.copyOf(perWeek), List.copyOf(leadTimes),
                List.copyOf(restores), total, failed, median(leadTimes), mean(restores));
    }

    /** Run outcomes that count as a failed deploy. */
    static final Set<String> FAILED = Set.of("FAILED", "ROLLED_BACK", "APP_DOWN", "INTERRUPTED");

    /** True for a status that counts as failed in the charts (failed, rolled back, app down, interrupted; a failed build too). */
    public static boolean failedOutcome(String status) {
        return status != null && FAILED.contains(status);
    }

    private static Duration median(List<HistoryCharts.Sample> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        List<Duration> sorted = samples.stream().map(HistoryCharts.Sample::duration).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private static Duration mean(List<HistoryCharts.Sample> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        Duration sum = Duration.ZERO;
        for (HistoryCharts.Sample s : samples) {
            sum = sum.plus(s.duration());
        }
        return sum.dividedBy(samples.size());
    }

    // --- export -------------------------------------------------------------------------------

    /** Writes every row passing the filter as CSV (RFC 4180: a header, CRLF line ends, quoted fields); returns how many rows. */
    public long exportCsv(Project project, HistoryFilter filter, Writer out) {
        Masker masker = masker(project);
        try {
            out.write(csvLine(List.of(CSV_HEADER)));
            long[] count = {0};
            eachRow(project, filter, row -> {
                out.write(csvLine(fields(row, masker)));
                count[0]++;
            });
            out.flush();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every row passing the filter as a JSON array of objects (the CSV's columns; times in ISO-8601, UTC); returns how many rows. */
    public long exportJson(Project project, HistoryFilter filter, Writer out) {
        Masker masker = masker(project);
        try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            long[] count = {0};
            eachRow(project, filter, row -> {
                List<String> values = fields(row, masker);
                json.writeStartObject();
                for (int i = 0; i < CSV_HEADER.length; i++) {
                    if ("build".equals(CSV_HEADER[i]) && row.buildNumber() != null) {
                        json.writeNumberField("build", row.buildNumber());
                    } else if (values.get(i).isEmpty()) {
                        json.writeNullField(CSV_HEADER[i]);
                    } else {
                        json.writeStringField(CSV_HEADER[i], values.get(i));
                    }
                }
                json.writeEndObject();
                count[0]++;
            });
            json.writeEndArray();
            json.flush();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface RowSink {
        void accept(HistoryRow row) throws IOException;
    }

    private void eachRow(Project project, HistoryFilter filter, RowSink sink) throws IOException {
        // Newest first, in chunks; rows added meanwhile may shift a chunk, which a time bound on the first chunk prevents.
        HistoryFilter bounded = filter.until() == null ? filter.withRange(filter.since(), Instant.now().plusMillis(1)) : filter;
        for (int offset = 0; ; offset += EXPORT_CHUNK) {
            List<HistoryRow> rows = page(project, bounded, offset, EXPORT_CHUNK);
            for (HistoryRow row : rows) {
                sink.accept(row);
            }
            if (rows.size() < EXPORT_CHUNK) {
                return;
            }
        }
    }

    /** The secret values of every environment of the project (current config): nothing of them may reach an export. */
    Masker masker(Project project) {
        Set<String> secrets = new LinkedHashSet<>();
        for (Environment e : catalog.environments().forProject(project.id())) {
            configs.latest(e).ifPresent(v -> secrets.addAll(v.secretValues()));
        }
        return new Masker(secrets);
    }

    static List<String> fields(HistoryRow r, Masker masker) {
        List<String> f = new ArrayList<>();
        f.add(r.kind().name());
        f.add(text(r.at()));
        f.add(text(r.finishedAt()));
        f.add(text(r.environment()));
        f.add(text(r.host()));
        f.add(text(r.status()));
        f.add(text(r.actor()));
        f.add(text(r.action()));
        f.add(text(r.release()));
        f.add(r.buildNumber() == null ? "" : Integer.toString(r.buildNumber()));
        f.add(text(r.commitSha()));
        f.add(text(masker.mask(r.commitSubject())));
        f.add(text(masker.mask(r.message())));
        f.add(text(r.catalog()));
        f.add(text(r.by()));
        return f;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** One CSV record per RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF at the end. */
    static String csvLine(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = fields.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                line.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                line.append(v);
            }
        }
        return line.append("\r\n").toString();
    }

    // --- teammates' deploys -------------------------------------------------------------------

    /**
     * Reads the ledger of every host of every environment of the project (in parallel, each within
     * a time limit) and records the lines other catalogs wrote, so their runs show in the history,
     * marked with the catalog and who ran them. A line imported before is not imported again; this
     * catalog's own lines are skipped (its runs are in the history already). A host that cannot be
     * read is named in the result; the others are imported all the same.
     */
    public LedgerImport importLedgers(Project project) {
        record Target(Environment environment, Host host) {
        }
        record Read(Target target, List<LedgerEntry> entries, String error) {
        }
        List<Target> targets = new ArrayList<>();
        for (Environment e : catalog.environments().forProject(project.id())) {
            for (Host h : catalog.environments().hosts(e.id())) {
                targets.add(new Target(e, h));
            }
        }
        List<Read> reads = HostReads.readAll(targets, LEDGER_READ_TIMEOUT,
                t -> new Read(t, new HostRunner(runStage.target(t.host()), t.host().baseDir()).ledger(project.name(), t.environment().name()), null),
                (t, error) -> new Read(t, List.of(), error));
        String me = catalog.identity();
        HistoryRepository history = catalog.history();
        int ledgers = 0;
        int lines = 0;
        int imported = 0;
        int before = 0;
        int own = 0;
        List<String> failures = new ArrayList<>();
        for (Read read : reads) {
            if (read.error() != null) {
                failures.add(read.target().host().name() + " (" + read.target().environment().name() + "): " + read.error());
                continue;
            }
            ledgers++;
            for (LedgerEntry entry : read.entries()) {
                lines++;
                if (entry.catalog() == null || entry.catalog().equals(me) || entry.time() == null) {
                    own++;
                } else if (history.importLedgerLine(read.target().environment().id(), read.target().host().id(), lineKey(entry), entry)) {
                    imported++;
                } else {
                    before++;
                }
            }
        }
        LedgerImport result = new LedgerImport(ledgers, lines, imported, before, own, List.copyOf(failures));
        catalog.events().append(Actor.current(), project.name(), "history.import-ledgers", project.name(),
                failures.isEmpty() ? "ok" : "partial", result.describe());
        return result;
    }

    /** What makes a ledger line unique: its time (nanoseconds), the process that wrote it, its catalog, kind, release and outcome. */
    static String lineKey(LedgerEntry e) {
        String key = String.join("\u0000", String.valueOf(e.time()), String.valueOf(e.by()), String.valueOf(e.catalog()), String.valueOf(e.kind()),
                String.valueOf(e.release()), String.valueOf(e.outcome()), String.valueOf(e.actor()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new StageboardException("SHA-256 is missing from this Java runtime.", e1);
        }
    }

}
