package org.stageboard.ui.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Follows a log file while the work that writes it runs: every {@link #PERIOD} it asks, in the
 * background, whether the work has ended and reads what was written since the last poll
 * ({@link LogTail}); the new lines go to the view model on the UI thread. Once the work has ended
 * and its log is read to the end, the view says how it ended and the polling stops. Nothing here
 * reads on the FX thread.
 */
public final class LogStream {

    /** How often a followed log is read again. */
    public static final Duration PERIOD = Duration.ofMillis(500);

    private final LogTail tail;
    private final Supplier<Optional<String>> outcome;
    private final TaskExecutor executor;
    private final LogViewModel model;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final Repeat repeat = new Repeat("stageboard-log-follow");

    /**
     * @param outcome how the work ended in a few words ({@code build succeeded}), empty while it
     *                runs; called in the background before each read, so that the last lines are read after it ended
     */
    public LogStream(LogTail tail, Supplier<Optional<String>> outcome, TaskExecutor executor, LogViewModel model) {
        this.tail = tail;
        this.outcome = outcome;
        this.executor = executor;
        this.model = model;
        model.setFeed(LogViewModel.Feed.LIVE);
        model.setState("live: new lines show as they are written");
    }

    /** Reads at once, then every {@code period} on a daemon thread, until the work ended or {@link #stop()}. */
    public void start(Duration period) {
        repeat.start(period, this::poll);
    }

    /** Stops following (the view closed, or another log was chosen); lines already read stay. */
    public void stop() {
        repeat.stop();
    }

    public boolean stopped() {
        return repeat.stopped();
    }

    /** One poll: whether the work ended, then the new lines; a poll still under way is not doubled. */
    public void poll() {
        if (repeat.stopped() || !polling.compareAndSet(false, true)) {
            return;
        }
        executor.runInBackground(() -> {
            Optional<String> ended;
            List<String> lines;
            boolean caughtUp;
            try {
                ended = outcome.get();
                lines = new ArrayList<>(tail.read());
                caughtUp = !tail.behind();
                if (ended.isPresent() && caughtUp) {
                    lines.addAll(tail.rest());
                }
            } catch (RuntimeException e) {
                executor.runOnUiThread(() -> {
                    polling.set(false);
                    if (!repeat.stopped()) {
                        model.setState("could not read the log now (tried again): " + ErrorText.of(e));
                    }
                });
                return;
            }
            executor.runOnUiThread(() -> {
                polling.set(false);
                if (repeat.stopped()) {
                    return;
                }
                model.append(lines);
                if (ended.isPresent() && caughtUp) {
                    stop();
                    model.setFeed(LogViewModel.Feed.ENDED);
                    model.setState("finished: " + ended.get());
                }
            });
        });
    }
}
