package org.stageboard.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", description = {"Put a release to work on the environment's hosts, one after another; stops at the first host",
        "that is not live on it. Exit 0 when every host is live, 130 when cancelled (Ctrl-C), else 1.",
        "With --plan, only says what it would do on each host."})
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

    @Option(names = "--plan", description = "Read the hosts and print what the deploy would do there; change nothing.")
    boolean plan;

    @Option(names = "--wait-lock", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to this long for a lock held by another run (default: fail at once, naming the holder).")
    long waitLock;

    @Option(names = {"-v", "--verbose"}, description = "Show every step's details.")
    boolean verbose;

    DeployCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (waitLock < 0) {
            throw new StageboardException("--wait-lock must be 0 or more seconds.");
        }
        Stageboard engine = context.engine();
        Environment e = context.environment(project.name, env.name);
        List<Host> hosts = context.hosts(e, host);
        Release r = release != null ? engine.release(e, release)
                : engine.releases(e).stream().findFirst()
                        .orElseThrow(() -> new StageboardException("Environment " + e.name() + " has no release yet: make one with 'stageboard release'."));
        if (plan) {
            return DeployPlans.print(context, r, engine.plan(r).stream()
                    .filter(p -> hosts.stream().anyMatch(h -> h.id() == p.host().id())).toList());
        }
        Duration lockWait = Duration.ofSeconds(waitLock);
        Progress progress = context.progress(verbose);
        List<Run> runs = host != null ? List.of(engine.deploy(r, hosts.get(0), lockWait, progress))
                : engine.deployAll(r, lockWait, progress);
        return report(context, engine, runs);
    }

    /**
     * One line per run on stdout; for a run that is not live, its whole message (with the evidence:
     * last health answer, app log lines) and its log file on stderr. Exit 0 when every run is live,
     * 130 when one was cancelled, else 1.
     */
    static int report(CliContext context, Stageboard engine, List<Run> runs) {
        boolean allLive = !runs.isEmpty();
        boolean cancelled = false;
        for (Run run : runs) {
            Host h = engine.hostOf(run);
            Release rel = engine.releaseOf(run);
            context.out().println(Formats.run(run, rel, h, context::red));
            if (run.status() != RunStatus.LIVE) {
                allLive = false;
                cancelled |= run.status() == RunStatus.CANCELLED;
                String prefix = run.status() == RunStatus.CANCELLED ? "cancelled: " : "error: ";
                String message = run.message() == null ? Formats.status(run.status()) : run.message();
                context.err().println(prefix + h.name() + ": " + message.replace("\n", "\n  "));
                if (run.log() != null) {
                    context.err().println("log: " + run.log());
                }
            }
        }
        context.out().flush();
        context.err().flush();
        return allLive ? 0 : cancelled ? StageboardCli.CANCELLED : StageboardCli.FAILED;
    }
}
