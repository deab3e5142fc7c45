package org.stageboard.ui.task;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The background tasks at the bottom of the window: title, current step, progress, Cancel and Log. */
public final class TaskPane extends VBox {

    private static final double ROW_HEIGHT = 32;

    private final VBox rows = new VBox(4);
    private final Label none = new Label("No background work. Builds, releases and deploys show their progress here.");

    public TaskPane(TaskList tasks, Consumer<UiTask> openLog) {
        getStyleClass().add("task-pane");
        setId("tasks");
        Label title = new Label("Tasks");
        title.getStyleClass().add("task-pane-title");
        Button clear = new Button("Clear finished");
        clear.getStyleClass().add("link-button");
        clear.setOnAction(e -> tasks.clearFinished());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, gap, clear);
        none.getStyleClass().add("task-none");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("task-scroll");
        scroll.setPrefViewportHeight(2 * ROW_HEIGHT + 4);
        getChildren().addAll(header, scroll);
        tasks.tasks().addListener((ListChangeListener<UiTask>) change -> show(tasks, openLog));
        show(tasks, openLog);
    }

    private void show(TaskList tasks, Consumer<UiTask> openLog) {
        if (tasks.tasks().isEmpty()) {
            rows.getChildren().setAll(none);
        } else {
            rows.getChildren().setAll(tasks.tasks().stream().map(t -> withHosts(t, row(t, openLog))).toList());
        }
    }

    /** The task's row, with one line per host under it once the task has host rows (a deploy over several hosts). */
    private static VBox withHosts(UiTask task, HBox row) {
        VBox hosts = new VBox(2);
        hosts.getStyleClass().add("task-hosts");
        hosts.setId("taskHosts");
        Runnable show = () -> {
            HostRows model = task.hostRowsProperty().get();
            if (model == null) {
                hosts.getChildren().clear();
                return;
            }
            hosts.getChildren().setAll(model.rows().stream().map(TaskPane::hostLine).toList());
        };
        task.hostRowsProperty().addListener((o, before, now) -> {
            if (now != null) {
                now.rows().addListener((ListChangeListener<HostRows.Row>) change -> show.run());
            }
            show.run();
        });
        if (task.hostRowsProperty().get() != null) {
            task.hostRowsProperty().get().rows().addListener((ListChangeListener<HostRows.Row>) change -> show.run());
        }
        show.run();
        VBox box = new VBox(2, row, hosts);
        hosts.setPadding(new javafx.geometry.Insets(0, 0, 0, 24));
        return box;
    }

    private static Label hostLine(HostRows.Row host) {
        Label line = new Label(host.host() + "   " + (host.finished() ? host.outcome() : host.step()));
        line.getStyleClass().add("task-host");
        if (host.bad()) {
            line.getStyleClass().add("task-host-bad");
        } else if (host.finished()) {
            line.getStyleClass().add("task-host-done");
        }
        return line;
    }

    private static HBox row(UiTask task, Consumer<UiTask> openLog) {
        Label title = new Label(task.title());
        title.getStyleClass().add("task-title");
        title.setMinWidth(220);
        Label step = new Label();
        step.textProperty().bind(task.stepProperty());
        step.getStyleClass().add("task-step");
        step.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(step, Priority.ALWAYS);
        Label word = new Label();
        word.getStyleClass().add("task-state-word");
        word.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(task.fractionProperty());
        bar.setPrefWidth(160);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("task-cancel");
        cancel.setOnAction(e -> task.cancel());
        Button log = new Button("Log");
        log.getStyleClass().add("task-log");
        log.setOnAction(e -> openLog.accept(task));
        HBox row = new HBox(10, title, word, step, bar, cancel, log);
        row.getStyleClass().add("task-row");
        row.setMinHeight(ROW_HEIGHT);
        row.setPrefHeight(ROW_HEIGHT);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Runnable state = () -> {
            TaskState now = task.stateProperty().get();
            row.getStyleClass().removeIf(s -> s.startsWith("task-state-"));
            row.getStyleClass().add("task-state-" + now.name().toLowerCase(java.util.Locale.ROOT));
            word.setText(word(now));
            cancel.setDisable(now.finished());
            bar.setVisible(!now.finished());
            bar.setManaged(!now.finished());
        };
        task.stateProperty().addListener((o, a, b) -> state.run());
        state.run();
        return row;
    }

    /** The state in a word, so that it does not rest on colour alone. */
    static String word(TaskState state) {
        return switch (state) {
            case RUNNING -> "";
            case SUCCEEDED -> "✓ done";
            case FAILED -> "✗ failed";
            case CANCELLED -> "⊘ cancelled";
        };
    }
}
