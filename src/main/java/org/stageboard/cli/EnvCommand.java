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
        subcommands = {EnvCommand.Add.class, EnvCommand.ListEnvs.class, EnvCommand.Attach.class,
                EnvRolloutCommand.Set.class, EnvRolloutCommand.Order.class})
final class EnvCommand {

    @Command(name = "add", description = "Add an environment with its run settings.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--start", required = true, paramLabel = "CMD", description = "Command that starts the app in the release folder, e.g. 'java -jar app.jar'.")
        String start;

        @Option(names = "--health", required = true, paramLabel = "URL", description = "Health URL as seen on the host, e.g. http://127.0.0.1:8080/health.")
        String health;

        @Option(names = "--health-timeout", defaultValue = "60", paramLabel = "SECONDS")
        int healthTimeout;

        @Option(names = "--stop-grace", defaultValue = "10", paramLabel = "SECONDS", description = "Wait after TERM before KILL.")
        int stopGrace;

        @Option(names = "--keep", defaultValue = "5", paramLabel = "N", description = "Releases kept on each host.")
        int keep;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Project p = context.project(project.name);
            Environment env = context.engine().addEnvironment(p, name, new RunSettings(start, health, healthTimeout, stopGrace, keep));
            context.out().println("added environment " + env.name() + " to " + p.name());
            return 0;
        }
    }

    @Command(name = "list", description = "List environments with their hosts (in deploy order) and rollout.")
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
