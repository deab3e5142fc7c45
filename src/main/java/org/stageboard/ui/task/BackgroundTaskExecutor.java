package org.stageboard.ui.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.stageboard.ui.FxThread;

/**
 * Runs work on a small pool of daemon threads and results on the FX thread; work that must not
 * hold up the pool's (reading hosts) gets a thread of its own ({@link #apart}).
 */
public final class BackgroundTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;
    private final List<BackgroundTaskExecutor> apart = new CopyOnWriteArrayList<>();

    public BackgroundTaskExecutor(int threads) {
        this(threads, "stageboard-task");
    }

    private BackgroundTaskExecutor(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
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

    /** One daemon thread named {@code name}, apart from this pool; shut down with it. */
    @Override
    public TaskExecutor apart(String name) {
        BackgroundTaskExecutor own = new BackgroundTaskExecutor(1, name);
        apart.add(own);
        if (pool.isShutdown()) {
            own.shutdown();
        }
        return own;
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
        apart.forEach(BackgroundTaskExecutor::shutdown);
    }
}
