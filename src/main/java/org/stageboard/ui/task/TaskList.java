package org.stageboard.ui.task;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.ui.ErrorText;

/** The background tasks the window shows at the bottom: started here, newest first. */
public final class TaskList {

    private static final int KEEP_FINISHED = 8;

    private final TaskExecutor executor;
    private final ObservableList<UiTask> tasks = FXCollections.observableArrayList();
    private final ObservableList<UiTask> tasksView = FXCollections.unmodifiableObservableList(tasks);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper();
    private final java.util.List<Consumer<UiTask>> finishedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TaskList(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Where the tasks run and report. */
    TaskExecutor executor() {
        return executor;
    }

    public ObservableList<UiTask> tasks() {
        return tasksView;
    }

    /** Tasks not ended yet, queued ones included. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Tasks waiting their turn (a build behind another build of its project). */
    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }

    /** Calls {@code listener} on the UI thread each time a task ends (for a notification). */
    public void onFinished(Consumer<UiTask> listener) {
        finishedListeners.add(listener);
    }

    /**
     * Starts work in the background. {@code onSuccess} (the work returned) and {@code onFailure}
     * (it threw) run on the UI thread; {@code describe} says how the returned result ended.
     */
    public <T> UiTask start(String title, Function<Progress, T> work, Function<T, Outcome> describe,
                            Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return start(title, StopNote.of(title), work, describe, onSuccess, onFailure);
    }

    /** As {@link #start(String, Function, Function, Consumer, Consumer)}, saying what stopping it would do. */
    public <T> UiTask start(String title, StopNote stopNote, Function<Progress, T> work, Function<T, Outcome> describe,
                            Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        UiTask task = new UiTask(title, stopNote, executor);
        tasks.add(0, task);
        task.stateProperty().addListener((o, before, now) -> countRunning());
        countRunning();
        executor.runInBackground(() -> {
            try {
                T result = work.apply(task.progress());
                executor.runOnUiThread(() -> {
                    Outcome outcome = describe.apply(result);
                    task.finish(outcome.state(), outcome.sentence());
                    onSuccess.accept(result);
                    ended(task);
                });
            } catch (CancelledException e) {
                executor.runOnUiThread(() -> {
                    task.finish(TaskState.CANCELLED, e.getMessage());
                    ended(task);
                });
            } catch (RuntimeException | Error e) {
                executor.runOnUiThread(() -> {
                    task.finish(TaskState.FAILED, ErrorText.of(e));
                    onFailure.accept(e);
                    ended(task);
                });
            }
        });
        return task;
    }

    /** The tasks still running, newest first. */
    public java.util.List<UiTask> running() {
        return tasks.stream().filter(t -> !t.stateProperty().get().finished()).toList();
    }

    /** Asks every running task to stop at its next check. */
    public void cancelAll() {
        running().forEach(UiTask::cancel);
    }

    /** Removes finished tasks from the list. */
    public void clearFinished() {
        tasks.removeIf(t -> t.stateProperty().get().finished());
    }

    private void ended(UiTask task) {
        prune();
        finishedListeners.forEach(listener -> listener.accept(task));
    }

    private void prune() {
        long finished = 0;
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).stateProperty().get().finished() && ++finished > KEEP_FINISHED) {
                tasks.remove(i--);
            }
        }
    }

    private void countRunning() {
        running.set((int) tasks.stream().filter(t -> !t.stateProperty().get().finished()).count());
        queued.set((int) tasks.stream().filter(t -> t.stateProperty().get() == TaskState.QUEUED).count());
    }
}
