package org.stageboard.ui.history;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Environment;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryRow;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.pipeline.HistoryCharts;
import org.stageboard.pipeline.LedgerImport;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.task.TaskExecutor;

/**
 * What the history view shows and does, without JavaFX controls: the filter (environment, host,
 * status, author, date range, search), the rows that pass it loaded a page at a time as the table
 * is scrolled towards the end (keyset pages through the history's time indexes, never the whole
 * history), how many rows pass it, the chart chosen per environment, exports to CSV and JSON, the import of the hosts' ledgers, and
 * "show on board" for a row. Every catalog or host read runs through the {@link TaskExecutor}'s
 * background; results come back on the UI thread, older answers dropped when a newer one was asked.
 */
public final class HistoryViewModel {

    /** Rows per page. */
    public static final int PAGE_SIZE = 200;
    /** The next page is read once the table shows a row this close to the end of the rows loaded. */
    public static final int PREFETCH = 100;

    /** What the chart shows. */
    public enum ChartKind {
        DEPLOYS_PER_DAY("Deploys per day"), DEPLOYS_PER_WEEK("Deploys per week"), LEAD_TIME("Lead time, commit to live (hours)"),
        FAILED_RATE("Failed deploys per week (%)"), TIME_TO_RESTORE("Time to restore after a failed run (minutes)");

        private final String title;

