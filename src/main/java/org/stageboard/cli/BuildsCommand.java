package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Build;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "builds", description = "List the builds of a project, newest first.")
final class BuildsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    BuildsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        for (Build b : context.engine().builds(context.project(project.name))) {
            context.out().println(Formats.build(b));
        }
        return 0;
    }
}
