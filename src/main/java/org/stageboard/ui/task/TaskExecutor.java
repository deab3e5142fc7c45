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
