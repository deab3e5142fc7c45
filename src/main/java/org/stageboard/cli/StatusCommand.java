package org.stageboard.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.pipeline.HostStatus;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", description = {"What runs where, as the hosts say: each host of each environment is read (in parallel),",
        "with since when and by whom (the host's ledger) and every difference from the catalog ('! ' lines).",
        "Exit 0 even with differences or unreadable hosts: scripts read --json."})
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print one JSON document for scripts (ISO-8601 times).")
    boolean json;

    @Option(names = "--offline", description = "Do not ask the hosts: show what they said when last read, with the time.")
    boolean offline;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
        List<HostStatus> statuses = offline ? engine.lastReadings(p) : engine.readHosts(p, true);
        if (json) {
            StatusJson.write(context.out(), engine, p, statuses, offline);
            return 0;
        }
        PrintWriter out = context.out();
        out.println("project " + p.name() + "  (" + p.repository() + ", branch " + p.branch() + ")");
        engine.builds(p).stream().findFirst().ifPresent(b -> out.println("newest build  " + Formats.build(b)));
        for (Environment e : engine.environments(p)) {
            String newest = engine.releases(e).stream().findFirst().map(Release::label).orElse("no release yet");
            out.println("env " + e.name() + "  newest release: " + newest);
            for (HostStatus s : statuses) {
                if (s.environment().id() == e.id()) {
                    print(out, s);
                }
            }
        }
        return 0;
    }

    private void print(PrintWriter out, HostStatus s) {
        if (s.state() == null && s.readAt() != null && s.error() != null) {
            printFailed(out, s);
            return;
        }
        String read = s.readAt() == null ? "  (never read: run 'stageboard status' without --offline)"
                : s.fresh() ? "" : "  (as read at " + Formats.time(s.readAt()) + ", " + ago(s.readAt()) + ")";
        out.println("  " + s.host().name() + "  " + (s.readAt() == null ? "not read" : s.summary()) + read);
        String since = Hosts.since(s.state());
        if (since != null) {
            out.println("      " + since);
        }
        s.drift().forEach(line -> out.println("      ! " + line));
    }

    /**
     * A read that failed: when and why, then what the host said at the last read that worked, with
     * its time (hosts are the truth, and that is their last word).
     */
    private void printFailed(PrintWriter out, HostStatus s) {
        out.println("  " + s.host().name() + "  could not be read at " + Formats.time(s.readAt())
                + (s.fresh() ? "" : " (" + ago(s.readAt()) + ")") + ": " + s.error());
        HostStatus last = s.lastGood();
        if (last == null || last.readAt() == null) {
            out.println("      never read successfully: nothing known of what it runs");
            return;
        }
        out.println("      last read " + Formats.time(last.readAt()) + " (" + ago(last.readAt()) + "): " + last.summary());
        String since = Hosts.since(last.state());
        if (since != null) {
            out.println("      " + since);
        }
    }

    private static String ago(Instant at) {
        return Formats.age(Math.max(0, Instant.now().getEpochSecond() - at.getEpochSecond())) + " ago";
    }
}
