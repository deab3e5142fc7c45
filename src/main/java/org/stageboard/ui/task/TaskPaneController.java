package org.stageboard.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.stageboard.pipeline.ActiveWork;
import org.stageboard.ui.dialog.Confirm;

/**
 * Binds task-pane.fxml to a {@link TaskPanelModel}: the header's counts, and one row per task
 * (state icon and word, title, step, upload, progress, Cancel, Log; a deploy's host lines under
 * it) and per piece of work started elsewhere (state, title, step, who started it, Log). Nothing
 * here decides; it shows the model and forwards clicks.
 */
public final class TaskPaneController {

    static final double ROW_HEIGHT = 32;

    @FXML private Label counts;
    @FXML private Button clear;
    @FXML private VBox rows;
    @FXML private Label none;

    private TaskPanelModel model;
    private Consumer<UiTask> openLog;
    private Consumer<ActiveWork.Item> openWorkLog;

    /** Shows the model; {@code openLog} opens a task's log, {@code openWorkLog} that of work started elsewhere. Call once. */
    public void bind(TaskPanelModel model, Consumer<UiTask> openLog, Consumer<ActiveWork.Item> openWorkLog) {
        this.model = model;
        this.openLog = openLog;
        this.openWorkLog = openWorkLog;
        counts.textProperty().bind(model.countsProperty());
        model.tasks().tasks().addListener((ListChangeListener<UiTask>) change -> show());
        model.elsewhere().items().addListener((ListChangeListener<ActiveWork.Item>) change -> show());
        model.elsewhere().stopping().addListener((javafx.collections.MapChangeListener<String, String>) change -> show());
        show();
    }

    @FXML
    void clearFinished() {
        model.clearFinished();
    }

    private void show() {
        if (model.emptyProperty().get()) {
            rows.getChildren().setAll(none);
            return;
        }
        List<Node> shown = new ArrayList<>();
        model.tasks().tasks().forEach(task -> shown.add(withHosts(task, row(task))));
        model.elsewhere().items().forEach(item -> shown.add(elsewhereRow(item)));
        rows.getChildren().setAll(shown);
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
            hosts.getChildren().setAll(model.rows().stream().map(TaskPaneController::hostLine).toList());
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

    private HBox row(UiTask task) {
        FontIcon icon = icon();
        Label word = word();
        Label title = title(task.title());
        Label step = step();
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
        Button log = logButton(() -> openLog.accept(task));
        HBox row = row(icon, word, title, step, transfer, bar, cancel, log);
        Runnable showStep = () -> step.setText(task.stateProperty().get() == TaskState.QUEUED ? waitingFor(task) : task.stepProperty().get());
        task.stepProperty().addListener((o, a, b) -> showStep.run());
        task.log().addListener((ListChangeListener<String>) change -> {
            if (task.stateProperty().get() == TaskState.QUEUED) {
                showStep.run();
            }
        });
        Runnable state = () -> {
            TaskState now = task.stateProperty().get();
            showState(row, icon, word, now);
            cancel.setDisable(now.finished());
            bar.setVisible(!now.finished() && now != TaskState.QUEUED);
            bar.setManaged(bar.isVisible());
            showStep.run();
        };
        task.stateProperty().addListener((o, a, b) -> state.run());
        state.run();
        return row;
    }

    /**
     * A build or deploy another process runs: its state, title, step, who started it, and Log.
     * Cancel when a CLI command on this machine runs it (after a question: it stops that command);
     * otherwise the row says where to cancel it.
     */
    private HBox elsewhereRow(ActiveWork.Item item) {
        FontIcon icon = icon();
        Label word = word();
        Label title = title(item.title());
        Label step = step();
        String stopping = model.elsewhere().stopping().get(item.key());
        step.setText(stopping != null ? stopping : item.step());
        Label origin = new Label(item.stoppable() ? item.startedBy() : item.startedBy() + " · cancel it there", new FontIcon("fth-terminal"));
        origin.getStyleClass().add("task-origin");
        origin.setMinWidth(Region.USE_PREF_SIZE);
        Button log = logButton(() -> openWorkLog.accept(item));
        HBox row;
        if (item.stoppable()) {
            origin.setTooltip(new Tooltip("Started outside this window (" + item.startedBy() + "). Cancel stops that command, as Ctrl-C in its terminal would."));
            Button cancel = new Button("Cancel", new FontIcon("fth-x"));
            cancel.getStyleClass().add("task-cancel");
            cancel.setDisable(stopping != null);
            cancel.setTooltip(new Tooltip("Stops the CLI command that runs this: it cancels it, records it cancelled and exits."));
            cancel.setOnAction(e -> {
                if (Confirm.ask(cancel.getScene().getWindow(), "Cancel work started in the CLI", "Stop " + item.title() + "?",
                        "It runs in a CLI command on this computer (" + item.startedBy() + "). Cancel stops that command as Ctrl-C in its"
                                + " terminal would: a build stops and is recorded cancelled; a deploy puts the host back and releases its lock.",
                        "Stop it", "confirmStopElsewhere", "Keep it running")) {
                    model.elsewhere().stop(item);
                }
            });
            row = row(icon, word, title, step, origin, cancel, log);
        } else {
            origin.setTooltip(new Tooltip("Started outside this window (" + item.startedBy() + "). This window cannot stop it: "
                    + "cancel it where it was started (Ctrl-C in that terminal, or Cancel in that window)."));
            row = row(icon, word, title, step, origin, log);
        }
        row.getStyleClass().add("task-elsewhere");
        showState(row, icon, word, item.queued() ? TaskState.QUEUED : TaskState.RUNNING);
        return row;
    }

    private static HBox row(Node... parts) {
        HBox row = new HBox(10, parts);
        row.getStyleClass().add("task-row");
        row.setMinHeight(ROW_HEIGHT);
        row.setPrefHeight(ROW_HEIGHT);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static void showState(HBox row, FontIcon icon, Label word, TaskState now) {
        row.getStyleClass().removeIf(s -> s.startsWith("task-state-"));
        row.getStyleClass().add(TaskStates.styleClass(now));
        icon.setIconLiteral(TaskStates.icon(now));
        word.setText(TaskStates.word(now));
    }

    private static FontIcon icon() {
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("task-icon");
        return icon;
    }

    private static Label word() {
        Label word = new Label();
        word.getStyleClass().add("task-state-word");
        word.setMinWidth(Region.USE_PREF_SIZE);
        return word;
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("task-title");
        title.setMinWidth(220);
        title.setTooltip(new Tooltip(text));
        return title;
    }

    private static Label step() {
        Label step = new Label();
        step.getStyleClass().add("task-step");
        step.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(step, Priority.ALWAYS);
        return step;
    }

    private static Button logButton(Runnable open) {
        Button log = new Button("Log", new FontIcon("fth-file-text"));
        log.getStyleClass().add("task-log");
        log.setOnAction(e -> open.run());
        return log;
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
}
