package org.stageboard.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * What the task panel shows, without controls: this window's tasks ({@link TaskList}), the work
 * started elsewhere on its catalog ({@link ElsewhereWork}), the counts in the header
 * ({@code 1 running · 1 queued · 1 started elsewhere}) and whether there is nothing to show.
 */
public final class TaskPanelModel {

    private final TaskList tasks;
    private final ElsewhereWork elsewhere;
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("No tasks running");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);

    public TaskPanelModel(TaskList tasks, ElsewhereWork elsewhere) {
        this.tasks = tasks;
        this.elsewhere = elsewhere;
        tasks.runningProperty().addListener((o, a, b) -> update());
        tasks.queuedProperty().addListener((o, a, b) -> update());
        tasks.tasks().addListener((ListChangeListener<UiTask>) change -> update());
        elsewhere.items().addListener((ListChangeListener<Object>) change -> update());
        update();
    }

    public TaskList tasks() {
        return tasks;
    }

    public ElsewhereWork elsewhere() {
        return elsewhere;
    }

    /** {@code 2 running · 1 queued · 1 started elsewhere}; empty when nothing runs. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The status bar's words: {@code No tasks running}, {@code 1 task running · 1 queued · 2 started elsewhere}. */
    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    public static String statusLine(int running, int queued, int elsewhere) {
        String text = running == 0 ? "No tasks running" : running == 1 ? "1 task running" : running + " tasks running";
        if (queued > 0) {
            text += " · " + queued + " queued";
        }
        return elsewhere == 0 ? text : text + " · " + elsewhere + " started elsewhere";
    }

    /** True when there is no task and no work elsewhere to show. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public void clearFinished() {
        tasks.clearFinished();
    }

    /** The header's counts: running here, queued here, and started elsewhere (running or queued there). */
    public static String counts(int running, int queued, int elsewhere) {
        StringBuilder text = new StringBuilder();
        if (running > 0 || queued > 0) {
            text.append(running).append(" running");
            if (queued > 0) {
                text.append(" · ").append(queued).append(" queued");
            }
        }
        if (elsewhere > 0) {
            text.append(text.isEmpty() ? "" : " · ").append(elsewhere).append(" started elsewhere");
        }
        return text.toString();
    }

    private void update() {
        int queued = tasks.queuedProperty().get();
        counts.set(counts(tasks.runningProperty().get() - queued, queued, elsewhere.items().size()));
        statusLine.set(statusLine(tasks.runningProperty().get() - queued, queued, elsewhere.items().size()));
        empty.set(tasks.tasks().isEmpty() && elsewhere.items().isEmpty());
    }
}
