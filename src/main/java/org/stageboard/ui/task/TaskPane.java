package org.stageboard.ui.task;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The background tasks at the bottom of the window, newest first: each with its state (icon and
 * word), title, current step (for a queued build, what it waits for), the upload's bytes and rate,
 * progress, Cancel and Log; a deploy over several hosts has one line per host under it. The
 * window keeps a handful of finished tasks, so the list stays short and is laid out directly.
 */
public final class TaskPane extends VBox {

    private static final double ROW_HEIGHT = 32;

    private final VBox rows = new VBox(4);
    private final Label none = new Label("No background work. Builds, releases and deploys show their progress here; builds of one project queue behind each other.");
    private final Label counts = new Label();

    public TaskPane(TaskList tasks, Consumer<UiTask> openLog) {
        org.stageboard.ui.theme.ActiveTheme.ensureApplied();
        getStyleClass().add("task-pane");
        setId("tasks");
        FontIcon titleIcon = new FontIcon("fth-activity");
        Label title = new Label("Tasks", titleIcon);
        title.getStyleClass().add("task-pane-title");
        counts.getStyleClass().add("task-counts");
        counts.setId("taskCounts");
        Button clear = new Button("Clear finished");
        clear.setId("clearFinished");
        clear.getStyleClass().add("link-button");
        clear.setOnAction(e -> tasks.clearFinished());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, counts, gap, clear);
        header.setAlignment(Pos.CENTER_LEFT);
        none.getStyleClass().add("task-none");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("task-scroll");
        scroll.setPrefViewportHeight(2 * ROW_HEIGHT + 8);
        getChildren().addAll(header, scroll);
        tasks.tasks().addListener((ListChangeListener<UiTask>) change -> show(tasks, openLog));
        tasks.runningProperty().addListener((o, a, b) -> count(tasks));
        tasks.queuedProperty().addListener((o, a, b) -> count(tasks));
        show(tasks, openLog);
        count(tasks);
    }

    private void count(TaskList tasks) {
        int queued = tasks.queuedProperty().get();
        int running = tasks.runningProperty().get() - queued;
        counts.setText(running == 0 && queued == 0 ? "" : running + " running" + (queued == 0 ? "" : " · " + queued + " queued"));
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
        box.getStyleClass().add("task-box");
        hosts.setPadding(new Insets(0, 0, 0, 34));
        return box;
    }

    private static Label hostLine(HostRows.Row host) {
        String icon = host.bad() ? "fth-x-circle" : host.finished() ? "fth-check-circle" : "waiting".equals(host.step()) ? "fth-clock" : "fth-loader";
        Label line = new Label(host.host() + "   " + (host.finished() ? host.outcome() : host.step()), new FontIcon(icon));
        line.getStyleClass().add("task-host");
        if (host.bad()) {
            line.getStyleClass().add("task-host-bad");
        } else if (host.finished()) {
            line.getStyleClass().add("task-host-done");
        }
        return line;
    }

    private static HBox row(UiTask task, Consumer<UiTask> openLog) {
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("task-icon");
        Label word = new Label();
        word.getStyleClass().add("task-state-word");
        word.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(task.title());
        title.getStyleClass().add("task-title");
        title.setMinWidth(220);
        title.setTooltip(new Tooltip(task.title()));
        Label step = new Label();
        step.getStyleClass().add("task-step");
        step.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(step, Priority.ALWAYS);
        Label transfer = new Label();
        transfer.getStyleClass().add("task-transfer");
        transfer.textProperty().bind(task.transferProperty());
        transfer.visibleProperty().bind(task.transferProperty().isNotEmpty());
        transfer.managedProperty().bind(transfer.visibleProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(task.fractionProperty());
        bar.setPrefWidth(160);
        Button cancel = new Button("Cancel", new FontIcon("fth-x"));
        cancel.getStyleClass().add("task-cancel");
        cancel.setOnAction(e -> task.cancel());
        cancel.setTooltip(new Tooltip(task.stopNote().running() + " " + task.stopNote().whenStopped()));
        Button log = new Button("Log", new FontIcon("fth-file-text"));
        log.getStyleClass().add("task-log");
        log.setOnAction(e -> openLog.accept(task));
        HBox row = new HBox(10, icon, word, title, step, transfer, bar, cancel, log);
        row.getStyleClass().add("task-row");
        row.setMinHeight(ROW_HEIGHT);
        row.setPrefHeight(ROW_HEIGHT);
        row.setAlignment(Pos.CENTER_LEFT);
        Runnable showStep = () -> step.setText(task.stateProperty().get() == TaskState.QUEUED ? waitingFor(task) : task.stepProperty().get());
        task.stepProperty().addListener((o, a, b) -> showStep.run());
        task.log().addListener((ListChangeListener<String>) change -> {
            if (task.stateProperty().get() == TaskState.QUEUED) {
                showStep.run();
            }
        });
        Runnable state = () -> {
            TaskState now = task.stateProperty().get();
            row.getStyleClass().removeIf(s -> s.startsWith("task-state-"));
            row.getStyleClass().add(TaskStates.styleClass(now));
            icon.setIconLiteral(TaskStates.icon(now));
            word.setText(word(now));
            cancel.setDisable(now.finished());
            bar.setVisible(!now.finished() && now != TaskState.QUEUED);
            bar.setManaged(bar.isVisible());
            showStep.run();
        };
        task.stateProperty().addListener((o, a, b) -> state.run());
        state.run();
        return row;
    }

    /** What a queued task waits for, from its log's "queued: …" line. */
    static String waitingFor(UiTask task) {
        for (int i = task.log().size() - 1; i >= 0; i--) {
            String line = task.log().get(i);
            if (line.startsWith("queued: ")) {
                return line.substring("queued: ".length());
            }
        }
        return "waiting for its turn";
    }

    /** The state in a word, so that it does not rest on colour alone. */
    static String word(TaskState state) {
        return TaskStates.word(state);
    }
}
