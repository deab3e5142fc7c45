package org.stageboard.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryKind;
import org.stageboard.core.HistoryRow;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.History;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Event;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", subcommands = HistoryImportCommand.class, description = {
        "The project's audit trail: who did what, when, and how it ended (live, rolled back, cancelled,",
        "app down, …), with the builds and runs that were interrupted (their process died). Newest first.",
        "With a filter (--env, --host, --status, --author, --since, --until, --search, --kind), --page, --rows or --export:",
        "the builds, releases and runs themselves (and other catalogs' runs imported from the hosts' ledgers), a page at a time,",
        "or all of them exported to CSV or JSON (secrets masked)."})
final class HistoryCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Option(names = {"-n", "--limit"}, defaultValue = "50", paramLabel = "N", description = "How many events (or rows, a page) to show, newest first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--env", paramLabel = "ENV", description = "Only this environment (leaves out builds).")
    String environment;

    @Option(names = "--host", paramLabel = "HOST", description = "Only runs on this host (leaves out builds and releases).")
    String host;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only this outcome: live, superseded, failed, rolled_back, succeeded, created (releases), …")
    String status;

    @Option(names = "--author", paramLabel = "WHO", description = "Only what this person did (the actor of the run, release or build).")
    String author;

    @Option(names = "--since", paramLabel = "DATE", description = "From this day (YYYY-MM-DD, local time) or instant (2026-03-01T10:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Before this day (exclusive) or instant.")
    String until;

    @Option(names = "--search", paramLabel = "TEXT", description = "A commit SHA prefix, words of the commit message, or a release name ('production v7').")
    String search;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only builds, releases, runs or imported runs: ${COMPLETION-CANDIDATES}.")
    HistoryKind kind;

    @Option(names = "--page", paramLabel = "N", description = "Which page of --limit rows to show, from 1.")
    Integer page;

    @Option(names = "--rows", description = "Show the builds, releases and runs (not the audit trail) even without a filter.")
    boolean rows;

    @Option(names = "--export", paramLabel = "FORMAT", description = "Write every row that passes the filter as csv or json (secrets masked).")
    String export;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where --export writes (default: standard output).")
    Path output;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    private record Line(Instant at, String text) {
    }

    @Override
    public Integer call() throws IOException {
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
        if (rows || page != null || export != null || environment != null || host != null || status != null || author != null
                || since != null || until != null || search != null || kind != null) {
            return rows(engine, p);
        }
        List<Line> lines = new ArrayList<>();
        for (Event e : engine.history(p, limit)) {
            lines.add(new Line(e.at(), line(e.at(), e.actor(), e.action(), e.subject(), Formats.outcome(e.outcome()), e.detail())));
        }
        // An interrupted build or run has no event: its process died before it could record one.
        for (Build b : engine.builds(p)) {
            if (b.status() == BuildStatus.INTERRUPTED) {
                Instant at = b.finishedAt() == null ? b.startedAt() : b.finishedAt();
                lines.add(new Line(at, line(at, b.actor(), "build", p.name() + " #" + b.number() + " " + b.shortSha(), "INTERRUPTED", b.message())));
            }
        }
        for (Run r : engine.runs(p)) {
            if (r.status() == RunStatus.INTERRUPTED) {
                Release release = engine.releaseOf(r);
                Instant at = r.finishedAt() == null ? r.startedAt() : r.finishedAt();
                lines.add(new Line(at, line(at, r.actor(), r.kind().name().toLowerCase(), p.name() + "/" + release.label() + " on "
                        + engine.hostOf(r).name(), Formats.status(r.status()), r.message())));
            }
        }
        lines.stream().sorted(Comparator.comparing(Line::at).reversed()).limit(limit).forEach(l -> context.out().println(l.text()));
        return 0;
    }

    /**
     * A filter on a name that does not exist would show an empty page as if nothing had happened:
     * refuse it instead, naming what there is.
     */
    private void checkNames(Stageboard engine, Project p) {
        if (environment != null && !environment.isBlank()) {
            List<String> names = engine.environments(p).stream().map(Environment::name).toList();
            if (!names.contains(environment.strip())) {
                throw new StageboardException("--env: " + p.name() + " has no environment named '" + environment.strip() + "'; its environments: "
                        + (names.isEmpty() ? "none yet" : String.join(", ", names)) + ".");
            }
        }
        if (host != null && !host.isBlank()) {
            List<String> names = engine.hosts().stream().map(Host::name).toList();
            if (!names.contains(host.strip())) {
                throw new StageboardException("--host: there is no host named '" + host.strip() + "'; the hosts: "
                        + (names.isEmpty() ? "none yet" : String.join(", ", names)) + ".");
            }
        }
        if (status != null && !status.isBlank()) {
            Set<String> known = new TreeSet<>();
            for (RunStatus s : RunStatus.values()) {
                known.add(s.name().toLowerCase(Locale.ROOT));
            }
            for (BuildStatus s : BuildStatus.values()) {
                known.add(s.name().toLowerCase(Locale.ROOT));
            }
            known.add("created");
            String given = status.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (!known.contains(given)) {
                throw new StageboardException("--status: '" + status.strip() + "' is not an outcome; give one of: " + String.join(", ", known) + ".");
            }
        }
    }

    private int rows(Stageboard engine, Project p) throws IOException {
        checkNames(engine, p);
        HistoryFilter filter = new HistoryFilter(environment, host, status, author, instant("--since", since), instant("--until", until),
                search, kind);
        History history = engine.history();
        if (export != null) {
            String format = export.strip().toLowerCase(Locale.ROOT);
            if (!format.equals("csv") && !format.equals("json")) {
                throw new StageboardException("--export takes csv or json, not '" + export + "'.");
            }
            Writer out = output == null ? context.out() : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
            try {
                long n = format.equals("csv") ? history.exportCsv(p, filter, out) : history.exportJson(p, filter, out);
                if (output != null) {
                    context.out().println("Exported " + Formats.count(n, "row") + " of " + p.name() + "'s history to " + output + " (" + format + ").");
                }
            } finally {
                if (output != null) {
                    out.close();
                } else {
                    out.flush();
                }
            }
            return 0;
        }
        int pageNumber = page == null ? 1 : page;
        if (pageNumber < 1 || limit < 1) {
            throw new StageboardException("--page and --limit start at 1.");
        }
        long total = history.count(p, filter);
        List<HistoryRow> found = history.page(p, filter, (pageNumber - 1) * limit, limit);
        for (HistoryRow r : found) {
            StringBuilder line = new StringBuilder(Formats.time(r.at())).append("  ").append(r.actor()).append("  ").append(r.subject().strip());
            if (r.host() != null) {
                line.append(" on ").append(r.host());
            } else if (r.kind() == HistoryKind.RELEASE || r.environment() == null) {
                line.append("");
            }
            line.append("  ").append(r.status());
            if (r.commitSha() != null) {
                line.append("  ").append(r.shortSha()).append(r.commitSubject() == null ? "" : " " + r.commitSubject());
            }
            if (r.fromOtherCatalog()) {
                line.append("  [other catalog ").append(r.catalog()).append(r.by() == null ? "" : ", by " + r.by()).append("]");
            }
            if (r.message() != null && !r.message().isBlank()) {
                line.append("  - ").append(Formats.firstLine(r.message()));
            }
            context.out().println(line);
        }
        long pages = Math.max(1, (total + limit - 1) / limit);
        context.out().println("page " + pageNumber + " of " + pages + " (" + Formats.count(total, "row") + ")");
        return 0;
    }

    /** A day (local midnight) or an instant. */
    static Instant instant(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.strip().length() == 10) {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new StageboardException(option + " takes a day (2026-03-01) or an instant (2026-03-01T10:00:00Z), not '" + text + "'.");
        }
    }

    private static String line(Instant at, String actor, String action, String subject, String outcome, String detail) {
        return Formats.time(at) + "  " + actor + "  " + action + "  " + subject + "  " + outcome
                + (detail == null ? "" : "  - " + Formats.firstLine(detail));
    }
}
