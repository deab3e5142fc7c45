package org.stageboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStep;
import org.stageboard.core.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "builds", description = {"List the builds of a project, newest first, after the queue (the running build and those waiting).",
        "With a NUMBER: that build, its steps (status, duration, log file) and what its export reported."})
final class BuildsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "NUMBER", arity = "0..1", description = "Show this build and its steps.")
    Integer number;

    BuildsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = context.project(project.name);
        if (number != null) {
            Build b = context.engine().build(p, number);
            context.out().println(Formats.build(b));
            context.out().println("  commit " + b.commitSha() + ", recipe from " + (b.recipeSource() == null ? "catalog" : b.recipeSource()));
            for (BuildStep step : context.engine().buildSteps(b)) {
                context.out().println("  " + Formats.step(step));
            }
            if (b.notes() != null) {
                for (String note : b.notes().split("\n")) {
                    context.out().println("  note: " + note);
                }
            }
            if (b.message() != null) {
                context.out().println("  " + b.message().replace("\n", "\n  "));
            }
            if (b.log() != null) {
                context.out().println("  log: " + b.log());
            }
            return 0;
        }
        List<Build> queue = context.engine().buildQueue(p);
        if (!queue.isEmpty()) {
            context.out().println("queue: " + String.join(", ", queue.stream().map(b -> "#" + b.number() + " " + b.status().label()).toList()));
        }
        for (Build b : context.engine().builds(p)) {
            context.out().println(Formats.build(b));
        }
        return 0;
    }
}
