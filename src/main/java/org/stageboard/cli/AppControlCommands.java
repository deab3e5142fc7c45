package org.stageboard.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stop}, {@code start} and {@code restart}: act on the release that runs on each host of an
 * environment (or one host), with no new release; each is recorded as a run of that release.
 */
final class AppControlCommands {

    private AppControlCommands() {
    }

    /** What the three commands share: the environment, the host, the lock wait, and the report. */
    abstract static class Control implements Callable<Integer> {
        final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        ConfigCommand.EnvOption env;

        @Option(names = "--host", paramLabel = "HOST", description = "Only this host (default: every host of the environment, in deploy order).")
        String host;

        @Option(names = "--wait-lock", paramLabel = "SECONDS", defaultValue = "0", description = "Wait up to this long for a lock held by another run.")
        int waitLock;

        @Option(names = {"-v", "--verbose"}, description = "Show every step's details.")
        boolean verbose;

        Control(CliContext context) {
            this.context = context;
        }

        abstract Run act(Stageboard engine, Environment environment, Host host, Duration lockWait, Progress progress);

        /** The outcome that counts as success. */
        RunStatus success() {
            return RunStatus.LIVE;
        }

        @Override
        public Integer call() {
            Stageboard engine = context.engine();
            Environment e = context.environment(project.name, env.name);
            List<Host> hosts = context.hosts(e, host);
            context.unlockKeys(hosts);
            Progress progress = context.progress(verbose);
            List<Run> runs = new ArrayList<>();
            // A host that cannot be acted on (nothing deployed there, another catalog's release, unreadable) is said, and the others still are.
            List<String> refused = new ArrayList<>();
            for (Host h : hosts) {
                try {
                    runs.add(act(engine, e, h, Duration.ofSeconds(Math.max(0, waitLock)), progress));
                } catch (StageboardException refusal) {
                    if (hosts.size() == 1) {
                        throw refusal;
                    }
                    refused.add(h.name() + ": " + refusal.getMessage());
                }
                if (progress.isCancelled()) {
                    break;
                }
            }
            boolean ok = refused.isEmpty();
            boolean cancelled = false;
            for (Run run : runs) {
                Host h = engine.hostOf(run);
                context.out().println(Formats.run(run, engine.releaseOf(run), h, context::red));
                if (run.status() != success()) {
                    ok = false;
                    cancelled |= run.status() == RunStatus.CANCELLED;
                    context.err().println((run.status() == RunStatus.CANCELLED ? "cancelled: " : "error: ") + h.name() + ": "
                            + (run.message() == null ? Formats.status(run.status()) : run.message().replace("\n", "\n  ")));
                    if (run.log() != null) {
                        context.err().println("log: " + run.log());
                    }
                }
            }
            refused.forEach(line -> context.err().println("error: " + line));
            context.out().flush();
            context.err().flush();
            return ok ? 0 : cancelled ? StageboardCli.CANCELLED : StageboardCli.FAILED;
        }
    }

    @Command(name = "stop", description = {"Stop the app (every process instance) of the release that runs on each host; it stays stopped",
            "(the supervisor does not bring it back) until 'start', 'restart' or a deploy. Exit 0 when every host stopped."})
    static final class Stop extends Control {
        Stop(CliContext context) {
            super(context);
        }

        @Override
        Run act(Stageboard engine, Environment environment, Host host, Duration lockWait, Progress progress) {
            return engine.stop(environment, host, lockWait, progress);
        }

        @Override
        RunStatus success() {
            return RunStatus.STOPPED;
        }
    }

    @Command(name = "start", description = {"Start the app of the release that is current on each host, with its own settings and config,",
            "and wait for health. Exit 0 when every host is live."})
    static final class Start extends Control {
        Start(CliContext context) {
            super(context);
        }

        @Override
        Run act(Stageboard engine, Environment environment, Host host, Duration lockWait, Progress progress) {
            return engine.start(environment, host, lockWait, progress);
        }
    }

    @Command(name = "restart", description = {"Enter the run stage again without a new release: stop, start and check health of the release",
            "that is current on each host. Exit 0 when every host is live again."})
    static final class Restart extends Control {
        Restart(CliContext context) {
            super(context);
        }

        @Override
        Run act(Stageboard engine, Environment environment, Host host, Duration lockWait, Progress progress) {
            return engine.restart(environment, host, lockWait, progress);
        }
    }
}
