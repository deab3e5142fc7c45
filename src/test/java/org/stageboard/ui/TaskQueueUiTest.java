package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.ui.task.TaskState;
import org.stageboard.ui.task.UiTask;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The task panel with real builds of a slow recipe (it waits for a gate file the test makes):
 * a second build of the project shows QUEUED behind the running one, with what it waits for;
 * Cancel stops the queued one and then the running one, each ending as cancelled with a notification.
 */
@ExtendWith(ApplicationExtension.class)
class TaskQueueUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;
    private Project project;
    private String first;
    private String second;
    private Path gate;

    @Start
    void start(Stage stage) {
        Path work = temp.resolve("queue-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        gate = work.resolve("gate");
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            first = git.write("page.txt", "one\n").commit("First page");
            second = git.write("page.txt", "two\n").commit("Second page");
        }
        project = engine.addProject("slow", work.resolve("repo"), "main", new Recipe(
                "echo waiting for the gate; while [ ! -f '" + gate + "' ]; do sleep 0.1; done; cp page.txt out.txt", List.of("out.txt")));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(gate, "open"); // nothing stays waiting
        ui.close();
        engine.close();
    }

    @Test
    void aSecondBuildQueuesBehindTheRunningOneAndCancelStopsEach(FxRobot robot) {
        UiFixture.await("the commits", 20, () -> ui.model.board().commits().size() == 2);
        robot.clickOn("First page").clickOn("#buildButton");
        UiFixture.await("the first build running", 60, () -> engine.buildQueue(project).stream().anyMatch(b -> b.status() == BuildStatus.RUNNING));
        robot.clickOn("Second page").clickOn("#buildButton");

        UiFixture.await("the second build queued in the panel", 60, () -> task(second).stateProperty().get() == TaskState.QUEUED);
        Node queuedRow = row(robot, second);
        assertThat(robot.from(queuedRow).lookup(".task-state-word").queryAs(Label.class).getText()).isEqualTo("Queued");
        assertThat(robot.from(queuedRow).lookup(".task-icon").queryAs(FontIcon.class).getIconLiteral()).isEqualTo("fth-clock");
        assertThat(robot.from(queuedRow).lookup(".task-step").queryAs(Label.class).getText())
                .startsWith("builds of slow run one at a time; waiting for #1");
        assertThat(robot.lookup("#taskCounts").queryAs(Label.class).getText()).isEqualTo("1 running · 1 queued");
        Node runningRow = row(robot, first);
        assertThat(robot.from(runningRow).lookup(".task-state-word").queryAs(Label.class).getText()).isEqualTo("Running");
        assertThat(robot.from(runningRow).lookup(".task-icon").queryAs(FontIcon.class).getIconLiteral()).isEqualTo("fth-loader");

        robot.clickOn(robot.from(queuedRow).lookup(".task-cancel").queryAs(Button.class));
        UiFixture.await("the queued build cancelled", 60, () -> task(second).stateProperty().get() == TaskState.CANCELLED);
        assertThat(task(first).stateProperty().get()).as("the running build goes on").isEqualTo(TaskState.RUNNING);
        UiFixture.await("a notification says so", 20, () -> robot.lookup(".notification-bar").tryQuery().isPresent());

        robot.clickOn(robot.from(row(robot, first)).lookup(".task-cancel").queryAs(Button.class));
        UiFixture.await("the running build cancelled", 60, () -> task(first).stateProperty().get() == TaskState.CANCELLED);
        Node cancelled = row(robot, first);
        assertThat(robot.from(cancelled).lookup(".task-state-word").queryAs(Label.class).getText()).isEqualTo("Cancelled");
        assertThat(robot.from(cancelled).lookup(".task-icon").queryAs(FontIcon.class).getIconLiteral()).isEqualTo("fth-slash");
        assertThat(engine.buildQueue(project)).as("nothing left queued or running").isEmpty();
        assertThat(engine.builds(project)).extracting(b -> b.status()).containsOnly(BuildStatus.CANCELLED);
    }

    private UiTask task(String sha) {
        return ui.model.tasks().tasks().stream().filter(t -> t.title().startsWith("Build " + sha.substring(0, 7))).findFirst().orElseThrow();
    }

    private static Node row(FxRobot robot, String sha) {
        return robot.lookup(".task-row").match((Node n) -> robot.from(n).lookup(".task-title").queryAs(Label.class).getText()
                .startsWith("Build " + sha.substring(0, 7))).query();
    }
}
