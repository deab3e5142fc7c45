package org.stageboard.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.StageboardException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = "Show and change an environment's config; every change makes a new version.",
        subcommands = {ConfigCommand.Set.class, ConfigCommand.Unset.class, ConfigCommand.Show.class, ConfigCommand.History.class,
                ConfigCommand.Diff.class})
final class ConfigCommand {

    /** {@code -e/--env}, the environment. */
    static final class EnvOption {
        @Option(names = {"-e", "--env"}, required = true, paramLabel = "ENV", description = "Environment name.")
        String name;
    }

    @Command(name = "set", description = "Set keys. Secret values are encrypted at rest and never shown; prefer --secret-stdin to keep them out of shell history.")
    static final class Set implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        EnvOption env;

        @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Plain values.")
        List<String> pairs = new ArrayList<>();

        @Option(names = "--secret", paramLabel = "KEY=VALUE", description = "A secret value.")
        List<String> secrets = new ArrayList<>();

        @Option(names = "--secret-stdin", paramLabel = "KEY", description = "A secret whose value is read as one line from stdin.")
        List<String> secretsFromStdin = new ArrayList<>();

        Set(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Map<String, ConfigEntry> set = new LinkedHashMap<>();
            pairs.forEach(p -> put(set, p, false));
            secrets.forEach(p -> put(set, p, true));
            if (!secretsFromStdin.isEmpty()) {
                for (String key : secretsFromStdin) {
                    String value = context.readLine();
                    if (value == null) {
                        throw new StageboardException("No value on stdin for secret " + key + ": pipe one line per --secret-stdin key.");
                    }
                    set.put(key, new ConfigEntry(key, value, true));
                }
            }
            if (set.isEmpty()) {
                throw new StageboardException("Nothing to set: give KEY=VALUE, --secret KEY=VALUE or --secret-stdin KEY.");
            }
            Environment e = context.environment(project.name, env.name);
            ConfigVersion v = context.engine().setConfig(e, set, java.util.Set.of());
            context.out().println(e.name() + " " + v.label() + " (" + Formats.count(v.entries().size(), "key") + ")");
            return 0;
        }

        private static void put(Map<String, ConfigEntry> set, String pair, boolean secret) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new StageboardException("'" + (secret ? pair.substring(0, Math.max(0, eq)) + "=…" : pair)
                        + "' is not KEY=VALUE.");
            }
            String key = pair.substring(0, eq);
            set.put(key, new ConfigEntry(key, pair.substring(eq + 1), secret));
        }
    }

    @Command(name = "unset", description = "Remove keys.")
    static final class Unset implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        EnvOption env;

        @Parameters(paramLabel = "KEY", arity = "1..*", description = "Keys to remove from the config.")
        List<String> keys;

        Unset(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env.name);
            ConfigVersion v = context.engine().setConfig(e, Map.of(), new LinkedHashSet<>(keys));
            context.out().println(e.name() + " " + v.label() + " (" + Formats.count(v.entries().size(), "key") + ")");
            return 0;
        }
    }

    @Command(name = "show", description = "Show the latest config (secrets masked).")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        EnvOption env;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env.name);
            var current = context.engine().currentConfig(e);
            if (current.isEmpty()) {
                context.out().println(e.name() + " has no config yet.");
                return 0;
            }
            context.out().println(e.name() + " " + current.get().label() + "  " + Formats.time(current.get().createdAt()) + "  by " + current.get().actor());
            current.get().entries().values().forEach(entry -> context.out().println("  " + entry.key() + "=" + entry.displayValue()
                    + (entry.secret() ? "  (secret)" : "")));
            return 0;
        }
    }

    @Command(name = "history", description = "List the config versions, newest first: who made each, when, and which keys it added (+), removed (-) and changed (~). Values are never shown.")
    static final class History implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        EnvOption env;

        History(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env.name);
            var history = context.engine().configHistory(e);
            if (history.isEmpty()) {
                context.out().println(e.name() + " has no config yet.");
            }
            history.forEach(c -> context.out().println(e.name() + " " + c.label() + "  " + Formats.time(c.at()) + "  by " + c.actor()
                    + "  " + c.keys().describe()));
            return 0;
        }
    }

    @Command(name = "diff", description = {"Show the keys added, removed and changed between two config versions (secret values masked).",
            "Without versions: the latest against the one before; with one: that version against the one before it."})
    static final class Diff implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        EnvOption env;

        @Parameters(paramLabel = "V", arity = "0..2", description = "Config version numbers (e.g. 3 5, or v3 v5): from, to.")
        List<String> versions = new ArrayList<>();

        Diff(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env.name);
            Integer from = versions.size() == 2 ? number(versions.get(0)) : null;
            Integer to = versions.isEmpty() ? null : number(versions.get(versions.size() - 1));
            ReleaseTexts.config(context.out(), context.engine().configDiff(e, from, to), e.name() + ": ", "");
            return 0;
        }

        static Integer number(String text) {
            String digits = text.startsWith("v") ? text.substring(1) : text;
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException notNumber) {
                throw new StageboardException("'" + text + "' is not a version number: give e.g. 3 or v3.");
            }
        }
    }
}
