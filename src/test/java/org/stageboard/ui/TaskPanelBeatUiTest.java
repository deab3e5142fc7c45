package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real main window: its task panel follows the live board's beat (one poll of the catalog's
 * stamp for both) while the window shows; closing the window takes the panel off the beat and
 * stops the beat, so that nothing polls any more.
 */
@ExtendWith(ApplicationExtension.class)
class TaskPanelBeatUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        Platform.setImplicitExit(false);
        this.stage = stage;
        engine = Stageboard.open(new StageboardHome(Files.createDirectories(temp.resolve("beat-" + System.nanoTime())).resolve("home")));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
    }

    @Test
    void thePanelFollowsTheBoardsBeatWhileTheWindowShowsAndLeavesItOnClose(FxRobot robot) {
        LiveBoard live = ui.model.live();
        UiFixture.await("the board's beat with the panel on it", 20, () -> live.running() && live.followers() == 2);

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isFalse();
        UiFixture.await("the panel off the beat", 20, () -> live.followers() == 1);
        assertThat(live.running()).as("a closed window's beat is stopped, and with it every poll").isFalse();
    }
}
