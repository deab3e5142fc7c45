package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Adding a project by clicks through the New project wizard (Add project… in the toolbar): a
 * folder that is not a git repository and a name with '/' keep Next disabled with the reason
 * shown; a real Maven repository fills the name, branch and detected recipe; an emptied recipe
 * keeps Finish disabled; Finish adds the project.
 */
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
    void theWizardRefusesAFolderThatIsNotARepositoryThenAddsARealOneWithItsDetectedRecipe(FxRobot robot) throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));
        Path repo = temp.resolve("shop");
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("pom.xml", "<project/>\n").commit("Initial commit");
        }

        robot.clickOn("#addProjectButton");
        UiFixture.await("the New project wizard", 10, () -> robot.lookup("#wizFolder").tryQuery().isPresent());
        Label reason = robot.lookup("#wizardReason").queryAs(Label.class);
        assertThat(reason.getText()).isEqualTo("Choose the folder of the project's git repository.");
        assertThat(next(robot).isDisabled()).isTrue();

        robot.clickOn("#wizFolder").write(plain.toString());
        UiFixture.await("the reason", 5, () -> reason.getText().contains("not a git repository"));
        assertThat(reason.getText()).contains(plain.toString());
        assertThat(next(robot).isDisabled()).as("Next stays disabled").isTrue();

        TextField folder = robot.lookup("#wizFolder").queryAs(TextField.class);
        robot.interact(() -> folder.setText(repo.toString())); // a paste
        UiFixture.await("the repository to be accepted", 5, () -> !next(robot).isDisabled());
        assertThat(robot.lookup("#wizProjectName").queryAs(TextField.class).getText()).isEqualTo("shop");
        @SuppressWarnings("unchecked")
        ComboBox<String> branch = robot.lookup("#wizBranch").queryAs(ComboBox.class);
        assertThat(branch.getItems()).containsExactly("main");
        assertThat(branch.getValue()).isEqualTo("main");

        replace(robot, "#wizProjectName", "shop/api");
        UiFixture.await("the name's reason", 5, () -> reason.getText().contains("cannot contain '/'"));
        assertThat(next(robot).isDisabled()).isTrue();
        replace(robot, "#wizProjectName", "shop-api");
        UiFixture.await("Next to enable", 5, () -> !next(robot).isDisabled());
        robot.clickOn(next(robot));

        UiFixture.await("the recipe page", 10, () -> robot.lookup("#wizSteps").tryQuery().isPresent());
        assertThat(robot.lookup("#wizDetection").queryAs(Label.class).getText()).startsWith("Detected maven");
        TextArea steps = robot.lookup("#wizSteps").queryAs(TextArea.class);
        assertThat(steps.getText()).isEqualTo("test: mvn -B -q test\npackage: mvn -B -q package -DskipTests");
        Label recipeReason = robot.lookup("#wizardReason").queryAs(Label.class);
        robot.interact(() -> steps.setText(""));
        UiFixture.await("the steps' reason", 5, () -> recipeReason.getText().startsWith("Give at least one build step"));
        assertThat(finish(robot).isDisabled()).as("Finish stays disabled").isTrue();
        robot.clickOn(steps).write("package: mvn -B -q package");
        UiFixture.await("Finish to enable", 5, () -> !finish(robot).isDisabled());
        assertThat(engine.projects()).as("nothing saved before Finish").isEmpty();
        robot.clickOn(finish(robot));

        UiFixture.await("the wizard to close", 10, () -> robot.lookup("#wizSteps").tryQuery().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<org.stageboard.core.Project> chooser = robot.lookup("#projectChooser").queryAs(ComboBox.class);
        UiFixture.await("the new project on the board", 10, () -> chooser.getValue() != null
                && ui.model.board().commits().size() == 1);
        assertThat(chooser.getValue().name()).isEqualTo("shop-api");
        assertThat(robot.lookup("#noticeText").queryAs(Label.class).getText()).contains("Project shop-api added");
        assertThat(engine.project("shop-api").recipe()).isEqualTo(new Recipe(List.of(new RecipeStep("package", "mvn -B -q package")),
                List.of("target/*.jar"), Map.of(), List.of(".m2")));
        assertThat(engine.projects()).extracting(p -> p.repository()).containsExactly(repo.toAbsolutePath());
    }

    @Test
    void cancelSavesNothing(FxRobot robot) throws Exception {
        Path repo = temp.resolve("cancelled");
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("index.html", "<h1>hi</h1>\n").commit("Initial commit");
        }
        robot.clickOn("#addProjectButton");
        UiFixture.await("the New project wizard", 10, () -> robot.lookup("#wizFolder").tryQuery().isPresent());
        robot.clickOn("#wizFolder");
        robot.interact(() -> robot.lookup("#wizFolder").queryAs(TextField.class).setText(repo.toString()));
        UiFixture.await("Next to enable", 5, () -> !next(robot).isDisabled());
        robot.clickOn(next(robot));
        UiFixture.await("the recipe page", 10, () -> robot.lookup("#wizSteps").tryQuery().isPresent());
        robot.clickOn("#wizardCancel");
        UiFixture.await("the wizard to close", 10, () -> robot.lookup("#wizSteps").tryQuery().isEmpty());
        assertThat(engine.projects()).isEmpty();
    }

    static Node next(FxRobot robot) {
        return robot.lookup("#wizardNext").query();
    }

    static Node finish(FxRobot robot) {
        return robot.lookup("#wizardFinish").query();
    }

    static void replace(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
    }
}
