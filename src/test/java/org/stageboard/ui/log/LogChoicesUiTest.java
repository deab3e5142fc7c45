package org.stageboard.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;
import org.stageboard.pipeline.ActiveWork;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.ui.MainWindow;
import org.stageboard.ui.UiTestScenes;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.stageboard.ui.task.LogWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The log viewer of a real build of three steps, opened while the build is still queued behind
 * another: at first it offers only the whole build's log; once the build runs, its steps appear in
 * the chooser, their states follow the build, the step the user chose stays chosen (its lines are
 * not read again), and once the build ended the chooser stops following. Each step waits for a
 * gate file of its own build ({@code wait-2}, {@code second-2}) that the test makes.
 */
@ExtendWith(ApplicationExtension.class)
class LogChoicesUiTest {

    @TempDir
    static Path temp;

    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(2);
    private Stage owner;
    private Stageboard engine;
    private Project project;
    private Path gates;
    private CompletableFuture<Build> first;
    private CompletableFuture<Build> second;

    @Start
    void start(Stage stage) throws IOException {
        owner = stage;
        UiTestScenes.empty(stage, MainWindow.STYLESHEET);
        Path work = temp.resolve("steps-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        gates = Files.createDirectories(work.resolve("gates"));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.write("page.txt", "one\n").commit("First page");
        }
        String g = "'" + gates + "'";
        project = engine.addProject("steps", work.resolve("repo"), "main", new Recipe(List.of(
                new RecipeStep("wait", "i=0; while [ ! -f " + g + "/wait-$STAGEBOARD_BUILD ]; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done"),
                new RecipeStep("second", "while [ ! -f " + g + "/second-$STAGEBOARD_BUILD ]; do echo tock; sleep 0.2; done"),
                new RecipeStep("pack", "cp page.txt out.txt")), List.of("out.txt"), Map.of(), List.of()));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (String gate : List.of("wait-1", "second-1", "wait-2", "second-2")) {
            Files.writeString(gates.resolve(gate), "open"); // nothing stays waiting
        }
        for (CompletableFuture<Build> build : java.util.Arrays.asList(first, second)) {
            if (build != null) {
                build.get(120, TimeUnit.SECONDS);
            }
        }
        executor.shutdown();
        engine.close();
    }

    @Test
    void stepsThatStartAfterTheLogOpenedAppearAndTheChoiceStays(FxRobot robot) throws Exception {
        first = CompletableFuture.supplyAsync(() -> engine.build(project, "main", false, Progress.NONE));
        await("build #1 running its first step", () -> status(1) == BuildStatus.RUNNING);
        second = CompletableFuture.supplyAsync(() -> engine.build(project, "main", false, Progress.NONE));
        await("build #2 queued behind it", () -> status(2) == BuildStatus.QUEUED);
        long id = build(2).id();

        LogWindow[] window = new LogWindow[1];
        robot.interact(() -> window[0] = LogWindow.openWork(owner, "Build #2 of steps", ActiveWork.of(engine), ActiveWork.Kind.BUILD, id,
                executor));
        LogViewer viewer = window[0].viewer();
        await("the queued build's log, live", () -> "Live".equals(text(robot, "#logFeed")) && !lines(robot).isEmpty());
        assertThat(items(robot)).containsExactly("whole build #2");
        assertThat(chooser(robot).isVisible()).as("one log: nothing to choose").isFalse();
        assertThat(lines(robot)).anyMatch(line -> line.contains("queued"));

        // build #1 ends, build #2 runs: its steps appear in the chooser, the whole build still shown
        Files.writeString(gates.resolve("wait-1"), "open");
        Files.writeString(gates.resolve("second-1"), "open");
        await("build #2's steps in the chooser", () -> items(robot).equals(List.of("whole build #2", "1 · wait (running)",
                "2 · second (pending)", "3 · pack (pending)")));
        assertThat(chooser(robot).isVisible()).isTrue();
        assertThat(chooser(robot).getValue().name()).isEqualTo("whole build #2");
        await("the whole build's lines go on", () -> lines(robot).stream().anyMatch(line -> line.contains("tick ")));

        // the user picks the running step: its own log is shown
        robot.clickOn("#logSource").clickOn("1 · wait (running)");
        await("the step's own log", () -> !lines(robot).isEmpty() && lines(robot).stream().noneMatch(line -> line.contains("queued"))
                && lines(robot).stream().filter(line -> line.contains("tick ")).count() > 2);
        int seen = lines(robot).size();
        String firstLine = lines(robot).get(0);

        // step 1 ends, step 2 runs: renamed in the chooser, the choice stays and its lines are not read again
        Files.writeString(gates.resolve("wait-2"), "open");
        await("the states follow the build", () -> items(robot).equals(List.of("whole build #2", "1 · wait (succeeded)",
                "2 · second (running)", "3 · pack (pending)")));
        assertThat(chooser(robot).getValue().name()).isEqualTo("1 · wait (succeeded)");
        assertThat(viewer.choices().chosen().name()).isEqualTo("1 · wait (succeeded)");
        assertThat(lines(robot).size()).isGreaterThanOrEqualTo(seen);
        assertThat(lines(robot).get(0)).isEqualTo(firstLine);
        assertThat(lines(robot)).noneMatch(line -> line.contains("tock"));

        // the build ends: the step's log says so, the chooser shows how each step ended and stops following
        Files.writeString(gates.resolve("second-2"), "open");
        await("the log says finished", () -> "Finished".equals(text(robot, "#logFeed")));
        await("the final states", () -> items(robot).equals(List.of("whole build #2", "1 · wait (succeeded)", "2 · second (succeeded)",
                "3 · pack (succeeded)")));
        await("the chooser no longer follows", () -> viewer.choicesFollow().stopped());
        assertThat(chooser(robot).getValue().name()).isEqualTo("1 · wait (succeeded)");
        assertThat(second.get(60, TimeUnit.SECONDS).status()).isEqualTo(BuildStatus.SUCCEEDED);
        robot.interact(() -> viewer.stage().close());
    }

    private Build build(int number) {
        return engine.builds(project).stream().filter(b -> b.number() == number).findFirst().orElse(null);
    }

    private BuildStatus status(int number) {
        Build build = build(number);
        return build == null ? null : build.status();
    }

    private void await(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Waited in vain for " + what + "; builds " + engine.builds(project).stream()
                    .map(b -> "#" + b.number() + " " + b.status()).toList() + ", chooser " + items(new FxRobot()) + ", last lines "
                    + lines(new FxRobot()).subList(Math.max(0, lines(new FxRobot()).size() - 5), lines(new FxRobot()).size()));
        }
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<LogSource> chooser(FxRobot robot) {
        return robot.lookup("#logSource").queryAs(ComboBox.class);
    }

    private static List<String> items(FxRobot robot) {
        return onFx(() -> robot.lookup("#logSource").tryQuery().map(n -> chooser(robot).getItems().stream().map(LogSource::name).toList())
                .orElse(List.of()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(FxRobot robot) {
        return onFx(() -> robot.lookup("#logLines").tryQuery().map(n -> List.copyOf(((ListView<String>) n).getItems())).orElse(List.of()));
    }

    /** Reads what the FX thread changes on the FX thread. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
