package org.stageboard.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import org.stageboard.core.CancelledException;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.StageboardHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code stageboard}: the same journey as the window, for scripts and CI. Exit codes: 0 success,
 * 1 the work failed or was refused (message on stderr), 2 bad usage, 130 cancelled.
 */
@Command(name = "stageboard", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "stageboard 0.1.0",
        description = {"Build, release, run: one commit's journey, recorded in a local catalog.",
                "Catalog and logs live in STAGEBOARD_HOME (default ~/.stageboard)."},
        subcommands = {ProjectCommand.class, CommitsCommand.class, BuildCommand.class, BuildsCommand.class, ArtifactsCommand.class, EnvCommand.class,
                ConfigCommand.class, ReleaseCommand.class, ReleasesCommand.class, PromoteCommand.class, DiffCommand.class, HostCommand.class,
                DeployCommand.class, RollbackCommand.class, LockCommand.class, StatusCommand.class, HistoryCommand.class, LogsCommand.class,
                ExecCommand.class, AppControlCommands.Stop.class, AppControlCommands.Start.class, AppControlCommands.Restart.class,
                ShipCommand.class, HelpCommand.class})
public final class StageboardCli implements Runnable {

    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. 'stageboard project add' (see --help).");
    }

    /**
     * Runs the CLI as the process: against {@code STAGEBOARD_HOME}, with the process's streams,
     * Ctrl-C cancelling the work after it cleaned up. Call {@code System.exit} with the result only
     * after this returns (a shutdown hook may be waiting for it).
     */
    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return execute(new CliContext(StageboardHome.fromEnvironment(), System.in, out, err, true), args);
    }

    /** Runs the CLI inside this process (tests, tools): Ctrl-C is left to the process. */
    public static int execute(StageboardHome home, PrintWriter out, PrintWriter err, String... args) {
        return execute(home, System.in, out, err, args);
    }

    /** As {@link #execute(StageboardHome, PrintWriter, PrintWriter, String...)}, with answers and piped secrets read from {@code in}. */
    public static int execute(StageboardHome home, InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return execute(new CliContext(home, in, out, err, false), args);
    }

    /** As above, with passphrases asked for at {@code terminal} as at a console (tests). */
    static int execute(StageboardHome home, InputStream in, PrintWriter out, PrintWriter err, CliContext.Terminal terminal, String... args) {
        return execute(new CliContext(home, in, out, err, false, terminal), args);
    }

    private static int execute(CliContext opened, String... args) {
        PrintWriter out = opened.out();
        PrintWriter err = opened.err();
        try (CliContext context = opened) {
            CommandLine cli = withHelpWidth(new CommandLine(new StageboardCli(), new ContextFactory(context)));
            cli.setOut(out);
            cli.setErr(err);
            // `--kind imported` as README writes it, as well as `--kind IMPORTED`.
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                if (e instanceof CancelledException) {
                    err.println("cancelled");
                    return CANCELLED;
                }
                if (e instanceof StageboardException) {
                    err.println("error: " + e.getMessage());
                    return FAILED;
                }
                err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return FAILED;
            });
            cli.setParameterExceptionHandler((e, argv) -> {
                err.println("error: " + e.getMessage());
                err.println("(see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
                return USAGE;
            });
            cli.setExecutionStrategy(StageboardCli::executeLeaf);
            int code = cli.execute(args);
            out.flush();
            err.flush();
            return code;
        }
    }

    /**
     * Help first (at any level); a group such as {@code project} named without one of its
     * commands says which there are, with its usage, instead of failing.
     */
    private static int executeLeaf(CommandLine.ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        CommandLine.ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandLine command = leaf.commandSpec().commandLine();
        Object user = command.getCommand();
        if (!(user instanceof Runnable) && !(user instanceof java.util.concurrent.Callable<?>)) {
            PrintWriter err = command.getErr();
            err.println("error: name a command of '" + leaf.commandSpec().qualifiedName() + "': "
                    + String.join(", ", command.getSubcommands().keySet()));
            command.usage(err);
            return USAGE;
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** The command tree, for reading its model (help, documentation); its commands are not to be run. */
    static CommandLine tree() {
        return withHelpWidth(new CommandLine(new StageboardCli(), new ContextFactory(null)));
    }

    /**
     * Help 120 columns wide: the commands' descriptions are written as lines of up to about 115
     * characters, which picocli's default of 80 broke again mid-sentence, leaving ragged help.
     */
    private static CommandLine withHelpWidth(CommandLine cli) {
        cli.setUsageHelpWidth(HELP_WIDTH);
        return cli;
    }

    static final int HELP_WIDTH = 120;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Gives every command the shared context through its constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var constructor : cls.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return cls.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
