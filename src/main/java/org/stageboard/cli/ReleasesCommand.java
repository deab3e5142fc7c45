package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "releases", description = "List releases, newest first.")
final class ReleasesCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Only this environment.")
    String env;

    ReleasesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = context.project(project.name);
        for (Environment e : context.engine().environments(p)) {
            if (env != null && !env.equals(e.name())) {
                continue;
            }
            for (Release r : context.engine().releases(e)) {
                context.out().println(Formats.release(r));
            }
        }
        if (env != null) {
            context.engine().environment(p, env);
        }
        return 0;
    }
}
