package org.stageboard.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.pipeline.RollbackChoice;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rollback", description = {"Re-activate an earlier release, with its own config: by default each host's last release that",
        "was live and healthy before its current one (from the host's ledger); or release vN with --to.",
        "First says, for every host, what it will activate; changes nothing unless every host has a target.",
        "Exit 0 when every host is live, 130 when cancelled (Ctrl-C), else 1."})
final class RollbackCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Option(names = "--to", paramLabel = "N", description = "Activate release vN of the environment (default: each host's last good one).")
    Integer to;

    @Option(names = "--host", paramLabel = "HOST", description = "Only this host (default: every host of the environment).")
    String host;

    @Option(names = "--plan", description = "Only say what each host would activate; change nothing.")
    boolean plan;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation at a terminal.")
    boolean yes;

    @Option(names = {"-v", "--verbose"}, description = "Show every step's details.")
    boolean verbose;

    RollbackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Environment e = context.environment(project.name, env.name);
        List<Host> hosts = context.hosts(e, host);
        context.unlockKeys(hosts);
        Release requested = to == null ? null : engine.release(e, to);
        boolean everyHostHasATarget = true;
        Map<Host, Integer> targets = new LinkedHashMap<>();
        for (Host h : hosts) {
            RollbackChoice choice = engine.rollbackChoice(e, h);
            Release target = requested != null ? requested : choice.target();
            targets.put(h, target == null ? null : target.version());
            if (requested != null) {
                context.out().println("Rollback on " + h.name() + " will activate " + requested.label() + " (asked with --to " + to
                        + "), with its own config; now: " + Hosts.running(choice.state(), choice.current()) + ".");
            } else if (choice.possible()) {
                context.out().println(choice.explanation());
            } else {
                everyHostHasATarget = false;
                context.err().println("error: " + choice.explanation());
            }
        }
        context.out().flush();
        if (!everyHostHasATarget) {
            context.err().println("Nothing was changed.");
            return StageboardCli.FAILED;
        }
        if (plan) {
            return 0;
        }
        if (!yes && context.interactive() && !context.confirm("Go ahead?")) {
            context.err().println("Nothing was changed.");
            return StageboardCli.FAILED;
        }
        Progress progress = context.progress(verbose);
        List<Run> runs = new ArrayList<>();
        for (Host h : hosts) {
            // The release printed above, even if the host's ledger changed since.
            Run run = engine.rollback(e, h, targets.get(h), progress);
            runs.add(run);
            if (progress.isCancelled()) {
                break;
            }
        }
        return DeployCommand.report(context, engine, runs);
    }
}
