package org.stageboard.ui;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.board.Card;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.stageboard.ui.task.TaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a stage, with a background executor, for TestFX tests. */
final class UiFixture {

    final MainViewModel model;
    final TaskExecutor executor;

    private UiFixture(MainViewModel model, TaskExecutor executor) {
        this.model = model;
        this.executor = executor;
    }

    static UiFixture show(Stage stage, Stageboard engine) {
        return show(stage, engine, 2);
    }

    /** As {@link #show(Stage, Stageboard)}, with {@code threads} threads for the window's work. */
    static UiFixture show(Stage stage, Stageboard engine, int threads) {
        TaskExecutor executor = new BackgroundTaskExecutor(threads);
        MainViewModel model = new MainViewModel(engine, executor, Clock.systemDefaultZone());
        Scene scene = new Scene(new MainWindow(model), 1240, 760);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        // TestFX hands every test of the JVM the same primary stage: its size is set here, so that
        // a size an earlier test left it at (e.g. a short window) cannot cut off rows this test clicks.
        stage.setWidth(1240);
        stage.setHeight(760);
        stage.show();
        model.start();
        return new UiFixture(model, executor);
    }

    /** Waits (polling the FX thread) until the condition holds. */
    static void await(String what, long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                boolean[] ok = new boolean[1];
                WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
                return ok[0];
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The card on the board whose text starts with the prefix, or null. */
    static Node card(FxRobot robot, String textPrefix) {
        return robot.lookup(".card").match((Node n) -> ((Card) n.getUserData()).text().startsWith(textPrefix))
                .tryQuery().orElse(null);
    }

    /** Clicks a card on its title, away from its buttons. */
    static void clickCard(FxRobot robot, String textPrefix) {
        Node card = card(robot, textPrefix);
        if (card == null) {
            throw new AssertionError("no card '" + textPrefix + "' on the board");
        }
        robot.clickOn(robot.from(card).lookup(".card-title").<Node>query());
    }

    void close() {
        model.live().stop();
        executor.shutdown();
    }
}
