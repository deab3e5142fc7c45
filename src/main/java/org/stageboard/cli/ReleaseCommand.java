package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "release", description = "Combine a build's artifact with an environment's latest config into a new, immutable release.")
final class ReleaseCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Option(names = {"-b", "--build"}, paramLabel = "N", description = "Build number (default: the newest successful build).")
    Integer build;

    ReleaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
        Environment e = engine.environment(p, env.name);
        Build b = build != null ? engine.build(p, build)
                : engine.builds(p).stream().filter(Build::succeeded).findFirst()
                        .orElseThrow(() -> new StageboardException("Project " + p.name() + " has no successful build to release: run 'stageboard build' first."));
        Release r = engine.release(b, e);
        context.out().println(Formats.release(r));
        return 0;
    }
}
