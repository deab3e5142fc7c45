package org.stageboard.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Progress;

/**
 * One piece of background work as the window shows it: title, current step, progress, state and
 * log lines. The engine reports through {@link #progress()} from any thread; the published
 * state changes on the UI thread only.
 */
public final class UiTask {

    static final int MAX_LOG_LINES = 10_000;

    private final String title;
    private final StopNote stopNote;
    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("waiting");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<TaskState> state = new ReadOnlyObjectWrapper<>(TaskState.RUNNING);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final Queue<String> pendingLines = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Progress progress = new Reporter();
    private final ReadOnlyObjectWrapper<HostRows> hostRows = new ReadOnlyObjectWrapper<>();

    UiTask(String title, StopNote stopNote, TaskExecutor executor) {
        this.title = title;
        this.stopNote = stopNote;
        this.executor = executor;
    }

    public String title() {
        return title;
    }

    /** What this task is and what stopping it does, in the user's words. */
    public StopNote stopNote() {
        return stopNote;
    }

    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** A short sentence on how the task ended, empty while running. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ObservableList<String> log() {
        return logView;
    }

    /** One row per host, for a task over several hosts (a deploy); null for others. */
    public ReadOnlyObjectProperty<HostRows> hostRowsProperty() {
        return hostRows.getReadOnlyProperty();
    }

    /** Shows these host rows with the task (on the UI thread). */
    public void showHostRows(HostRows rows) {
        hostRows.set(rows);
    }

    /** The engine-facing side: thread-safe, cancellable. */
    public Progress progress() {
        return progress;
    }

    /** Asks the work to stop at its next check. */
    public void cancel() {
        if (!state.get().finished()) {
            cancelRequested.set(true);
            step.set("cancelling…");
        }
    }

    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    void finish(TaskState end, String sentence) {
        drainLog();
        state.set(end);
        outcome.set(sentence);
        fraction.set(end == TaskState.SUCCEEDED ? 1 : fraction.get() < 0 ? 0 : fraction.get());
        step.set(sentence);
        if (!sentence.isBlank()) {
            appendLines(List.of("== " + sentence));
        }
    }

    private void drainLog() {
        drainScheduled.set(false);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = pendingLines.poll()) != null) {
            lines.add(line);
        }
        appendLines(lines);
    }

    private void appendLines(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        log.addAll(lines);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    private final class Reporter implements Progress {
        @Override
        public void step(String title) {
            pendingLines.add("-- " + title);
            executor.runOnUiThread(() -> {
                if (!state.get().finished()) {
                    step.set(title);
                    fraction.set(-1);
                }
            });
            scheduleDrain();
        }

        @Override
        public void log(String line) {
            pendingLines.add(line);
            scheduleDrain();
        }

        @Override
        public void fraction(double done) {
            executor.runOnUiThread(() -> {
                if (!state.get().finished()) {
                    fraction.set(done);
                }
            });
        }

        @Override
        public boolean isCancelled() {
            return cancelRequested.get();
        }

        private void scheduleDrain() {
            if (drainScheduled.compareAndSet(false, true)) {
                executor.runOnUiThread(UiTask.this::drainLog);
            }
        }
    }
}
