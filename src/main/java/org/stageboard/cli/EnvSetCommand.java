package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code env set ENV …}: changes how the environment's next releases run; releases made before keep theirs. */
@Command(name = "set", description = {"Change how an environment's next releases run: processes and scale, supervision, shared paths,",
        "release command and hooks, health and timeouts. Releases made before keep their settings; make a release to use these."})
final class EnvSetCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ENV")
    String env;

    @Mixin
    RunSettingOptions settings;

    EnvSetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!settings.any()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give at least one setting to change (see 'stageboard env set --help').");
        }
        Environment environment = context.environment(project.name, env);
        RunSettings before = environment.run();
        RunSettings after = settings.apply(before);
        Environment updated = context.engine().updateRunSettings(environment, after);
        context.out().println("environment " + updated.name() + " now runs its next releases with:");
        RunSettingOptions.describe(updated.run()).forEach(line -> context.out().println("  " + line));
        for (String path : after.shared()) {
            if (!before.shared().contains(path)) {
                context.out().println("note: " + path + " will be linked from shared/" + path + " into every new release; data that the"
                        + " running release keeps at " + path + " inside its own folder is not moved ('deploy --plan' shows it).");
            }
        }
        context.out().println("make a release to use them: stageboard release -e " + updated.name());
        return 0;
    }
}
