package org.stageboard.app;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.ui.AfterLayout;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.FirstBoard;
import org.stageboard.ui.MainViewModel;
import org.stageboard.ui.MainWindow;
import org.stageboard.ui.prefs.WindowPlacement;
import org.stageboard.ui.prefs.WindowPrefs;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.stageboard.ui.theme.ActiveTheme;
import org.stageboard.ui.theme.Theme;
import org.stageboard.ui.task.TaskExecutor;

/** The window: opens the engine, shows the board of one project, closes the engine on exit. */
public final class StageboardApp extends Application {

    private Stageboard engine;
    private TaskExecutor executor;
    private MainViewModel model;
    private Throwable openFailure;
    private CompletableFuture<FirstBoard> firstOfThisStart;

    /** The catalog being opened while JavaFX starts (see {@link #openInBackground()}); null when the app opens it itself. */
    private static volatile CompletableFuture<Stageboard> opening;

    /**
     * Starts opening (and migrating) the catalog on its own thread before JavaFX starts, so that
     * the toolkit's start and the catalog's open overlap instead of adding up.
     */
    static void openInBackground() {
        CompletableFuture<Stageboard> engine = new CompletableFuture<>();
        CompletableFuture<FirstBoard> first = new CompletableFuture<>();
        // Plain futures completed by this thread: a dependent stage (thenApply) would be run by
        // whichever thread joins the engine first, i.e. the launcher, holding up the window.
        Thread opener = new Thread(() -> {
            Stageboard opened;
            try {
                opened = Stageboard.open(home());
            } catch (Throwable e) {
                engine.completeExceptionally(e);
                first.completeExceptionally(e);
                return;
            }
            engine.complete(opened);
            // Then the board the window shows first: it is read while the window is built.
            try {
                first.complete(FirstBoard.read(opened, WindowPrefs.load(opened.home().root()).project().orElse(null)));
                ReadyProbe.mark("first board read");
            } catch (Throwable e) {
                first.completeExceptionally(e);
            }
        }, "stageboard-open");
        opener.setDaemon(true);
        beginWith(engine, first);
        opener.start();
    }

    /** What the next start of the application takes over: the catalog being opened and its first board being read. */
    static void beginWith(CompletableFuture<Stageboard> engine, CompletableFuture<FirstBoard> first) {
        opening = engine;
        firstBoard = first;
    }

    /** The first board being read after {@link #opening}; null when the app reads it itself. */
    private static volatile CompletableFuture<FirstBoard> firstBoard;

    @Override
    public void init() {
        // init() runs on the launcher thread: opening (and migrating) the catalog never blocks the FX thread.
        ReadyProbe.mark("init");
        try {
            // What openInBackground began is taken once: an application started again in this JVM opens its own.
            CompletableFuture<Stageboard> begun = opening;
            opening = null;
            firstOfThisStart = firstBoard;
            firstBoard = null;
            engine = begun != null ? join(begun) : Stageboard.open(home());
            ReadyProbe.mark("engine open");
        } catch (RuntimeException e) {
            openFailure = e;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The home: the {@code stageboard.home} system property (tests, screenshots), else as the CLI finds it. */
    static StageboardHome home() {
        String property = System.getProperty("stageboard.home");
        return property != null && !property.isBlank() ? new StageboardHome(java.nio.file.Path.of(property)) : StageboardHome.fromEnvironment();
    }

    @Override
    public void start(Stage stage) {
        if (openFailure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, ErrorText.of(openFailure));
            alert.setHeaderText("Stageboard could not open its catalog");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        ReadyProbe.mark("start");
        executor = new BackgroundTaskExecutor(3);
        WindowPrefs prefs = WindowPrefs.load(engine.home().root());
        ActiveTheme.set(Theme.named(prefs.theme()));
        model = new MainViewModel(engine, executor, Clock.systemDefaultZone());
        Scene scene = new Scene(new MainWindow(model), prefs.width(), prefs.height());
        // The hosts are read once the first board is drawn: SSH and its crypto would take the processor from the opening window.
        model.setAfterFirstDraw(work -> AfterLayout.once(scene, work));
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setTitle("Stageboard — build · release · run");
        stage.setMinWidth(1000);
        stage.setMinHeight(600);
        java.net.URL icon = StageboardApp.class.getResource("/org/stageboard/ui/icon.png");
        if (icon != null) {
            // Decoded in the background: the window does not wait for its icon (a missing one is cosmetic).
            stage.getIcons().add(new Image(icon.toExternalForm(), true));
        }
        stage.setScene(scene);
        WindowPlacement.restore(stage, prefs);
        WindowPlacement.rememberOnClose(stage, model, engine.home().root(), prefs);
        // The board is read in the background while the window is laid out and shown for the first time.
        ReadyProbe.install(model, scene);
        CompletableFuture<FirstBoard> first = firstOfThisStart;
        Runnable show = showOnce(stage);
        if (first != null && first.isDone() && !first.isCompletedExceptionally()) {
            // Read while JavaFX started: shown now, so the window's first layout already holds the board.
            model.startWith(first.join());
            show.run();
        } else if (first != null) {
            // Still being read: the window opens with its board as soon as it is read, so that it is laid out
            // once with its cards instead of empty lanes first; it opens without it if that takes long.
            first.whenComplete((board, failure) -> Platform.runLater(() -> {
                if (board != null) {
                    model.startWith(board);
                } else {
                    model.startWith(() -> join(first));
                }
                show.run();
            }));
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(SHOW_WITHOUT_BOARD_AFTER);
            wait.setOnFinished(e -> show.run());
            wait.play();
        } else {
            model.start(prefs.project().orElse(null));
            show.run();
        }
    }

    /** How long a built window waits for its first board before it opens without it (its lanes then fill in). */
    static final javafx.util.Duration SHOW_WITHOUT_BOARD_AFTER = javafx.util.Duration.seconds(1);

    private static Runnable showOnce(Stage stage) {
        boolean[] shown = new boolean[1];
        return () -> {
            if (!shown[0]) {
                shown[0] = true;
                stage.show();
                ReadyProbe.mark("window shown");
            }
        };
    }

    @Override
    public void stop() {
        if (model != null) {
            model.live().stop();
        }
        if (executor != null) {
            executor.shutdown();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
