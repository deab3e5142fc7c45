package org.stageboard.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stageboard.core.Progress;
import org.stageboard.ui.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Background work is visible: title, current step, a live log window, and Cancel that stops it. */
@ExtendWith(ApplicationExtension.class)
class TaskPaneTest {

    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(2);
    private TaskList tasks;

    @Start
    void start(Stage stage) {
        tasks = new TaskList(executor);
        Scene scene = new Scene(new TaskPane(tasks, task -> LogWindow.follow(stage, task)), 900, 200);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    @Test
    void aRunningTaskShowsItsStepStreamsItsLogAndCanBeCancelled(FxRobot robot) throws Exception {
        CountDownLatch stepped = new CountDownLatch(1);
        AtomicReference<UiTask> task = new AtomicReference<>();
        robot.interact(() -> task.set(tasks.start("Deploy staging v1 to vps1", (Progress progress) -> {
            progress.step("upload artifact");
            progress.log("uploading 12.4 MB");
            stepped.countDown();
            while (true) {
                progress.checkCancelled();
                sleep();
            }
        }, r -> Outcome.ok("done"), r -> { }, e -> { })));
        assertThat(stepped.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".task-title").queryAs(Label.class).getText()).isEqualTo("Deploy staging v1 to vps1");
        assertThat(robot.lookup(".task-step").queryAs(Label.class).getText()).isEqualTo("upload artifact");
        assertThat(tasks.runningProperty().get()).isEqualTo(1);

        robot.clickOn(".task-log");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(org.stageboard.ui.log.LogViews.text(robot).orElseThrow()).contains("-- upload artifact").contains("uploading 12.4 MB");
        assertThat(robot.lookup("#logFeed").queryAs(Label.class).getText()).as("a running task's log is live").isEqualTo("Live");
        Stage logWindow = org.stageboard.ui.log.LogViews.stage(robot);
        javafx.scene.control.ListView<?> log = robot.lookup("#logLines").queryAs(javafx.scene.control.ListView.class);

        robot.interact(logWindow::hide);
        robot.clickOn(".task-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> task.get().stateProperty().get() == TaskState.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".task-step").queryAs(Label.class).getText()).isEqualTo("Cancelled by the user.");
        assertThat(tasks.runningProperty().get()).isZero();
        assertThat(List.copyOf(log.getItems()).stream().map(String::valueOf).toList()).as("the log window keeps following").contains("== Cancelled by the user.");
        assertThat(((org.stageboard.ui.log.LogViewModel) log.getUserData()).feedProperty().get()).as("and says when its task ended")
                .isEqualTo(org.stageboard.ui.log.LogViewModel.Feed.ENDED);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