        ChartKind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** True for charts of durations over time (a line), false for counts per period (bars). */
        public boolean line() {
            return this == LEAD_TIME || this == TIME_TO_RESTORE;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** One point of a chart: a category (a day, a week's Monday, a time) and its value. */
    public record Point(String x, double y) {
    }

    /** One series of a chart: an environment's points. */
    public record Series(String name, List<Point> points) {
    }

    public static final String ANY = "(any)";

    private final Stageboard engine;
    private final TaskExecutor executor;
    private final Supplier<Project> project;
    private final ZoneId zone;

    private final StringProperty environment = new SimpleStringProperty(ANY);
    private final StringProperty host = new SimpleStringProperty(ANY);
    private final StringProperty status = new SimpleStringProperty(ANY);
    private final StringProperty author = new SimpleStringProperty(ANY);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartKind> chartKind = new SimpleObjectProperty<>(ChartKind.DEPLOYS_PER_DAY);

    private final ObservableList<String> environments = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> hosts = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> authors = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> statuses = FXCollections.observableArrayList(ANY, "LIVE", "SUPERSEDED", "FAILED", "ROLLED_BACK",
            "CANCELLED", "INTERRUPTED", "APP_DOWN", "SKIPPED", "STOPPED", "SUCCEEDED", "CREATED", "DONE");
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Series> series = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryCharts> charts = new SimpleObjectProperty<>(new HistoryCharts(List.of()));
    private final LongProperty total = new SimpleLongProperty();
    private final StringProperty countText = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty loadingMore = new SimpleBooleanProperty();
    private final StringProperty loadingText = new SimpleStringProperty("");
    private final BooleanProperty more = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private Consumer<String> onShowOnBoard = sha -> { };
    private HistoryFilter applied = HistoryFilter.ALL;
    private long generation;
    /** True once the applied filter's rows were counted ({@link #total} holds them). */
    private boolean counted;
    /** What to say once the next load has finished (the outcome of an import), instead of nothing. */
    private String afterLoad = "";

    public HistoryViewModel(Stageboard engine, TaskExecutor executor, Supplier<Project> project, ZoneId zone) {
        this.engine = engine;
        this.executor = executor;
        this.project = project;
        this.zone = zone;
        chartKind.addListener((o, a, b) -> series.setAll(series(charts.get(), b)));
        charts.addListener((o, a, b) -> series.setAll(series(b, chartKind.get())));
    }

    // --- what the view binds to ----------------------------------------------------------------

    public StringProperty environmentProperty() { return environment; }

    public StringProperty hostProperty() { return host; }

    public StringProperty statusProperty() { return status; }

    public StringProperty authorProperty() { return author; }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<LocalDate> sinceProperty() { return since; }

    public ObjectProperty<LocalDate> untilProperty() { return until; }

    public ObjectProperty<ChartKind> chartKindProperty() { return chartKind; }

    public ObservableList<String> environments() { return environments; }

    public ObservableList<String> hosts() { return hosts; }

    public ObservableList<String> authors() { return authors; }

    public ObservableList<String> statuses() { return statuses; }

    /** The rows loaded so far, newest first: the first page, and each next one appended as the table is scrolled. */
    public ObservableList<HistoryRow> rows() { return rows; }

    /** The chosen chart, one series per environment. */
    public ObservableList<Series> series() { return series; }

    public ObjectProperty<HistoryCharts> chartsProperty() { return charts; }

    /** How many rows pass the filter, over all pages. */
    public LongProperty totalProperty() { return total; }

    /** How many rows pass the filter, in words: {@code 1,234 rows match}. */
    public StringProperty countTextProperty() { return countText; }

    /** True while the first page of a filter is read (the list is empty meanwhile). */
    public BooleanProperty loadingProperty() { return loading; }

    /** True while a further page is read, to be appended. */
    public BooleanProperty loadingMoreProperty() { return loadingMore; }

    /** What is being read, for the indicator: {@code Loading rows 201–400 of 1,234…}. */
    public StringProperty loadingTextProperty() { return loadingText; }

    /** True when rows passing the filter remain beyond those loaded. */
    public BooleanProperty moreProperty() { return more; }

    /** What the empty table says: that it is being read, or that nothing passes the filter. */
    public String placeholder() {
        return loading.get() ? "Reading the history…" : project.get() == null ? "No project yet." : "Nothing in the history passes this filter.";
    }

    /** What happened last (loaded, exported, imported) or what went wrong. */
    public StringProperty messageProperty() { return message; }

    public BooleanProperty busyProperty() { return busy; }

    /** Where "show on board" goes: the board selects the commit and draws its journey. */
    public void setOnShowOnBoard(Consumer<String> showCommit) {
        this.onShowOnBoard = showCommit == null ? sha -> { } : showCommit;
    }

    // --- actions -------------------------------------------------------------------------------

    /** The filter the controls say now. */
    public HistoryFilter filter() {
        return new HistoryFilter(chosen(environment), chosen(host), chosen(status), chosen(author),
                since.get() == null ? null : since.get().atStartOfDay(zone).toInstant(),
                until.get() == null ? null : until.get().plusDays(1).atStartOfDay(zone).toInstant(), search.get(), null);
    }

    private static String chosen(StringProperty p) {
        return p.get() == null || p.get().isBlank() || ANY.equals(p.get()) ? null : p.get();
    }

    /** Reads the choices (environments, hosts, authors) and applies the filter from the first page. */
    public void reload() {
        Project p = project.get();
        if (p == null) {
            generation++;
            rows.clear();
            total.set(0);
            more.set(false);
            loading.set(false);
            loadingMore.set(false);
            countText.set("");
            message.set("No project yet: add one to see its history.");
            return;
        }
        executor.call(() -> {
            List<String> envs = new ArrayList<>();
            List<String> hostNames = new ArrayList<>();
            for (Environment e : engine.environments(p)) {
                envs.add(e.name());
                for (Host h : engine.hosts(e)) {
                    if (!hostNames.contains(h.name())) {
                        hostNames.add(h.name());
                    }
                }
            }
            return List.of(envs, hostNames, engine.history().authors(p));
        }, lists -> {
            keepChoice(environments, environment, lists.get(0));
            keepChoice(hosts, host, lists.get(1));
            keepChoice(authors, author, lists.get(2));
            apply();
        }, this::failed);
    }

    private static void keepChoice(ObservableList<String> list, StringProperty chosen, List<String> values) {
        String was = chosen.get();
        List<String> all = new ArrayList<>();
        all.add(ANY);
        all.addAll(values);
        list.setAll(all);
        chosen.set(all.contains(was) ? was : ANY);
    }

    /** Applies the filter: the list starts again from its first page; the count and the charts follow. */
    public void apply() {
        HistoryFilter filter;
        try {
            filter = filter();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        applied = filter;
        loadFirst();
    }

    /** Clears every filter and applies. */
    public void clear() {
        environment.set(ANY);
        host.set(ANY);
        status.set(ANY);
        author.set(ANY);
        search.set("");
        since.set(null);
        until.set(null);
        apply();
    }

    /**
     * The table shows rows down to {@code index} (of {@link #rows()}): when that is within
     * {@link #PREFETCH} rows of the end of those loaded and more remain, the next page is read.
     */
    public void shownUpTo(int index) {
        if (index >= rows.size() - PREFETCH) {
            loadMore();
        }
    }

    /** Reads the page after the last row loaded and appends it; nothing when all are loaded or a page is being read. */
    public void loadMore() {
        Project p = project.get();
        if (p == null || !more.get() || loading.get() || loadingMore.get() || rows.isEmpty()) {
            return;
        }
        HistoryFilter filter = applied;
        HistoryRow last = rows.get(rows.size() - 1);
        long asked = generation;
        int from = rows.size();
        loadingMore.set(true);
        if (counted) {
            long to = Math.max(from + 1L, Math.min(total.get(), (long) from + PAGE_SIZE));
            loadingText.set("Loading rows " + number(from + 1) + "–" + number(to) + " of " + number(Math.max(total.get(), to)) + "…");
        } else {
            loadingText.set("Loading rows " + number(from + 1) + "–" + number(from + PAGE_SIZE) + "…");
        }
        executor.call(() -> engine.history().pageAfter(p, filter, last, PAGE_SIZE), page -> {
            if (asked != generation) {
                return; // the filter changed meanwhile: the list started again
            }
            loadingMore.set(false);
            rows.addAll(page);
            more.set(page.size() == PAGE_SIZE);
        }, e -> {
            if (asked == generation) {
                loadingMore.set(false);
                failed(e);
            }
        });
    }

    /**
     * The first page of the applied filter, then its count, then its charts: three reads, so that
     * the rows show as soon as they are read (counting and charting a large history take longer).
     */
    private void loadFirst() {
        Project p = project.get();
        if (p == null) {
            return;
        }
        HistoryFilter filter = applied;
        long asked = ++generation;
        rows.clear();
        more.set(false);
        counted = false;
        loadingMore.set(false);
        loading.set(true);
        busy.set(true);
        countText.set("Counting…");
        message.set("Reading the history…");
        java.util.function.Consumer<Throwable> failure = e -> {
            if (asked == generation) {
                loading.set(false);
                failed(e);
            }
        };
        executor.call(() -> engine.history().pageAfter(p, filter, null, PAGE_SIZE), page -> {
            if (asked != generation) {
                return; // a newer filter was asked meanwhile
            }
            busy.set(false);
            loading.set(false);
            rows.setAll(page);
            more.set(page.size() == PAGE_SIZE);
            message.set(afterLoad);
            afterLoad = "";
        }, failure);
        executor.call(() -> engine.history().count(p, filter), n -> {
            if (asked == generation) {
                total.set(n);
                counted = true;
                countText.set(countText(n));
            }
        }, failure);
        executor.call(() -> engine.history().charts(p, filter, zone), c -> {
            if (asked == generation) {
                charts.set(c);
            }
        }, failure);
    }

    /** {@code No rows match}, {@code 1 row matches}, {@code 1,234 rows match}. */
    static String countText(long n) {
        return n == 0 ? "No rows match" : n == 1 ? "1 row matches" : number(n) + " rows match";
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Writes every row passing the applied filter to the file, as {@code csv} or {@code json}; secrets are masked. */
    public void export(Path file, String format) {
        Project p = project.get();
        if (p == null || file == null) {
            return;
        }
        HistoryFilter filter = applied;
        busy.set(true);
        message.set("Exporting " + p.name() + "'s history to " + file.getFileName() + "…");
        executor.call(() -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                return "json".equals(format) ? engine.history().exportJson(p, filter, out) : engine.history().exportCsv(p, filter, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not write " + file + ": " + e.getMessage() + ". Choose another file.", e);
            }
        }, n -> {
            busy.set(false);
            message.set("Exported " + n + " row" + (n == 1 ? "" : "s") + " to " + file + ".");
        }, this::failed);
    }

    /** Reads every host's ledger and adds other catalogs' runs to the history, then shows it again. */
    public void importLedgers() {
        Project p = project.get();
        if (p == null) {
            return;
        }
        busy.set(true);
        message.set("Reading the hosts' ledgers…");
        executor.call(() -> engine.history().importLedgers(p), (LedgerImport result) -> {
            busy.set(false);
            afterLoad = result.describe();
            message.set(afterLoad);
            reload();
        }, this::failed);
    }

    /** Hands the row's commit to the board; a row without a known commit says so. */
    public void showOnBoard(HistoryRow row) {
        if (row == null) {
            return;
        }
        if (row.commitSha() == null) {
            message.set("This row names no commit this catalog knows (" + row.subject().strip() + "): nothing to show on the board.");
            return;
        }
        onShowOnBoard.accept(row.commitSha());
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    // --- charts as series ----------------------------------------------------------------------

    /** The chosen chart of each environment as points (x a day, a week's Monday or a time; y the value). */
    static List<Series> series(HistoryCharts charts, ChartKind kind) {
        List<Series> all = new ArrayList<>();
        if (charts == null || kind == null) {
            return all;
        }
        for (HistoryCharts.EnvironmentChart chart : charts.environments()) {
            List<Point> points = new ArrayList<>();
            switch (kind) {
                case DEPLOYS_PER_DAY -> chart.perDay().forEach(b -> points.add(new Point(b.start().toString(), b.deploys())));
                case DEPLOYS_PER_WEEK -> chart.perWeek().forEach(b -> points.add(new Point(b.start().toString(), b.deploys())));
                case FAILED_RATE -> chart.perWeek().forEach(b -> points.add(new Point(b.start().toString(), 100.0 * b.failedRate())));
                case LEAD_TIME -> chart.leadTimes().forEach(s -> points.add(new Point(label(s), hours(s.duration()))));
                case TIME_TO_RESTORE -> chart.restores().forEach(s -> points.add(new Point(label(s), s.duration().toSeconds() / 60.0)));
            }
            all.add(new Series(chart.environment(), List.copyOf(points)));
        }
        return all;
    }

    private static String label(HistoryCharts.Sample s) {
        return s.at().toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", "");
    }

    private static double hours(Duration d) {
        return d.toSeconds() / 3600.0;
    }

    /** A summary line per environment: deploys, failed rate, median lead time, mean time to restore. */
    public static String summary(HistoryCharts.EnvironmentChart c) {
        return c.environment() + ": " + c.deploys() + " deploy" + (c.deploys() == 1 ? "" : "s") + ", "
                + String.format(Locale.ROOT, "%.0f%%", 100 * c.failedRate()) + " failed"
                + (c.medianLeadTime() == null ? "" : ", lead time " + human(c.medianLeadTime()))
                + (c.meanTimeToRestore() == null ? "" : ", restored in " + human(c.meanTimeToRestore()));
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
        }
        return String.format(Locale.ROOT, "%.1f days", minutes / 1440.0);
    }
}
