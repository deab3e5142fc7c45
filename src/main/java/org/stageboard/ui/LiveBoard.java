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
 * their elapsed time and step. Other parts of the window that follow the catalog (the task
 * panel's work started elsewhere) follow this beat ({@link #follow}) instead of polling on their
 * own: one read of the stamp per beat serves them all. Nothing here runs on the FX thread but the
 * refreshes it asks for.
 */
public final class LiveBoard {

    public static final Duration PERIOD = Duration.ofSeconds(2);

    private final Supplier<CatalogWatch.Stamp> stamps;
    private final TaskExecutor executor;
    private final java.util.List<Follower> followers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile CatalogWatch.Stamp last;
    private volatile boolean stopped;
    private javafx.beans.value.ObservableValue<Boolean> shown; // kept: the window's showing, followed by whileShown
    private ScheduledExecutorService timer;

    /**
     * @param stamps   reads the catalog's stamp (called in the background)
     * @param changed  runs on the UI thread when the stamp moved
     * @param working  whether work runs, here or elsewhere: the board is then read on every beat (read on the UI thread)
     */
    public LiveBoard(Supplier<CatalogWatch.Stamp> stamps, TaskExecutor executor, Runnable changed, Supplier<Boolean> working) {
        this.stamps = stamps;
        this.executor = executor;
        followers.add(new Follower(changed, working));
    }

    /** Something that follows the beat: told when the stamp moved, or on every beat while it says work runs. */
    private record Follower(Runnable changed, Supplier<Boolean> working) {
    }

    /**
     * Follows this beat too, until the returned action is run: {@code changed} runs on the UI
     * thread when the stamp moved since the last beat, and on every beat while {@code working}
     * (read on the UI thread) says so. No poll of its own: the stamp is read once per beat for all.
     */
    public Runnable follow(Runnable changed, Supplier<Boolean> working) {
        Follower follower = new Follower(changed, working);
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** How many follow this beat, the board included (for tests). */
    public int followers() {
        return followers.size();
    }

    /** True while the beat polls (between {@link #start} and {@link #stop}). */
    public synchronized boolean running() {
        return timer != null;
    }

    /**
     * Polls every {@code period} while {@code content} shows in a window: from when its window
     * shows until it is closed (hidden), when the timer stops and a poll under way changes nothing.
     */
    public void whileShown(javafx.scene.Node content, Duration period) {
        shown = content.sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(javafx.stage.Window::showingProperty)
                .orElse(false);
        shown.addListener((o, before, now) -> {
            if (now) {
                start(period);
            } else {
                stop();
            }
        });
        if (shown.getValue()) {
            start(period);
        }
    }

    /** Starts polling every {@code period} on a daemon thread; a second start does nothing. */
    public synchronized void start(Duration period) {
        if (timer != null) {
            return;
        }
        stopped = false;
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stageboard-live");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling; a poll under way then changes nothing (the window is closing, its executor may be gone). */
    public synchronized void stop() {
        stopped = true;
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
        if (stopped || !polling.compareAndSet(false, true)) {
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
            if (stopped) {
                return; // a late answer after the window closed
            }
            boolean moved = !stamp.equals(last); // the first poll refreshes too: a change may have come before it
            last = stamp;
            for (Follower follower : followers) {
                try {
                    if (moved || follower.working().get()) {
                        follower.changed().run();
                    }
                } catch (RuntimeException e) { // one follower's failure does not keep the others from their beat
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
                }
            }
        }, error -> polling.set(false)); // a catalog that cannot be read now is tried again at the next poll
    }
}
