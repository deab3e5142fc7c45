package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", description = "The project's audit trail: who did what, when, and how it ended. Newest first.")
final class HistoryCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Option(names = {"-n", "--limit"}, defaultValue = "50")
    int limit;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        for (Event e : context.engine().history(context.project(project.name), limit)) {
            context.out().println(Formats.time(e.at()) + "  " + e.actor() + "  " + e.action() + "  " + e.subject() + "  " + e.outcome()
                    + (e.detail() == null ? "" : "  - " + Formats.firstLine(e.detail())));
        }
        return 0;
    }
}
