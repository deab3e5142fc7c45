package org.stageboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", description = "Put a release to work on the environment's hosts (exit 1 unless every host is live on it).")
final class DeployCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Option(names = {"-r", "--release"}, paramLabel = "N", description = "Release number vN (default: the newest release of the environment).")
    Integer release;

    @Option(names = "--host", paramLabel = "HOST", description = "Only this host (default: every host of the environment).")
    String host;

    @Option(names = {"-v", "--verbose"}, description = "Show every step's details.")
    boolean verbose;

    DeployCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Environment e = context.environment(project.name, env.name);
        Release r = release != null ? engine.release(e, release)
                : engine.releases(e).stream().findFirst()
                        .orElseThrow(() -> new StageboardException("Environment " + e.name() + " has no release yet: make one with 'stageboard release'."));
        List<Run> runs = host != null ? List.of(engine.deploy(r, engine.host(host), context.progress(verbose)))
                : engine.deployAll(r, context.progress(verbose));
        return report(context, engine, runs);
    }

    static int report(CliContext context, Stageboard engine, List<Run> runs) {
        boolean allLive = !runs.isEmpty();
        for (Run run : runs) {
            Host h = engine.catalog().hosts().get(run.hostId());
            Release rel = engine.catalog().releases().get(run.releaseId());
            context.out().println(Formats.run(run, rel, h));
            if (run.status() != RunStatus.LIVE) {
                allLive = false;
                context.err().println("error: " + h.name() + ": " + run.message());
                if (run.log() != null) {
                    context.err().println("log: " + run.log());
                }
            }
        }
        return allLive ? 0 : StageboardCli.FAILED;
    }
}
