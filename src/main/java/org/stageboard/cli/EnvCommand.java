package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "env", description = "Add, list and attach hosts to environments (staging, production, ...).",
        subcommands = {EnvCommand.Add.class, EnvCommand.ListEnvs.class, EnvCommand.Attach.class, EnvSetCommand.class, EnvShowCommand.class,
                EnvRolloutCommand.Set.class, EnvRolloutCommand.Order.class, EnvPromotionCommands.Order.class, EnvPromotionCommands.Export.class,
                EnvPromotionCommands.Import.class})
final class EnvCommand {

    @Command(name = "add", description = "Add an environment with its run settings.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        RunSettingOptions settings;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Project p = context.project(project.name);
            if (settings.start == null && settings.processes == null && settings.processesFile == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Give --start CMD (the command that starts the app) or --processes/--processes-file.");
            }
            if (settings.health == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Give --health: how to check the app on the host, e.g. http://127.0.0.1:8080/health.");
            }
            RunSettings run = settings.create();
            Environment env = context.engine().addEnvironment(p, name, run);
            context.out().println("added environment " + env.name() + " to " + p.name());
            return 0;
        }
    }

    @Command(name = "list", description = "List environments in promotion order (see 'env promote-order') with their hosts (in deploy order) and rollout.")
    static final class ListEnvs implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        ListEnvs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Stageboard engine = context.engine();
            for (Environment e : engine.environments(context.project(project.name))) {
                String hosts = String.join(", ", engine.hosts(e).stream().map(Host::name).toList());
                context.out().println(e.name() + "  start: " + e.run().startCommand() + "  health: " + e.run().healthUrl()
                        + "  hosts: " + (hosts.isEmpty() ? "(none)" : hosts) + "  rollout: " + e.rollout().describe());
            }
            return 0;
        }
    }

    @Command(name = "attach", description = "Run an environment on a host.")
    static final class Attach implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(index = "0", paramLabel = "ENV")
        String env;

        @Parameters(index = "1", paramLabel = "HOST")
        String host;

        Attach(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Stageboard engine = context.engine();
            Environment e = context.environment(project.name, env);
            engine.attachHost(e, engine.host(host));
            context.out().println("environment " + env + " runs on " + host);
            return 0;
        }
    }
}
