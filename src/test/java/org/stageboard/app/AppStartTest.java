package org.stageboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.ui.prefs.WindowPrefs;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application starts headless in the dark theme and in the light one, with the window's
 * size and last project as remembered, and remembers a theme switched in the window for the next start.
 */
class AppStartTest {

    @TempDir
    Path temp;

    private Path home;
    private Stage stage;

    @BeforeEach
    void catalogWithTwoProjects() throws Exception {
        home = temp.resolve("home");
        try (Stageboard engine = Stageboard.open(new StageboardHome(home)); GitFixture git = GitFixture.init(temp.resolve("repo"))) {
            git.write("a.txt", "a\n").commit("first");
            engine.addProject("alpha", git.dir(), "main", new Recipe("true", List.of("a.txt")));
            engine.addProject("beta", git.dir(), "main", new Recipe("true", List.of("a.txt")));
        }
        System.setProperty("stageboard.home", home.toString());
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("stageboard.home");
    }

    @Test
    void startsInTheRememberedThemeWithTheRememberedProjectAndRemembersASwitch() throws Exception {
        WindowPrefs.defaults().withBounds(30, 40, 1280, 760, false).withLastProject("beta").withTheme("dark").save(home);
        FxRobot robot = new FxRobot();

        Application app = FxToolkit.setupApplication(StageboardApp.class);
        awaitProject(robot, "beta");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(stage.getWidth()).isEqualTo(1280);
        assertThat(robot.lookup("#buildButton").tryQuery()).isPresent();

        assertThat(robot.lookup("#refreshButton").tryQuery()).as("the whole toolbar fits at 1280 px").isPresent();
        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        robot.interact(stage::hide);
        FxToolkit.cleanupApplication(app);
        WindowPrefs saved = WindowPrefs.load(home);
        assertThat(saved.theme()).isEqualTo("light");
        assertThat(saved.project()).contains("beta");

        Application again = FxToolkit.setupApplication(StageboardApp.class);
        awaitProject(robot, "beta");
        assertThat(Application.getUserAgentStylesheet()).as("light at the next start").isEqualTo(new PrimerLight().getUserAgentStylesheet());
        robot.interact(stage::hide);
        FxToolkit.cleanupApplication(again);
    }

    @Test
    void theCatalogOpenedAndTheFirstBoardReadWhileJavaFxStartsAreWhatTheWindowShows() throws Exception {
        WindowPrefs.defaults().withBounds(30, 40, 1200, 740, false).withLastProject("beta").save(home);
        FxRobot robot = new FxRobot();
        StageboardApp.openInBackground();
        Application app = FxToolkit.setupApplication(StageboardApp.class);
        awaitProject(robot, "beta");
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#commits").queryListView().getItems().size() == 1);
        assertThat(robot.lookup("#commits").queryListView().getItems()).singleElement()
                .satisfies(c -> assertThat(((org.stageboard.core.CommitInfo) c).message()).isEqualTo("first"));
        robot.interact(stage::hide);
        FxToolkit.cleanupApplication(app);

        // A second start in this JVM does not reuse the first one's (closed) engine.
        Application again = FxToolkit.setupApplication(StageboardApp.class);
        awaitProject(robot, "beta");
        robot.interact(stage::hide);
        FxToolkit.cleanupApplication(again);
    }

    @Test
    void aWindowWhoseFirstBoardIsSlowOpensWithoutItAndShowsItOnceRead() throws Exception {
        WindowPrefs.defaults().withBounds(30, 40, 1200, 740, false).withLastProject("beta").save(home);
        FxRobot robot = new FxRobot();
        Stageboard engine = Stageboard.open(new StageboardHome(home));
        java.util.concurrent.CompletableFuture<org.stageboard.ui.FirstBoard> first = new java.util.concurrent.CompletableFuture<>();
        StageboardApp.beginWith(java.util.concurrent.CompletableFuture.completedFuture(engine), first);
        Application app = FxToolkit.setupApplication(StageboardApp.class);

        // Not read yet: the window waits a moment for it, then opens with empty lanes rather than not at all.
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, stage::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((ComboBox<?>) robot.lookup("#projectChooser").query()).getValue()).as("no board shown yet").isNull();
        first.complete(org.stageboard.ui.FirstBoard.read(engine, "beta"));
        awaitProject(robot, "beta");
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#commits").queryListView().getItems().size() == 1);
        robot.interact(stage::hide);
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void aFirstBoardThatFailsToReadLetsTheWindowOpenAndSayWhy() throws Exception {
        FxRobot robot = new FxRobot();
        Stageboard engine = Stageboard.open(new StageboardHome(home));
        java.util.concurrent.CompletableFuture<org.stageboard.ui.FirstBoard> first = new java.util.concurrent.CompletableFuture<>();
        StageboardApp.beginWith(java.util.concurrent.CompletableFuture.completedFuture(engine), first);
        first.completeExceptionally(new org.stageboard.core.StageboardException("The catalog could not be read: disk gone."));
        Application app = FxToolkit.setupApplication(StageboardApp.class);
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, stage::isShowing);
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#noticeText").tryQuery()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).map(t -> t.contains("disk gone")).orElse(false));
        robot.interact(stage::hide);
        FxToolkit.cleanupApplication(app);
    }

    @SuppressWarnings("unchecked")
    private static void awaitProject(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#projectChooser").tryQuery()
                .map(n -> ((ComboBox<Project>) n).getValue()).map(p -> p.name().equals(name)).orElse(false));
    }
}
