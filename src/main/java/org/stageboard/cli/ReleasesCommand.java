package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "releases", description = "List releases, newest first; 'releases show' shows one release's page.",
        subcommands = {ReleasesCommand.Show.class})
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
            context.environment(p, env);
        }
        return 0;
    }

    @Command(name = "show", description = "Show one release: its build, commit (sha, message, author), artifact, config version's keys, who made it and when, and the hosts that run it now.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        ConfigCommand.EnvOption env;

        @picocli.CommandLine.Parameters(paramLabel = "N", description = "Release number (e.g. 3 or v3).")
        String version;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env.name);
            Release r = context.engine().release(e, ConfigCommand.Diff.number(version));
            ReleaseTexts.details(context.out(), context.engine().releaseDetails(r));
            return 0;
        }
    }
}
