package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.pipeline.StageboardHome;
import picocli.CommandLine;

/** Help at every level of the CLI, every option described, and the README's reference of the options kept true. */
class CliHelpTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(new StageboardHome(tmp.resolve("home")), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpWorksAtEveryLevelAndListsTheOptions() {
        Result top = cli("--help");
        assertThat(top.code()).isZero();
        assertThat(top.out()).contains("project").contains("ship").contains("deploy");

        Result group = cli("project", "--help");
        assertThat(group.code()).as(group.err()).isZero();
        assertThat(group.out()).contains("add").contains("edit").contains("remove").contains("use");

        Result verb = cli("project", "add", "--help");
        assertThat(verb.code()).as(verb.err()).isZero();
        assertThat(verb.out()).contains("--repo").contains("--build-command").contains("--artifacts").contains("Folder of the git repository");

        Result viaHelp = cli("help", "project", "add");
        assertThat(viaHelp.code()).as(viaHelp.err()).isZero();
        assertThat(viaHelp.out()).contains("--repo").contains("--build-command");

        Result short_ = cli("host", "add", "-h");
        assertThat(short_.code()).isZero();
        assertThat(short_.out()).contains("--port").contains("SSH port, 1-65535").contains("--passphrase-stdin");

        Result nested = cli("env", "set", "--help");
        assertThat(nested.code()).isZero();
        assertThat(nested.out()).contains("--health");

        // The descriptions' lines as written, not broken again mid-sentence at 80 columns.
        Result deploy = cli("deploy", "--help");
        assertThat(deploy.out().lines()).contains(
                "the rest are skipped and the switched hosts rolled back (or left, by the failure policy). Prints each host's");
        assertThat(deploy.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(StageboardCli.HELP_WIDTH));
    }

    @Test
    void everyCommandAnswersHelpWithExitZero() {
        for (List<String> path : commandPaths(StageboardCli.tree(), new ArrayList<>())) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Result r = cli(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage: stageboard");
        }
    }

    @Test
    void aGroupWithoutItsCommandSaysWhichThereAre() {
        Result r = cli("host");
        assertThat(r.code()).isEqualTo(StageboardCli.USAGE);
        assertThat(r.err()).contains("name a command of 'stageboard host': add, edit, remove").contains("Usage: stageboard host");
    }

    @Test
    void everyOptionAndParameterIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        walk(StageboardCli.tree(), spec -> {
            for (CommandLine.Model.OptionSpec option : spec.options()) {
                if (String.join("", option.description()).isBlank()) {
                    undescribed.add(spec.qualifiedName() + " " + option.longestName());
                }
            }
            for (CommandLine.Model.PositionalParamSpec param : spec.positionalParameters()) {
                if (String.join("", param.description()).isBlank()) {
                    undescribed.add(spec.qualifiedName() + " " + param.paramLabel());
                }
            }
            if (String.join("", spec.usageMessage().description()).isBlank()) {
                undescribed.add(spec.qualifiedName() + " (the command itself)");
            }
        });
        assertThat(undescribed).as("options, parameters and commands without a description").isEmpty();
    }

    /**
     * The README's command reference is the one the CLI prints: regenerate it with
     * {@code -Dstageboard.writeReadme=true} after changing a command.
     */
    @Test
    void theReadmeListsTheOptionsOfEachVerbAsTheCliDoes() throws Exception {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        String reference = CliReference.markdown(StageboardCli.tree());
        int start = text.indexOf(CliReference.BEGIN);
        int end = text.indexOf(CliReference.END);
        assertThat(start).as("README has the command reference markers").isGreaterThanOrEqualTo(0);
        String current = text.substring(start, end + CliReference.END.length());
        if (Boolean.getBoolean("stageboard.writeReadme")) {
            Files.writeString(readme, text.substring(0, start) + reference + text.substring(end + CliReference.END.length()));
            return;
        }
        assertThat(current).as("README's command reference (regenerate: -Dstageboard.writeReadme=true)").isEqualTo(reference);
    }

    private static List<List<String>> commandPaths(CommandLine command, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help") || !sub.getCommandName().equals(name)) {
                return;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            paths.add(path);
            paths.addAll(commandPaths(sub, path));
        });
        return paths;
    }

    private static void walk(CommandLine command, java.util.function.Consumer<CommandLine.Model.CommandSpec> visit) {
        visit.accept(command.getCommandSpec());
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                walk(sub, visit);
            }
        });
    }
}
