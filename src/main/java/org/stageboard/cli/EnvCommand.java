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

@Command(name = "env", description = {"Add, list, rename and remove environments (staging, production, ...); attach and detach their hosts;",
        "change their run settings (set), rollout, host order and promotion order; export and import their settings."},
        subcommands = {EnvCommand.Add.class, EnvCommand.ListEnvs.class, EnvCommand.Attach.class, EnvCommand.Detach.class,
                EnvCommand.Rename.class, EnvCommand.Remove.class, EnvSetCommand.class, EnvShowCommand.class,
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

        @Parameters(paramLabel = "NAME", description = "Environment name (lower-case letters, digits, '.', '_', '-'), e.g. staging.")
        String name;

        @Mixin
        RunSettingOptions settings;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Project p = context.project(project.name);
            if (context.engine().environments(p).stream().anyMatch(e -> e.name().equals(name))) {
                String on = project.name == null ? "" : " -p " + project.name;
                throw new org.stageboard.core.StageboardException("Environment '" + name + "' already exists in project " + p.name()
                        + ": change its settings with 'stageboard env set" + on + " " + name + " --start CMD --health URL ...'"
                        + " (see them with 'stageboard env show" + on + " " + name + "'), or add it under another name.");
            }
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

        @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
        String env;

        @Parameters(index = "1", paramLabel = "HOST", description = "The host to run it on (added with 'host add').")
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

    @Command(name = "detach", description = {"Stop running an environment on a host (e.g. a dead host): deploys no longer go there.",
            "What runs on the host is left as it is."})
    static final class Detach implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
        String env;

        @Parameters(index = "1", paramLabel = "HOST", description = "The host to detach from it.")
        String host;

        Detach(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env);
            context.engine().detachHost(e, context.engine().host(host));
            context.out().println("environment " + env + " no longer runs on " + host + " (what runs there was left as it is)");
            return 0;
        }
    }

    @Command(name = "rename", description = "Give an environment a new name (refused once it was deployed: its hosts keep it under the old name).")
    static final class Rename implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(index = "0", paramLabel = "ENV", description = "The environment to rename.")
        String env;

        @Parameters(index = "1", paramLabel = "NEW_NAME", description = "Its new name.")
        String newName;

        Rename(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment renamed = context.engine().renameEnvironment(context.environment(project.name, env), newName);
            context.out().println("environment " + env + " is now " + renamed.name());
            return 0;
        }
    }

    @Command(name = "remove", description = {"Remove an environment. Refused while hosts are attached ('env detach' first);",
            "with releases, refused unless --force (its releases, runs and config versions are lost; the audit trail stays)."})
    static final class Remove implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "ENV", description = "The environment to remove.")
        String env;

        @Option(names = "--force", description = "Remove it even though it has releases (their history is deleted).")
        boolean force;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.engine().removeEnvironment(context.environment(project.name, env), force);
            context.out().println("removed environment " + env);
            return 0;
        }
    }
}
