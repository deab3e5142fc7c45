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
import org.stageboard.pipeline.HostOutcome;
import org.stageboard.pipeline.RolloutProgress;
import org.stageboard.pipeline.RolloutResult;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", description = {"Put a release to work on the environment's hosts by its rollout (see 'env rollout'):",
        "the release command first (once per release), then the hosts in order, in parallel or in batches; on a failure",
        "the rest are skipped and the switched hosts rolled back (or left, by the failure policy). Prints each host's",
        "progress prefixed [host] and a table of every host's outcome. Exit 0 when every host is live,",
        "130 when cancelled (Ctrl-C), else 1. With --plan, only says what it would do on each host."})
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

    @Option(names = "--retry-failed", description = "Deploy the release again only on the hosts it is not live on (failed, rolled back, skipped).")
    boolean retryFailed;

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
        if (retryFailed && host != null) {
            throw new StageboardException("--retry-failed picks the hosts itself: leave out --host.");
        }
        Duration lockWait = Duration.ofSeconds(waitLock);
        Progress progress = hostPrefixed(context.progress(verbose), host == null && hosts.size() > 1);
        RolloutResult result = retryFailed ? engine.retryFailed(r, lockWait, progress)
                : host != null ? engine.deployTo(r, hosts, lockWait, progress)
                : engine.deployAll(r, lockWait, progress);
        return report(context, result);
    }

    /**
     * The release command's line, a table of every host's outcome (skipped ones included) on
     * stdout, and the summary; for each host that is not live, its whole message (with the
     * evidence) and its log file on stderr. Exit 0 when every host is live, 130 when cancelled, else 1.
     */
    static int report(CliContext context, RolloutResult result) {
        java.io.PrintWriter out = context.out();
        if (result.releaseCommand() != null) {
            Run command = result.releaseCommand();
            out.println("release command: " + (command.status() == RunStatus.LIVE ? "succeeded" : context.red(Formats.status(command.status())))
                    + " (run " + command.id() + ")");
            if (command.status() != RunStatus.LIVE) {
                context.err().println("error: release command: " + (command.message() == null ? "" : command.message().replace("\n", "\n  ")));
                if (command.log() != null) {
                    context.err().println("log: " + command.log());
                }
            }
        } else if (result.releaseCommandNote() != null) {
            out.println("release command: " + result.releaseCommandNote());
        }
        if (!result.hosts().isEmpty()) {
            int hostWidth = Math.max(4, result.hosts().stream().mapToInt(h -> h.host().name().length()).max().orElse(4));
            int releaseWidth = Math.max(7, result.release().label().length());
            int stateWidth = Math.max(7, result.hosts().stream().mapToInt(h -> h.state().words().length()).max().orElse(7));
            out.println(pad("HOST", hostWidth) + "  " + pad("RELEASE", releaseWidth) + "  " + pad("KIND", 6) + "  "
                    + pad("OUTCOME", stateWidth) + "  RUN    DETAIL");
            for (HostOutcome h : result.hosts()) {
                String state = pad(h.state().words(), stateWidth);
                boolean bad = h.state() == HostOutcome.State.FAILED || h.state() == HostOutcome.State.APP_DOWN;
                out.println(pad(h.host().name(), hostWidth) + "  " + pad(result.release().label(), releaseWidth) + "  deploy  "
                        + (bad ? context.red(state) : state) + "  " + pad(h.run() == null ? "-" : Long.toString(h.run().id()), 5) + "  "
                        + Formats.firstLine(h.message() == null ? "" : h.message()));
            }
        }
        out.println(result.summary());
        for (HostOutcome h : result.hosts()) {
            if (h.state() == HostOutcome.State.LIVE || h.state() == HostOutcome.State.SKIPPED) {
                continue;
            }
            Run run = h.run();
            String prefix = h.state() == HostOutcome.State.CANCELLED ? "cancelled: " : "error: ";
            context.err().println(prefix + h.host().name() + ": " + (run != null && run.message() != null && h.rollback() == null
                    ? run.message() : h.message()).replace("\n", "\n  "));
            if (run != null && run.log() != null) {
                context.err().println("log: " + run.log());
            }
        }
        out.flush();
        context.err().flush();
        if (result.allLive() || (result.hosts().isEmpty() && result.releaseCommand() == null)) {
            return 0;
        }
        return result.cancelled() ? StageboardCli.CANCELLED : StageboardCli.FAILED;
    }

    /** With several hosts, each host's progress lines prefixed with its name ({@code -> [vps2] health check}). */
    private static Progress hostPrefixed(Progress progress, boolean several) {
        class PerHost extends org.stageboard.core.ForwardingProgress implements RolloutProgress {
            PerHost() {
                super(progress);
            }

            @Override
            public Progress host(Host host) {
                return several ? RolloutProgress.super.host(host) : progress;
            }
        }
        return new PerHost();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
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
