package org.stageboard.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.ShipResult;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ship -e ENV}: build the branch head, release it with the latest config, deploy it; in one command. */
@Command(name = "ship", description = {"Build the head of the project's branch (cached when already built), release it to the environment",
        "with its latest config, and deploy it to every host by the rollout: 'build', 'release' and 'deploy' in one command.",
        "Exit 0 when every host is live, 130 when cancelled, else 1 (a failed build stops before releasing)."})
final class ShipCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Option(names = "--wait-lock", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to this long for a lock held by another run (default: fail at once, naming the holder).")
    long waitLock;

    @Option(names = {"-v", "--verbose"}, description = "Show every step's details.")
    boolean verbose;

    ShipCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (waitLock < 0) {
            throw new StageboardException("--wait-lock must be 0 or more seconds.");
        }
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
        Environment e = context.environment(p, env.name);
        context.unlockKeys(context.hosts(e, null));
        ShipResult result = engine.ship(p, e, Duration.ofSeconds(waitLock),
                DeployCommand.hostPrefixed(context.progress(verbose), engine.hosts(e).size() > 1));
        context.out().println("build " + Formats.build(result.build()));
        if (result.release() == null) {
            context.err().println("error: the build of " + result.build().shortSha() + " failed, so nothing was released or deployed"
                    + (result.build().message() == null ? "" : ": " + result.build().message())
                    + " (see 'stageboard build --help' for its log)");
            return StageboardCli.FAILED;
        }
        context.out().println("release " + Formats.release(result.release()));
        return DeployCommand.report(context, result.rollout());
    }
}
