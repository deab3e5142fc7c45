package org.stageboard.ui.log;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A poll repeated on a daemon thread of its own, at once then every period, until stopped for
 * good: how the log viewer follows the lines and the logs of work that runs.
 */
final class Repeat {

    private final String threadName;
    private volatile boolean stopped;
    private ScheduledExecutorService timer;

    Repeat(String threadName) {
        this.threadName = threadName;
    }

    /** Runs {@code poll} at once, then every {@code period}; a second start, or one after {@link #stop()}, does nothing. */
    synchronized void start(Duration period, Runnable poll) {
        if (timer != null || stopped) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(poll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops for good. */
    synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    boolean stopped() {
        return stopped;
    }
}
