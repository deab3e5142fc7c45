package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Adding a project by clicks: a folder that is not a git repository is refused inline, a real one is added. */
@ExtendWith(ApplicationExtension.class)
class AddProjectDialogTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;

    @Start
    void start(Stage stage) {
        engine = Stageboard.open(new StageboardHome(temp.resolve("home-" + System.nanoTime())));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
    }

    @Test
    void notAGitRepositoryIsShownInTheDialogThenARealRepositoryIsAdded(FxRobot robot) throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));
        Path repo = temp.resolve("repo");
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("README.md", "hi\n");
            git.commit("Initial commit");
        }

        robot.clickOn("#addProjectButton");
        UiFixture.await("the add-project dialog", 10, () -> robot.lookup("#projectName").tryQuery().isPresent());
        robot.clickOn("#projectName").write("demo");
        robot.clickOn("#projectFolder").write(plain.toString());
        robot.clickOn("#projectCommand").write("mkdir -p dist");
        robot.clickOn("#projectGlobs").write("dist/**");
        robot.clickOn("#dialogConfirm");

        Label error = robot.lookup("#dialogError").queryAs(Label.class);
        UiFixture.await("the inline error", 10, () -> error.isVisible() && !error.getText().isBlank());
        assertThat(error.getText()).contains(plain.toString()).contains("not a git repository");
        assertThat(robot.lookup("#projectName").tryQuery()).as("the dialog stays open").isPresent();

        TextField folder = robot.lookup("#projectFolder").queryAs(TextField.class);
        robot.doubleClickOn(folder);
        robot.interact(folder::selectAll);
        robot.write(repo.toString());
        assertThat(folder.getText()).isEqualTo(repo.toString());
        robot.clickOn("#dialogConfirm");

        UiFixture.await("the dialog to close", 10, () -> robot.lookup("#projectName").tryQuery().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<org.stageboard.core.Project> chooser = robot.lookup("#projectChooser").queryAs(ComboBox.class);
        UiFixture.await("the new project on the board", 10, () -> chooser.getValue() != null
                && ui.model.board().commits().size() == 1);
        assertThat(chooser.getValue().name()).isEqualTo("demo");
        assertThat(robot.lookup("#noticeText").queryAs(Label.class).getText()).contains("Project demo added");
        assertThat(engine.projects()).extracting(p -> p.repository()).containsExactly(repo.toAbsolutePath());
    }
}
