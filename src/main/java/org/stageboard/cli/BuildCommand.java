package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.BuildStep;
import org.stageboard.core.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", description = {"Build one commit into an artifact (exit 1 if the build fails).",
        "The same tree with the same recipe is cached: it reuses that build's artifact at once (shown as 'cached from #N').",
        "The commit's stageboard.json, when it has one, is the recipe; else the project's. Waits (queued) while another build of the project runs."})
final class BuildCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "COMMIT", arity = "0..1", description = "SHA, short SHA, branch or tag (default: the head of the project's branch).")
    String commit;

    @Option(names = {"--force", "--no-cache"}, description = "Run the recipe even if the same tree was already built with the same recipe.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Show the build output.")
    boolean verbose;

    BuildCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = context.project(project.name);
        Build build = context.engine().build(p, commit == null ? p.branch() : commit, !force, context.progress(verbose));
        context.out().println(Formats.build(build));
        for (BuildStep step : context.engine().buildSteps(build)) {
            context.out().println("  " + Formats.step(step));
        }
        if (build.notes() != null) {
            for (String note : build.notes().split("\n")) {
                context.out().println("  note: " + note);
            }
        }
        if (build.status() == BuildStatus.CANCELLED) {
            context.err().println("cancelled: build #" + build.number() + ": " + build.message());
            return StageboardCli.CANCELLED;
        }
        if (!build.succeeded()) {
            context.err().println("error: build #" + build.number() + " failed: " + build.message());
            context.err().println("log: " + build.log());
            return StageboardCli.FAILED;
        }
        if (build.cached()) {
            context.out().println("cached from build #" + build.cachedFrom() + " (same tree, same recipe): nothing was run; 'stageboard build --force' rebuilds");
        }
        context.out().println("artifact " + build.artifactSha256());
        return 0;
    }
}
