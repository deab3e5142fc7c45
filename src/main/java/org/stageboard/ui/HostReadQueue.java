package org.stageboard.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.stageboard.ui.task.TaskExecutor;

/**
 * The window's reads of its hosts, one at a time on a thread of their own, apart from the
 * executor that runs what the user starts (builds, dialogs, deploys): a host that does not
 * answer holds only this line, never a user's action. At most one read waits behind the one
 * under way: a newer request takes its place (beats coalesce), and a waiting read of every host
 * is not replaced by a read of the changed hosts only (it reads them too).
 */
final class HostReadQueue {

    /** What a read covers: the hosts where work was recorded, or every host (which covers the former). */
    enum Scope { CHANGED, ALL }

    private final TaskExecutor line;
    private boolean busy; // guarded by this
    private Scope waitingScope; // guarded by this
    private Runnable waiting; // guarded by this

    HostReadQueue(TaskExecutor line) {
        this.line = line;
    }

    /**
     * Reads in the background, after the read under way if there is one; {@code onSuccess} or
     * {@code onFailure} run on the UI thread. Dropped when a newer request replaces it while it waits.
     */
    <T> void submit(Scope scope, Supplier<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Runnable job = () -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                line.runOnUiThread(() -> onFailure.accept(e));
                return;
            }
            line.runOnUiThread(() -> onSuccess.accept(result));
        };
        synchronized (this) {
            if (busy) {
                if (waiting == null || scope.compareTo(waitingScope) >= 0) {
                    waiting = job;
                    waitingScope = scope;
                }
                return;
            }
            busy = true;
        }
        start(job);
    }

    /** True while a read runs or waits (for tests). */
    synchronized boolean busy() {
        return busy;
    }

    private void start(Runnable job) {
        line.runInBackground(() -> {
            try {
                job.run();
            } finally {
                next();
            }
        });
    }

    private void next() {
        Runnable job;
        synchronized (this) {
            job = waiting;
            waiting = null;
            waitingScope = null;
            if (job == null) {
                busy = false;
                return;
            }
        }
        start(job);
    }
}
