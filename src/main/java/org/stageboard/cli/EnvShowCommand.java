package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code env show ENV}: every run setting of an environment, its rollout and its hosts in deploy order. */
@Command(name = "show", description = "Show an environment's run settings, rollout and hosts (in deploy order).")
final class EnvShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "ENV")
    String env;

    EnvShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment environment = context.environment(project.name, env);
        context.out().println(environment.name());
        RunSettingOptions.describe(environment.run()).forEach(line -> context.out().println("  " + line));
        context.out().println("  rollout:         " + environment.rollout().describe());
        var hosts = context.engine().hosts(environment).stream().map(Host::name).toList();
        context.out().println("  hosts:           " + (hosts.isEmpty() ? "(none)" : String.join(", ", hosts)));
        return 0;
    }
}
