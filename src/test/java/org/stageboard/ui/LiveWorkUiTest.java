package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.cli.StageboardCli;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.ui.board.Card;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Live work with real builds of a recipe that prints a numbered line every fifth of a second until
 * the test makes a gate file: a build started by the CLI (a second JVM on the same catalog) shows
 * in the task panel as started elsewhere, its log follows new lines, and it leaves the panel with
 * a notification once it ends, or is cancelled from the panel (which stops that CLI command); a
 * build card's log, opened while its build runs, follows it too.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWorkUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;
    private Project project;
    private Path home;
    private Path gate;
    private Process cli;

    @Start
    void start(Stage stage) {
        Path work = temp.resolve("live-" + System.nanoTime());
        home = work.resolve("home");
        engine = Stageboard.open(new StageboardHome(home));
        gate = work.resolve("gate");
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.write("page.txt", "one\n").commit("First page");
        }
        project = engine.addProject("slow", work.resolve("repo"), "main", new Recipe(
                "i=0; while [ ! -f '" + gate + "' ]; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done; cp page.txt out.txt", List.of("out.txt")));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(gate, "open"); // nothing stays waiting
        if (cli != null) {
            if (!cli.waitFor(60, TimeUnit.SECONDS)) {
                cli.destroyForcibly();
            }
        }
        ui.close();
        engine.close();
    }

    @Test
    void aBuildFromTheCliShowsInThePanelWithAFollowedLogAndLeavesWhenItEnds(FxRobot robot) throws Exception {
        cli = cliBuild();
        String origin = "from the CLI, pid " + cli.pid();

        UiFixture.await("the CLI's build in the panel", 90, () -> robot.lookup(".task-elsewhere").tryQuery().isPresent()
                && text(robot.lookup(".task-elsewhere .task-step").query()).startsWith("step 1 of 1"));
        Node row = robot.lookup(".task-elsewhere").query();
        assertThat(text(robot.from(row).lookup(".task-title").query())).startsWith("Build #1 of slow (");
        assertThat(text(robot.from(row).lookup(".task-origin").query())).isEqualTo(origin);
        assertThat(text(robot.from(row).lookup(".task-state-word").query())).isEqualTo("Running");
        assertThat(robot.from(row).lookup(".task-cancel").tryQuery()).as("a CLI command on this computer can be stopped from here").isPresent();
        assertThat(text(robot.lookup("#taskCounts").query())).isEqualTo("1 started elsewhere");
        assertThat(text(robot.lookup("#runningTasks").query())).as("the status bar too").isEqualTo("No tasks running · 1 started elsewhere");

        robot.clickOn(robot.from(row).lookup(".task-log").queryAs(Button.class));
        int seen = awaitLiveLog(robot);
        UiFixture.await("lines written after the log opened", 60, () -> lines(robot).size() > seen + 3);
        assertThat(lines(robot).subList(seen, lines(robot).size())).anyMatch(line -> line.startsWith("tick "));

        Files.writeString(gate, "open");
        UiFixture.await("the build gone from the panel", 60, () -> robot.lookup(".task-elsewhere").tryQuery().isEmpty());
        UiFixture.await("a notification says how it ended", 20, () -> robot.lookup(".notification-bar").tryQuery()
                .map(bar -> robot.from(bar).lookup(".label").queryAll().stream().anyMatch(l -> ((Label) l).getText().startsWith("Done · Build #1 of slow")))
                .orElse(false));
        UiFixture.await("the log says finished", 20, () -> "Finished".equals(text(robot.lookup("#logFeed").query())));
        assertThat(text(robot.lookup("#logStatus").query())).contains("finished: build succeeded");
        assertThat(robot.lookup(".notification-bar").queryAll().stream()
                .filter(bar -> robot.from(bar).lookup(".label").queryAll().stream().anyMatch(l -> ((Label) l).getText().startsWith("Done · Build #1")))
                .count()).as("one notification for the build").isEqualTo(1);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).isZero();
        assertThat(engine.builds(project)).extracting(Build::status).containsExactly(BuildStatus.SUCCEEDED);
    }

    @Test
    void aBuildFromTheCliIsCancelledFromThePanelWhichStopsThatCommand(FxRobot robot) throws Exception {
        cli = cliBuild();
        UiFixture.await("the CLI's build running in the panel", 90, () -> robot.lookup(".task-elsewhere").tryQuery().isPresent()
                && text(robot.lookup(".task-elsewhere .task-step").query()).startsWith("step 1 of 1"));
        Node row = robot.lookup(".task-elsewhere").query();
        robot.clickOn(robot.from(row).lookup(".task-cancel").queryAs(Button.class));
        robot.clickOn("#confirmStopElsewhere");

        UiFixture.await("the build gone from the panel", 60, () -> robot.lookup(".task-elsewhere").tryQuery().isEmpty());
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the CLI command stopped").isTrue();
        assertThat(cli.exitValue()).isEqualTo(StageboardCli.CANCELLED);
        assertThat(engine.builds(project)).extracting(Build::status).containsExactly(BuildStatus.CANCELLED);
        UiFixture.await("a notification says it was cancelled", 20, () -> robot.lookup(".notification-bar").tryQuery()
                .map(bar -> robot.from(bar).lookup(".label").queryAll().stream().anyMatch(l -> ((Label) l).getText().startsWith("Cancelled · Build #1 of slow")))
                .orElse(false));
    }

    /** {@code stageboard build -p slow} in a second JVM on the same home: a CLI command on this computer. */
    private Process cliBuild() throws IOException {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                StageboardCli.class.getName(), "build", "-p", "slow")
                .redirectErrorStream(true).redirectOutput(temp.resolve("cli-" + System.nanoTime() + ".out").toFile());
        command.environment().put("STAGEBOARD_HOME", home.toString());
        return command.start();
    }

    @Test
    void aRunningBuildsLogOpenedFromItsCardFollowsNewLines(FxRobot robot) throws IOException {
        UiFixture.await("the commit", 20, () -> ui.model.board().commits().size() == 1);
        robot.clickOn("First page").clickOn("#buildButton");
        UiFixture.await("the build's card with a log", 60, () -> buildCard(robot) != null
                && robot.from(buildCard(robot)).lookup(".card-log").tryQuery().isPresent());
        // The running build's card is drawn again on every poll: find its Log button and press it in one go on the FX thread.
        robot.interact(() -> robot.from(buildCard(robot)).lookup(".card-log").queryAs(Button.class).fire());
        int seen = awaitLiveLog(robot);
        UiFixture.await("lines written after the log opened", 60, () -> lines(robot).size() > seen + 3);

        Files.writeString(gate, "open");
        UiFixture.await("the log says finished", 60, () -> "Finished".equals(text(robot.lookup("#logFeed").query())));
        assertThat(lines(robot)).anyMatch(line -> line.startsWith("tick "));
        assertThat(text(robot.lookup("#logStatus").query())).contains("finished: build succeeded");
    }

    /** Waits for the log viewer to show its first lines, live; returns how many it shows. */
    private static int awaitLiveLog(FxRobot robot) {
        UiFixture.await("the log viewer live with lines", 30, () -> robot.lookup("#logFeed").tryQuery().map(f -> "Live".equals(text(f))).orElse(false)
                && !lines(robot).isEmpty());
        return lines(robot).size();
    }

    private static Node buildCard(FxRobot robot) {
        return robot.lookup(".card").match((Node n) -> n.getUserData() instanceof Card card && card.item() instanceof Build)
                .tryQuery().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(FxRobot robot) {
        return robot.lookup("#logLines").tryQuery().map(n -> List.copyOf(((ListView<String>) n).getItems())).orElse(List.of());
    }

    private static String text(Node label) {
        return ((Label) label).getText();
    }
}
