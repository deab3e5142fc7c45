package org.stageboard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Rollout;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code env rollout} and {@code env order}: how a deploy goes over an environment's hosts, and in which order. */
final class EnvRolloutCommand {

    private EnvRolloutCommand() {
    }

    @Command(name = "rollout", description = {"Show or change how deploys go over the environment's hosts: in parallel up to a",
            "number of hosts at a time, or rolling in batches (each after the previous one is live, with a pause between);",
            "on a failure the hosts already switched are rolled back together (roll-back, the default) or stay."})
    static final class Set implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "ENV")
        String env;

        @Option(names = "--mode", paramLabel = "parallel|rolling")
        String mode;

        @Option(names = "--parallelism", paramLabel = "N", description = "Hosts deployed at once in parallel mode (1-64).")
        Integer parallelism;

        @Option(names = "--batch-size", paramLabel = "K", description = "Hosts per batch in rolling mode (1-64).")
        Integer batchSize;

        @Option(names = "--pause", paramLabel = "SECONDS", description = "Pause between batches in rolling mode (0-3600).")
        Integer pause;

        @Option(names = "--on-failure", paramLabel = "roll-back|stay")
        String onFailure;

        Set(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env);
            Rollout now = e.rollout();
            if (mode != null || parallelism != null || batchSize != null || pause != null || onFailure != null) {
                Rollout changed = new Rollout(mode == null ? now.mode() : Rollout.mode(mode),
                        parallelism == null ? now.parallelism() : parallelism, batchSize == null ? now.batchSize() : batchSize,
                        pause == null ? now.pauseSeconds() : pause, onFailure == null ? now.onFailure() : Rollout.onFailure(onFailure));
                e = context.engine().updateRollout(e, changed);
            }
            context.out().println(e.name() + " rollout: " + e.rollout().describe());
            return 0;
        }
    }

    @Command(name = "order", description = {"Set the order deploys go over the environment's hosts: the hosts named first,",
            "in this order, then the others."})
    static final class Order implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(index = "0", paramLabel = "ENV")
        String env;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "HOST")
        List<String> hosts;

        Order(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Stageboard engine = context.engine();
            Environment e = context.environment(project.name, env);
            List<Host> first = new ArrayList<>();
            for (String name : hosts) {
                first.add(context.hosts(e, name).get(0));
            }
            List<Host> order = engine.orderHosts(e, first);
            context.out().println(e.name() + " deploys to: " + String.join(", ", order.stream().map(Host::name).toList()));
            return 0;
        }
    }
}
