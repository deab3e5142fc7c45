package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Environment;
import org.stageboard.core.Hooks;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Rollout;
import org.stageboard.core.RunSettings;
import org.stageboard.core.Supervision;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Environments ▸ Run settings… from the window on a real catalog: the dialog shows the
 * environment's settings in its titled sections and fits the screen; a scale "web=two", a health
 * timeout "abc" and a pause of 9999 s are each refused as typed (Save disabled, the reason naming
 * the field and what to type), nothing is saved meanwhile; once right, Save sends exactly what was
 * typed to the engine. The rollout's fields follow the mode: switching it enables the fields the
 * mode uses and disables the others (each saying which mode uses it), a bad batch size does not
 * block Save in parallel mode, and what was typed survives switching back and forth.
 */
@ExtendWith(ApplicationExtension.class)
class RunSettingsUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;
    private Project project;
    private Environment staging;

    @Start
    void start(Stage stage) {
        Path work = temp.resolve("run-settings-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        project = engine.addProject("demo", work.resolve("repo"), "main", new Recipe("true", List.of("**")));
        staging = engine.addEnvironment(project, "staging", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
    }

    @Test
    void badValuesAreRefusedAsTypedThenSaveSendsWhatWasTypedToTheEngine(FxRobot robot) {
        UiFixture.await("the project", 10, () -> ui.model.projectProperty().get() != null && !ui.model.environments().isEmpty());
        robot.clickOn("#environmentsMenu").clickOn("Run settings…");
        UiFixture.await("the Run settings dialog", 10, () -> robot.lookup("#runStart").tryQuery().isPresent());
        assertThat(robot.lookup(".titled-pane").queryAllAs(TitledPane.class)).extracting(TitledPane::getText)
                .containsExactlyInAnyOrder("Processes", "Hooks", "Health", "Releases on each host", "Rollout");
        assertThat(robot.lookup("#runStart").queryAs(TextField.class).getText()).isEqualTo("java Server.java");
        assertThat(robot.lookup("#runTimeout").queryAs(TextField.class).getText()).isEqualTo("60");
        assertThat(combo(robot, "#runSupervision").getValue()).isEqualTo("process");
        assertThat(combo(robot, "#runRolloutMode").getValue()).isEqualTo("parallel");
        Window window = robot.lookup("#runStart").query().getScene().getWindow();
        assertThat(window.getHeight()).as("the dialog fits the screen").isLessThanOrEqualTo(Screen.getPrimary().getVisualBounds().getHeight());
        Label reason = robot.lookup("#dialogReason").queryAs(Label.class);
        Button save = robot.lookup("#dialogConfirm").queryAs(Button.class);
        assertThat(save.getText()).isEqualTo("Save");
        assertThat(save.isDisabled()).isFalse();
        assertThat(reason.isVisible()).isFalse();

        replace(robot, "#runScale", "web=two");
        UiFixture.await("the scale's reason", 5, () -> reason.getText()
                .equals("Scale: the count in 'web=two' is not a number: write TYPE=COUNT, e.g. web=2."));
        assertThat(save.isDisabled()).as("disabled while the reason shows").isTrue();
        replace(robot, "#runScale", "web=2,worker=1");
        UiFixture.await("a scale the artifact's Procfile may match", 5, () -> reason.getText().isEmpty());

        TextArea processes = robot.lookup("#runProcesses").queryAs(TextArea.class);
        robot.clickOn(processes).write("web: java Server.java");
        UiFixture.await("the scale against the process list", 5, () -> reason.getText()
                .equals("The scale names 'worker', but the process list has web: remove 'worker' from the scale or add it to the processes."));
        robot.type(KeyCode.ENTER).write("worker ./work");
        UiFixture.await("the process list's reason", 5, () -> reason.getText()
                .startsWith("Processes, line 2: 'worker ./work' is not 'name: command': write one process per line"));
        robot.type(KeyCode.HOME).type(KeyCode.RIGHT, 6).write(":");
        UiFixture.await("the processes and scale right", 5, () -> reason.getText().isEmpty());

        replace(robot, "#runTimeout", "abc");
        UiFixture.await("the timeout's reason", 5, () -> reason.getText().startsWith("The health timeout 'abc' is not a whole number of seconds: give"));
        assertThat(save.isDisabled()).isTrue();
        replace(robot, "#runTimeout", "30");

        robot.clickOn("#runSupervision").clickOn("process+cron");
        replace(robot, "#runShared", "storage/ db/app.sqlite");
        replace(robot, "#runReleaseCommand", "./migrate");
        replace(robot, "#runKeep", "3");
        robot.clickOn("#runRolloutMode").clickOn("rolling");
        replace(robot, "#runBatch", "2");
        replace(robot, "#runPause", "9999");
        UiFixture.await("the pause's reason", 5, () -> reason.getText().startsWith("The pause must be between 0 and 3600, not 9999:"));
        assertThat(save.isDisabled()).isTrue();
        assertThat(engine.environment(project, "staging").run()).as("nothing saved before Save").isEqualTo(staging.run());
        replace(robot, "#runPause", "10");
        robot.clickOn("#runOnFailure").clickOn("stay");
        UiFixture.await("Save enabled", 5, () -> !save.isDisabled() && reason.getText().isEmpty());
        robot.clickOn(save);

        UiFixture.await("the dialog to close", 20, () -> robot.lookup("#runStart").tryQuery().isEmpty());
        Environment saved = engine.environment(project, "staging");
        RunSettings run = saved.run();
        assertThat(run.startCommand()).isEqualTo("java Server.java");
        assertThat(run.processes().procfile()).isEqualTo("web: java Server.java\nworker: ./work");
        assertThat(run.processes().scale()).isEqualTo(Map.of("web", 2, "worker", 1));
        assertThat(run.supervision()).isEqualTo(Supervision.PROCESS_CRON);
        assertThat(run.shared()).containsExactly("storage/", "db/app.sqlite");
        assertThat(run.healthUrl()).isEqualTo("http://127.0.0.1:8080/health");
        assertThat(run.healthTimeoutSeconds()).isEqualTo(30);
        assertThat(run.hooks()).isEqualTo(new Hooks("./migrate", null, null));
        assertThat(run.keepReleases()).isEqualTo(3);
        assertThat(saved.rollout()).isEqualTo(new Rollout(Rollout.Mode.ROLLING, 5, 2, 10, Rollout.OnFailure.STAY));
        UiFixture.await("the notice", 10, () -> robot.lookup("#noticeText").queryAs(Label.class).getText()
                .contains("staging's next releases will run with the new settings"));
    }

    @Test
    void theRolloutFieldsFollowTheModeAndAFieldItDoesNotUseNeverBlocksSave(FxRobot robot) {
        UiFixture.await("the project", 10, () -> ui.model.projectProperty().get() != null && !ui.model.environments().isEmpty());
        robot.clickOn("#environmentsMenu").clickOn("Run settings…");
        UiFixture.await("the Run settings dialog", 10, () -> robot.lookup("#runStart").tryQuery().isPresent());
        TextField parallelism = robot.lookup("#runParallelism").queryAs(TextField.class);
        TextField batch = robot.lookup("#runBatch").queryAs(TextField.class);
        TextField pause = robot.lookup("#runPause").queryAs(TextField.class);
        Label sentence = robot.lookup("#runRolloutSentence").queryAs(Label.class);
        Label reason = robot.lookup("#dialogReason").queryAs(Label.class);
        Button save = robot.lookup("#dialogConfirm").queryAs(Button.class);
        assertThat(combo(robot, "#runRolloutMode").getValue()).isEqualTo("parallel");
        assertThat(parallelism.isDisabled()).isFalse();
        assertThat(batch.isDisabled()).isTrue();
        assertThat(pause.isDisabled()).isTrue();
        assertThat(robot.lookup("#runBatchNote").queryAs(Label.class).getText()).isEqualTo("used by rolling rollouts only");
        assertThat(robot.lookup("#runPauseNote").queryAs(Label.class).getText()).isEqualTo("used by rolling rollouts only");
        assertThat(robot.lookup("#runParallelismNote").queryAs(Label.class).getText()).isEqualTo("hosts at a time");
        assertThat(sentence.getText()).as("staging has no host yet, as the board read it")
                .isEqualTo("Parallel: up to 5 hosts at a time, once hosts are attached (none yet); "
                        + "stops at the first failure and rolls back the hosts it switched.");
        replace(robot, "#runParallelism", "3");

        robot.clickOn("#runRolloutMode").clickOn("rolling");
        UiFixture.await("the rolling fields enabled", 5, () -> !batch.isDisabled() && !pause.isDisabled() && parallelism.isDisabled());
        assertThat(robot.lookup("#runParallelismNote").queryAs(Label.class).getText()).isEqualTo("used by parallel rollouts only");
        replace(robot, "#runBatch", "two");
        replace(robot, "#runPause", "20");
        UiFixture.await("the batch size's reason", 5, () -> reason.getText().startsWith("The batch size 'two' is not a whole number of hosts:"));
        assertThat(save.isDisabled()).isTrue();
        assertThat(sentence.getText()).isEqualTo("Rolling: give a valid batch size to see what it will do.");

        robot.clickOn("#runRolloutMode").clickOn("parallel");
        UiFixture.await("Save enabled: parallel rollouts do not use the batch size", 5, () -> !save.isDisabled() && reason.getText().isEmpty());
        assertThat(batch.isDisabled()).isTrue();
        assertThat(parallelism.isDisabled()).isFalse();
        assertThat(parallelism.getText()).as("typed before the switches").isEqualTo("3");
        assertThat(batch.getText()).as("kept as typed").isEqualTo("two");
        assertThat(pause.getText()).isEqualTo("20");
        assertThat(sentence.getText()).startsWith("Parallel: up to 3 hosts at a time");

        robot.clickOn(save);
        UiFixture.await("the dialog to close", 20, () -> robot.lookup("#runStart").tryQuery().isEmpty());
        assertThat(engine.environment(project, "staging").rollout()).as("the bad batch size not saved, the valid pause kept for rolling")
                .isEqualTo(new Rollout(Rollout.Mode.PARALLEL, 3, staging.rollout().batchSize(), 20, Rollout.OnFailure.ROLL_BACK));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static void replace(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }
}
