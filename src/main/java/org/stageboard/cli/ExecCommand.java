package org.stageboard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exec}: a one-off admin command in the current release on a host, with its config (factor XII). */
@Command(name = "exec", description = {"Run a one-off command (a migration, a console task) on a host, in the folder of the release that",
        "runs there, with that release's config as environment variables. Output is streamed (secrets masked);",
        "the exit code is the command's. Example: stageboard exec -e production -- ./manage.py migrate"})
final class ExecCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Option(names = "--host", paramLabel = "HOST", description = "The host to run it on (default: the environment's first host in deploy order).")
    String host;

    @Option(names = {"-v", "--verbose"}, description = "Show every step's details.")
    boolean verbose;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command and its arguments (after --), run by sh in the release folder.")
    List<String> command = new ArrayList<>();

    ExecCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Environment e = context.environment(project.name, env.name);
        List<Host> hosts = context.hosts(e, host);
        context.unlockKeys(hosts);
        Host target = hosts.get(0);
        if (host == null && hosts.size() > 1) {
            context.err().println("running on " + target.name() + " (the first of " + hosts.size() + " hosts; choose with --host)");
        }
        Progress progress = context.progress(verbose);
        // One argument is a shell command line as typed; several are joined as words, each quoted.
        String line = command.size() == 1 ? command.get(0) : String.join(" ", command.stream().map(ExecCommand::word).toList());
        int exit = engine.exec(e, target, line, out -> {
            context.out().println(out);
            context.out().flush();
        }, progress);
        if (progress.isCancelled()) {
            return StageboardCli.CANCELLED;
        }
        if (exit != 0) {
            context.err().println("exit code " + exit);
        }
        return exit;
    }

    private static String word(String arg) {
        if (arg.isEmpty()) {
            throw new StageboardException("An empty argument cannot be passed to exec.");
        }
        return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
