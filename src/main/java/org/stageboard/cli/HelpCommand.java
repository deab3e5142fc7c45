package org.stageboard.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stageboard help [COMMAND...]}: the help of any command, however deep ({@code help project add}). */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, e.g. 'stageboard help project add'.")
final class HelpCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, with its sub-commands (e.g. project add).")
    List<String> path;

    @Override
    public void run() {
        CommandLine command = spec.root().commandLine();
        for (String name : path == null ? List.<String>of() : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + name + "' is not a command of '"
                        + command.getCommandSpec().qualifiedName() + "': it has " + String.join(", ", command.getSubcommands().keySet()) + ".");
            }
            command = sub;
        }
        command.usage(spec.commandLine().getOut());
    }
}
