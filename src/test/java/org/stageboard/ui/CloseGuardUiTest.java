package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.ui.task.Outcome;
import org.stageboard.ui.task.StopNote;
import org.stageboard.ui.task.TaskState;
import org.stageboard.ui.task.UiTask;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window while a deploy runs asks first; "keep" keeps it, "stop and close" stops the work, waits for it, then closes. */
@ExtendWith(ApplicationExtension.class)
class CloseGuardUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        Platform.setImplicitExit(false);
        this.stage = stage;
        engine = Stageboard.open(new StageboardHome(Files.createDirectories(temp.resolve("close-" + System.nanoTime())).resolve("home")));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
    }

    @Test
    void closingWhileADeployRunsAsksThenStopsItWaitsAndCloses(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<UiTask> task = new AtomicReference<>();
        robot.interact(() -> task.set(ui.model.tasks().start("Deploy staging v1 to vps1",
                new StopNote("A deploy is running on vps1.", "The host is put back and the lock released."), (Progress progress) -> {
                    started.countDown();
                    while (!progress.isCancelled()) {
                        pause(20);
                    }
                    // Putting the host back takes a moment: the window must wait for it.
                    await(release);
                    throw new CancelledException();
                }, r -> Outcome.ok("live"), r -> { }, e -> { })));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        requestClose(robot);
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText())
                .isEqualTo("A deploy is running on vps1. Stop it and close? The host is put back and the lock released.");
        robot.clickOn("#confirmCloseCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(task.get().isCancelRequested()).isFalse();

        requestClose(robot);
        robot.clickOn("#confirmClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(task.get().isCancelRequested()).isTrue();
        assertThat(stage.isShowing()).as("still finishing").isTrue();
        assertThat(ui.model.closeGuard().finishingProperty().get()).isTrue();
        assertThat(ui.model.noticeProperty().get().text()).startsWith("Finishing");

        release.countDown();
        UiFixture.await("the window closed", 10, () -> !stage.isShowing());
        assertThat(task.get().stateProperty().get()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void closingWithNothingRunningAsksNothing(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isFalse();
    }

    private void requestClose(FxRobot robot) {
        // The question is modal (showAndWait): fire the request later, not inside interact().
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        UiFixture.await("the close question", 10, () -> robot.lookup("#confirmClose").tryQuery().isPresent());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
