package org.stageboard.ui.task;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where view models send work: slow work (git, builds, SSH, bulk catalog reads) to the
 * background, and its results back to the UI thread. Tests use {@link SameThreadTaskExecutor}.
 */
public interface TaskExecutor {

    void runInBackground(Runnable work);

    void runOnUiThread(Runnable update);

    /**
     * An executor for background work that must never delay what the user starts (reading the
     * hosts, which can wait tens of seconds on a host that does not answer): its own thread,
     * its results on the same UI thread, shut down with this one. Where there is no pool to keep
     * apart from (a test's same-thread executor) it is this executor.
     */
    default TaskExecutor apart(String name) {
        return this;
    }

    /** Stops accepting work; running work is left to finish on daemon threads. */
    default void shutdown() {
    }

    /** Computes a value in the background and hands it, or the failure, to the UI thread. */
    default <T> void call(Supplier<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        runInBackground(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                runOnUiThread(() -> onFailure.accept(e));
                return;
            }
            runOnUiThread(() -> onSuccess.accept(result));
        });
    }
}
