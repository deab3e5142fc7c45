package org.stageboard.ui.log;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Keeps a log viewer's chooser ({@link LogChoices}) in step with work that runs: every
 * {@link #PERIOD} it asks, in the background, whether the work has ended and which logs it has
 * now (a build's steps appear once planned, their states change), and gives the list to the
 * chooser on the UI thread. The list read after the work ended is the last one: then it stops.
 * Nothing here reads on the FX thread.
 */
public final class LogChoicesFollow {

    /** How often the list of logs is read again while the work runs. */
    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final Supplier<List<LogSource>> sources;
    private final Supplier<Optional<String>> outcome;
    private final TaskExecutor executor;
    private final LogChoices choices;
    private final Consumer<Throwable> failed;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final Repeat repeat = new Repeat("stageboard-log-choices");

    /**
     * @param sources the work's logs now (called in the background)
     * @param outcome how the work ended, empty while it runs (called in the background before the logs are listed)
     * @param failed  told on the UI thread when the logs could not be listed (tried again on the next beat)
     */
    public LogChoicesFollow(Supplier<List<LogSource>> sources, Supplier<Optional<String>> outcome, TaskExecutor executor,
                            LogChoices choices, Consumer<Throwable> failed) {
        this.sources = sources;
        this.outcome = outcome;
        this.executor = executor;
        this.choices = choices;
        this.failed = failed;
    }

    /** Lists at once, then every {@code period} on a daemon thread, until the work ended or {@link #stop()}. */
    public void start(Duration period) {
        repeat.start(period, this::poll);
    }

    /** Stops following (the view closed); the logs listed stay. */
    public void stop() {
        repeat.stop();
    }

    public boolean stopped() {
        return repeat.stopped();
    }

    /** One poll: whether the work ended, then its logs; a poll still under way is not doubled. */
    public void poll() {
        if (repeat.stopped() || !polling.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.runInBackground(() -> {
                boolean ended;
                List<LogSource> found;
                try {
                    ended = outcome.get().isPresent();
                    found = List.copyOf(sources.get());
                } catch (RuntimeException e) {
                    executor.runOnUiThread(() -> {
                        polling.set(false);
                        if (!repeat.stopped()) {
                            failed.accept(e);
                        }
                    });
                    return;
                }
                executor.runOnUiThread(() -> {
                    polling.set(false);
                    if (repeat.stopped()) {
                        return;
                    }
                    choices.update(found);
                    if (ended) {
                        stop();
                    }
                });
            });
        } catch (RuntimeException e) {
            polling.set(false); // the executor no longer takes work (the window is closing)
            stop();
        }
    }
}
