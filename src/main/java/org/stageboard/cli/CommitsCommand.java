package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "commits", description = "List the newest commits of the project's branch.")
final class CommitsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many commits (default 20).")
    int limit;

    CommitsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = context.project(project.name);
        for (CommitInfo c : context.engine().commits(p, limit)) {
            context.out().println(c.shortSha() + "  " + Formats.time(c.time()) + "  " + c.author() + "  " + c.subject());
        }
        return 0;
    }
}
