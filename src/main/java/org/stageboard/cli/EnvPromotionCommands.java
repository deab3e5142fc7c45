package org.stageboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.EnvironmentImport;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code env promote-order}, {@code env export}, {@code env import}: the environments as a promotion path, their settings as JSON. */
final class EnvPromotionCommands {

    private EnvPromotionCommands() {
    }

    @Command(name = "promote-order", description = {"Set the promotion path of the project's environments, e.g. 'env promote-order staging production':",
            "'promote -e staging' then makes production releases. Environments not named follow, in their order. Without names: show it."})
    static final class Order implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "ENV", arity = "0..*", description = "Environments, first to last.")
        List<String> names = new ArrayList<>();

        Order(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Stageboard engine = context.engine();
            Project p = context.project(project.name);
            List<Environment> order = engine.environments(p);
            if (!names.isEmpty()) {
                List<Environment> first = new ArrayList<>();
                for (String name : names) {
                    first.add(context.environment(p, name));
                }
                order = engine.orderEnvironments(p, first);
            }
            context.out().println(order.isEmpty() ? "no environments" : String.join(" -> ", order.stream().map(Environment::name).toList()));
            return 0;
        }
    }

    @Command(name = "export", description = {"Print an environment's non-secret settings as JSON: run settings, rollout, plain config values.",
            "Secret keys are listed by name only; their values are never exported. E.g. 'stageboard env export staging > staging.json'."})
    static final class Export implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "ENV", description = "The environment whose settings to export.")
        String env;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.out().print(context.engine().exportEnvironment(context.environment(project.name, env)));
            context.out().flush();
            return 0;
        }
    }

    @Command(name = "import", description = {"Create or update an environment from a file written by 'env export' (run settings, rollout, plain config).",
            "Secret values are not in the file: the import names the secret keys still to set with 'config set --secret-stdin'."})
    static final class Import implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Parameters(index = "0", paramLabel = "ENV", description = "The environment to import the settings into.")
        String env;

        @Parameters(index = "1", paramLabel = "FILE", description = "The JSON file ('-' for stdin).")
        String file;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String json;
            if ("-".equals(file)) {
                StringBuilder text = new StringBuilder();
                for (String line; (line = context.readLine()) != null; ) {
                    text.append(line).append('\n');
                }
                json = text.toString();
            } else {
                try {
                    json = Files.readString(Path.of(file));
                } catch (IOException e) {
                    throw new StageboardException("Could not read " + file + ": " + e.getMessage());
                }
            }
            EnvironmentImport result = context.engine().importEnvironment(context.project(project.name), env, json);
            context.out().println((result.created() ? "created" : "updated") + " environment " + result.environment().name()
                    + (result.configVersion() == null ? "" : ", config v" + result.configVersion())
                    + (result.keysSet().isEmpty() ? "" : " (keys " + String.join(", ", result.keysSet()) + ")"));
            if (!result.secretsToSet().isEmpty()) {
                context.out().println("secrets to set (their values are never exported): " + String.join(", ", result.secretsToSet()));
                result.secretsToSet().forEach(k -> context.out().println("  stageboard config set -e " + env + " --secret-stdin " + k));
            }
            return 0;
        }
    }
}
