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

    /** The step a build reports while it waits for its turn. */
    static final String QUEUED_STEP = "queued";

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
    private final ReadOnlyStringWrapper transfer = new ReadOnlyStringWrapper("");
    private final Transfer transferClock = new Transfer();
    private volatile boolean toast = true;

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

    /** The current upload, e.g. {@code 12.4 of 40.0 MB · 3.1 MB/s}; empty when none runs. */
    public ReadOnlyStringProperty transferProperty() {
        return transfer.getReadOnlyProperty();
    }

    /** Whether its end is worth a notification (not for a log view the user closed). */
    public boolean toast() {
        return toast;
    }

    /** No notification when this task ends (e.g. following a log, which ends when its view closes). */
    public UiTask withoutToast() {
        toast = false;
        return this;
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
        if (!state.get().finished() && !cancelRequested.get()) {
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
        transfer.set("");
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
                    // A build waits QUEUED behind another build of its project: its engine says so as a step.
                    state.set(QUEUED_STEP.equals(title) ? TaskState.QUEUED : TaskState.RUNNING);
                    if (!cancelRequested.get()) {
                        step.set(title);
                    }
                    fraction.set(-1);
                    transfer.set("");
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
        public void transferred(long bytes, long total) {
            long now = System.nanoTime();
            executor.runOnUiThread(() -> {
                if (!state.get().finished()) {
                    transfer.set(transferClock.report(bytes, total, now));
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
