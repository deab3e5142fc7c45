package org.stageboard.ui.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;
import org.stageboard.ui.task.TaskState;
import org.stageboard.ui.task.UiTask;

/**
 * The one log viewer (LogView.fxml): a window that follows a running task's log as it streams
 * (a build, a deploy, a host's app log), or shows a finished build's or run's log read from its
 * file, with a chooser between a build's whole log and each step's.
 */
public final class LogViewer {

    private final Stage stage = new Stage();
    private final LogViewModel model;
    private final LogViewController controller;
    private LogStream stream;
    private LogChoices choices;
    private LogChoicesFollow choicesFollow;

    private LogViewer(Window owner, String title, LogViewModel model) {
        this.model = model;
        org.stageboard.ui.theme.ActiveTheme.ensureApplied();
        FXMLLoader loader = new FXMLLoader(LogViewer.class.getResource("/org/stageboard/ui/log/LogView.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the log view's layout: " + e.getMessage(), e);
        }
        controller = loader.getController();
        controller.bind(model);
        Scene scene = new Scene(root, 820, 480);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setTitle(title);
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    public LogViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    /** Follows a task's log lines as they come, from its first line kept; says when the task ended. */
    public static LogViewer follow(Window owner, UiTask task) {
        LogViewer viewer = new LogViewer(owner, "Log · " + task.title(), new LogViewModel());
        viewer.model.setAll(task.log());
        ListChangeListener<String> added = change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    viewer.model.append(List.copyOf(change.getAddedSubList()));
                }
            }
        };
        task.log().addListener(added);
        Runnable state = () -> {
            viewer.model.setFeed(task.stateProperty().get().finished() ? LogViewModel.Feed.ENDED : LogViewModel.Feed.LIVE);
            viewer.model.setState(words(task.stateProperty().get()));
        };
        task.stateProperty().addListener((o, a, b) -> state.run());
        state.run();
        viewer.stage.show();
        return viewer;
    }

    /** Shows log files, read in the background: the first at once, the others when chosen. */
    public static LogViewer open(Window owner, String title, List<LogSource> sources, TaskExecutor executor) {
        LogViewer viewer = new LogViewer(owner, "Log · " + title, new LogViewModel());
        viewer.model.followProperty().set(false);
        viewer.controller.sources(sources, source -> viewer.load(source, executor));
        viewer.stage.show();
        return viewer;
    }

    /** As {@link #open}, the sources found in the background (a build's steps from the catalog). */
    public static LogViewer open(Window owner, String title, Supplier<List<LogSource>> sources, TaskExecutor executor) {
        LogViewer viewer = new LogViewer(owner, "Log · " + title, new LogViewModel());
        viewer.model.followProperty().set(false);
        viewer.model.setState("reading…");
        executor.call(sources, found -> viewer.controller.sources(found, source -> viewer.load(source, executor)),
                e -> viewer.model.setState("could not list its logs: " + ErrorText.of(e)));
        viewer.stage.show();
        return viewer;
    }

    /**
     * Follows logs while their work runs (a build, a deploy): the sources found in the background,
     * the chosen one read as it is written (every {@link LogStream#PERIOD}) until {@code outcome}
     * (called in the background) says how the work ended; then the view says so and stops reading.
     * The chooser follows the work too (every {@link LogChoicesFollow#PERIOD}, until it ended):
     * logs that appear later (a build's steps) are added and states renamed, the log chosen stays.
     */
    public static LogViewer stream(Window owner, String title, Supplier<List<LogSource>> sources,
                                   Supplier<java.util.Optional<String>> outcome, TaskExecutor executor) {
        LogViewer viewer = new LogViewer(owner, "Log · " + title, new LogViewModel());
        viewer.model.setState("reading… (its log shows here once the work has written one)");
        viewer.choices = new LogChoices(source -> viewer.follow(source, outcome, executor));
        viewer.controller.sources(viewer.choices);
        viewer.choicesFollow = new LogChoicesFollow(sources, outcome, executor, viewer.choices, e -> {
            if (viewer.choices.chosen() == null) {
                viewer.model.setState("could not list its logs (trying again): " + ErrorText.of(e));
            }
        });
        viewer.stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> viewer.stopFollowing());
        viewer.choicesFollow.start(LogChoicesFollow.PERIOD);
        viewer.stage.show();
        return viewer;
    }

    private void follow(LogSource source, Supplier<java.util.Optional<String>> outcome, TaskExecutor executor) {
        stopStream();
        model.setAll(List.of());
        model.followProperty().set(true);
        stream = new LogStream(new LogTail(source.file()), outcome, executor, model);
        stream.start(LogStream.PERIOD);
    }

    private void stopStream() {
        if (stream != null) {
            stream.stop();
        }
    }

    /** The window closed: nothing is read any more, neither the log shown nor the list of logs. */
    private void stopFollowing() {
        if (choicesFollow != null) {
            choicesFollow.stop();
        }
        stopStream();
    }

    /** The chooser's logs of a viewer that follows work ({@link #stream}); null for one that shows files. */
    public LogChoices choices() {
        return choices;
    }

    /** What keeps the chooser in step with the work ({@link #stream}); null for one that shows files. */
    public LogChoicesFollow choicesFollow() {
        return choicesFollow;
    }

    /** Runs {@code action} when the window is closed (e.g. to stop following a host's log). */
    public LogViewer onClose(Runnable action) {
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> action.run());
        return this;
    }

    private void load(LogSource source, TaskExecutor executor) {
        model.setState("reading " + source.file() + " …");
        executor.call(() -> tail(source.file(), model.maxLines()), lines -> {
            model.setAll(lines);
            model.setState(source.file().toString());
        }, e -> {
            model.setAll(List.of());
            model.setState("could not read " + source.file() + ": " + ErrorText.of(e));
        });
    }

    /** The last {@code max} lines of a file, read once through (a log of any length reads in bounded memory). */
    static List<String> tail(Path file, int max) {
        ArrayDeque<String> last = new ArrayDeque<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (last.size() == max) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            return tailLenient(file, max);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the log " + file + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(last);
    }

    private static List<String> tailLenient(Path file, int max) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> all = text.lines().toList();
            return all.subList(Math.max(0, all.size() - max), all.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the log " + file + ": " + e.getMessage(), e);
        }
    }

    private static String words(TaskState state) {
        return switch (state) {
            case QUEUED -> "queued";
            case RUNNING -> "running";
            case SUCCEEDED -> "ended: done";
            case FAILED -> "ended: failed";
            case CANCELLED -> "ended: cancelled";
        };
    }
}
