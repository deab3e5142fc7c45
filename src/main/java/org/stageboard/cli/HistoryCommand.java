package org.stageboard.cli;

import java.time.Instant;
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

@Command(name = "history", description = {"The project's audit trail: who did what, when, and how it ended (live, rolled back, cancelled,",
        "app down, …), with the builds and runs that were interrupted (their process died). Newest first."})
final class HistoryCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Option(names = {"-n", "--limit"}, defaultValue = "50", paramLabel = "N", description = "How many events to show, newest first (default: ${DEFAULT-VALUE}).")
    int limit;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    private record Line(Instant at, String text) {
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
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

    private static String line(Instant at, String actor, String action, String subject, String outcome, String detail) {
        return Formats.time(at) + "  " + actor + "  " + action + "  " + subject + "  " + outcome
                + (detail == null ? "" : "  - " + Formats.firstLine(detail));
    }
}
