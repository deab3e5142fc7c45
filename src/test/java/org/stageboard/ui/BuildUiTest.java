package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.ui.board.Card;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Building from the window: a green card for a good commit, a red card and a notice for a bad one, and the build log. */
@ExtendWith(ApplicationExtension.class)
class BuildUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;
    private String good;
    private String bad;

    @Start
    void start(Stage stage) {
        Path work = temp.resolve("build-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            good = git.write("index.html", "<h1>hi</h1>\n").commit("Good page");
            bad = git.write("broken", "yes\n").commit("Broken build");
        }
        engine.addProject("site", work.resolve("repo"), "main",
                new Recipe("echo building; test ! -f broken && mkdir -p dist && cp index.html dist/", List.of("dist/**")));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
    }

    @Test
    void aGoodCommitBuildsGreenABadOneRedAndTheLogOpens(FxRobot robot) {
        UiFixture.await("the commits", 20, () -> ui.model.board().commits().size() == 2);

        robot.clickOn("Good page").clickOn("#buildButton");
        UiFixture.await("the green build card", 60, () -> UiFixture.card(robot, "#1 · " + good.substring(0, 7) + " · ✓") != null);
        Node green = UiFixture.card(robot, "#1");
        assertThat(green.getStyleClass()).contains("state-success", "selected");
        assertThat(robot.lookup("#noticeText").queryAs(Label.class).getText()).contains("Build #1 succeeded");

        robot.clickOn("Broken build").clickOn("#buildButton");
        UiFixture.await("the red build card", 60, () -> UiFixture.card(robot, "#2 · " + bad.substring(0, 7) + " · ✗ exit 1") != null);
        assertThat(UiFixture.card(robot, "#2").getStyleClass()).contains("state-failed");
        assertThat(ui.model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(robot.lookup("#noticeText").queryAs(Label.class).getText()).contains("Build #2 failed with exit 1");
        assertThat(robot.lookup("#releaseButton").queryAs(javafx.scene.control.Button.class).isDisabled())
                .as("a failed build cannot be released").isTrue();
        assertThat(robot.lookup(".task-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Build " + bad.substring(0, 7) + " of site", "Build " + good.substring(0, 7) + " of site");

        Node logButton = robot.from(UiFixture.card(robot, "#2")).lookup(".card-log").query();
        robot.clickOn(logButton);
        UiFixture.await("the log window", 10, () -> org.stageboard.ui.log.LogViews.text(robot)
                .map(text -> text.contains("building")).orElse(false));
        assertThat(org.stageboard.ui.log.LogViews.text(robot).orElseThrow()).contains("exit code 1");
        assertThat(((Card) UiFixture.card(robot, "#2").getUserData()).commitSha()).isEqualTo(bad);
    }
}
