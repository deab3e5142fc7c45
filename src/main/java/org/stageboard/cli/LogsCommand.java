package org.stageboard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logs}: the app's log on each host, secrets masked; {@code -f} follows it until Ctrl-C. */
@Command(name = "logs", description = {"Show the last lines of the app's logs on each host of an environment (secrets masked),",
        "each line prefixed with its host when there are several; -f follows new lines until Ctrl-C."})
final class LogsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Option(names = "--host", paramLabel = "HOST", description = "Only this host (default: every host of the environment).")
    String host;

    @Option(names = "--process", paramLabel = "TYPE.N", description = "Only this process instance, e.g. web.2 or worker.1 (default: all).")
    String process;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "100", description = "How many of the last lines to show (default 100).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep showing new lines as they are written, until Ctrl-C.")
    boolean follow;

    LogsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (lines < 0 || lines > 100_000) {
            throw new StageboardException("--lines must be between 0 and 100000, not " + lines + ".");
        }
        if (process != null && !process.matches("[a-z][a-z0-9_-]{0,30}\\.[0-9]{1,2}")) {
            throw new StageboardException("--process '" + process + "' is not an instance name: write TYPE.N, e.g. web.1.");
        }
        Stageboard engine = context.engine();
        Environment e = context.environment(project.name, env.name);
        List<Host> hosts = context.hosts(e, host);
        context.unlockKeys(hosts);
        Progress progress = context.progress(false);
        boolean prefix = hosts.size() > 1;
        ExecutorService pool = Executors.newFixedThreadPool(hosts.size());
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (Host h : hosts) {
                reads.add(pool.submit(() -> engine.logs(e, h, process, lines, follow, line -> print(prefix ? "[" + h.name() + "] " + line : line),
                        progress)));
            }
            int code = 0;
            for (int i = 0; i < reads.size(); i++) {
                try {
                    reads.get(i).get();
                } catch (java.util.concurrent.ExecutionException failed) {
                    Throwable cause = failed.getCause();
                    if (cause instanceof org.stageboard.core.CancelledException) {
                        continue;
                    }
                    context.err().println("error: " + hosts.get(i).name() + ": " + cause.getMessage());
                    code = StageboardCli.FAILED;
                }
            }
            return progress.isCancelled() && code == 0 ? 0 : code;
        } finally {
            pool.shutdownNow();
        }
    }

    private void print(String line) {
        synchronized (context.out()) {
            context.out().println(line);
            context.out().flush();
        }
    }
}
