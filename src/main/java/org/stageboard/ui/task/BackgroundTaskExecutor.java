package org.stageboard.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.stageboard.ui.FxThread;

/** Runs work on a small pool of daemon threads and results on the FX thread. */
public final class BackgroundTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;

    public BackgroundTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "stageboard-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void runInBackground(Runnable work) {
        if (pool.isShutdown()) {
            // The window is closing: a result that arrives now (e.g. the live board's last poll) starts nothing more.
            return;
        }
        try {
            pool.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shut down between the check and the call: the same as above.
        }
    }

    @Override
    public void runOnUiThread(Runnable update) {
        FxThread.run(update);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
