package org.stageboard.ui;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.stageboard.pipeline.CatalogWatch;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Keeps the board following the catalog without a Refresh click: every couple of seconds it reads
 * the catalog's change stamp in the background (one cheap query), and only when the stamp moved
 * (the CLI, another window or this one recorded something) does the window read the board again.
 * While tasks of this window run it refreshes on every poll as well, so that running cards show
 * their elapsed time and step. Nothing here runs on the FX thread but the refresh it asks for.
 */
public final class LiveBoard {

    public static final Duration PERIOD = Duration.ofSeconds(2);

    private final Supplier<CatalogWatch.Stamp> stamps;
    private final TaskExecutor executor;
    private final Runnable changed;
    private final Supplier<Boolean> working;
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile CatalogWatch.Stamp last;
    private ScheduledExecutorService timer;

    /**
     * @param stamps   reads the catalog's stamp (called in the background)
     * @param changed  runs on the UI thread when the stamp moved
     * @param working  whether work runs, here or elsewhere: the board is then read on every beat (read on the UI thread)
     */
    public LiveBoard(Supplier<CatalogWatch.Stamp> stamps, TaskExecutor executor, Runnable changed, Supplier<Boolean> working) {
        this.stamps = stamps;
        this.executor = executor;
        this.changed = changed;
        this.working = working;
    }

    /** Starts polling every {@code period} on a daemon thread; a second start does nothing. */
    public synchronized void start(Duration period) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stageboard-live");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /**
     * One poll: reads the stamp in the background and, on the UI thread, asks for a refresh when
     * it moved since the last poll (or while tasks run). A poll still under way is not doubled.
     */
    public void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            read();
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            polling.set(false); // the window is closing: its executor takes no more work
        }
    }

    private void read() {
        executor.call(stamps, stamp -> {
            polling.set(false);
            boolean moved = !stamp.equals(last); // the first poll refreshes too: a change may have come before it
            last = stamp;
            if (moved || working.get()) {
                changed.run();
            }
        }, error -> polling.set(false)); // a catalog that cannot be read now is tried again at the next poll
    }
}
