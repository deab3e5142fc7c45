package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.pipeline.BuildChoice;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "release", description = {"Combine a build's artifact with an environment's latest config into a new, immutable release.",
        "By default the build of the branch head; it says which build and commit it chose."})
final class ReleaseCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Option(names = {"-b", "--build"}, paramLabel = "N",
            description = "Build number (default: the newest successful build of the branch head's commit).")
    Integer build;

    ReleaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
        Environment e = context.environment(p, env.name);
        BuildChoice choice = engine.chooseBuild(p, build);
        context.out().println("releasing " + choice.reason());
        Release r = engine.release(choice.build(), e);
        context.out().println(Formats.release(r));
        return 0;
    }
}
