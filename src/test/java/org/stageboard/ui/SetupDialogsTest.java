package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Editing an environment's config from the menu (Environments ▸ Edit config…); secrets are typed
 * and shown masked. Adding an environment is the New environment wizard's (EnvironmentWizardUiTest).
 */
@ExtendWith(ApplicationExtension.class)
class SetupDialogsTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;
    private Project project;

    @Start
    void start(Stage stage) {
        Path work = temp.resolve("setup-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        project = engine.addProject("demo", work.resolve("repo"), "main", new Recipe("true", List.of("**")));
        engine.addEnvironment(project, "staging", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
    }

    @Test
    void anEnvironmentsConfigWithASecretIsSavedByClicks(FxRobot robot) {
        UiFixture.await("the project", 10, () -> ui.model.projectProperty().get() != null && !ui.model.board().commits().isEmpty()
                && !ui.model.environments().isEmpty());
        robot.clickOn("#environmentsMenu").clickOn("Edit config…");

        UiFixture.await("the config dialog", 10, () -> robot.lookup("#configRows").tryQuery().isPresent()
                && robot.lookup(".config-row").tryQuery().isPresent());
        assertThat(robot.lookup("#configVersion").queryAs(Label.class).getText()).contains("first save makes config v1");
        HBox first = robot.lookup(".config-row").queryAs(HBox.class);
        robot.clickOn(first.getChildren().get(0)).write("PORT");
        robot.clickOn(first.getChildren().get(1)).write("8080");
        robot.clickOn("#configAdd");
        HBox second = (HBox) List.copyOf(robot.lookup(".config-row").queryAll()).get(1);
        robot.clickOn(second.getChildren().get(0)).write("DB_PASSWORD");
        robot.clickOn(second.getChildren().get(2));
        assertThat(masked(second).isVisible()).as("a secret is typed masked").isTrue();
        robot.clickOn(masked(second)).write("hunter22");
        robot.clickOn("#dialogConfirm");

        UiFixture.await("the config dialog to close", 10, () -> robot.lookup("#configRows").tryQuery().isEmpty());
        assertThat(robot.lookup("#noticeText").queryAs(Label.class).getText()).contains("staging now has config v1");
        Environment staging = engine.environment(project, "staging");
        ConfigVersion config = engine.currentConfig(staging).orElseThrow();
        assertThat(config.values()).containsEntry("PORT", "8080").containsEntry("DB_PASSWORD", "hunter22");
        assertThat(config.entries().get("DB_PASSWORD").secret()).isTrue();
        assertThat(config.entries().get("PORT").secret()).isFalse();

        robot.clickOn("#environmentsMenu").clickOn("Edit config…");
        UiFixture.await("the saved rows", 10, () -> robot.lookup(".config-row").queryAll().size() == 2);
        assertThat(robot.lookup("#configVersion").queryAs(Label.class).getText()).contains("config v1 (2 keys)");
        Node secretRow = robot.lookup(".config-row").match((Node n) -> ((TextField) ((HBox) n).getChildren().get(0)).getText().equals("DB_PASSWORD")).query();
        assertThat(masked((HBox) secretRow).isVisible()).as("shown masked").isTrue();
        assertThat(masked((HBox) secretRow).getText()).isEqualTo("hunter22");
        assertThat(((CheckBox) ((HBox) secretRow).getChildren().get(2)).isSelected()).isTrue();
        robot.clickOn("#dialogCancel");
    }

    /** The masked value field of a config row (key, value, secret, Remove): shown while the row is a secret. */
    private static PasswordField masked(HBox row) {
        return (PasswordField) ((javafx.scene.layout.StackPane) row.getChildren().get(1)).getChildren().get(1);
    }
}
