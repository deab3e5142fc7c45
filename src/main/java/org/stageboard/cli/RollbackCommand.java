package org.stageboard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Run;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rollback", description = "Re-activate the release that was live before the current one, with its own config.")
final class RollbackCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Option(names = "--host", paramLabel = "HOST", description = "Only this host (default: every host of the environment).")
    String host;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    RollbackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Environment e = context.environment(project.name, env.name);
        List<Host> hosts = host != null ? List.of(engine.host(host)) : engine.hosts(e);
        if (hosts.isEmpty()) {
            throw new StageboardException("Environment " + e.name() + " has no hosts.");
        }
        List<Run> runs = new ArrayList<>();
        for (Host h : hosts) {
            runs.add(engine.rollback(e, h, context.progress(verbose)));
        }
        return DeployCommand.report(context, engine, runs);
    }
}
