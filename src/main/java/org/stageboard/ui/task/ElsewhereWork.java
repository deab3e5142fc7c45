package org.stageboard.ui.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.pipeline.ActiveWork;
import org.stageboard.ui.LiveBoard;

/**
 * The builds and deploys another process runs on this window's catalog (the CLI, another window),
 * for the task panel: read in the background on the live board's beat ({@link LiveBoard#follow},
 * every {@link LiveBoard#PERIOD}: when the catalog's stamp moved, and on every beat while any runs,
 * so that their steps show). It has no poll of its own: the board's one read of the stamp per beat
 * serves both, and once the board's beat stops (the window closed) nothing here is read any more.
 * Work that is no longer there has ended: it leaves the list, and how it ended is read from the
 * catalog and handed to the listeners (for a notification). The list changes on the UI thread only.
 */
public final class ElsewhereWork {

    private final Supplier<List<ActiveWork.Item>> read;
    private final Function<ActiveWork.Item, Optional<ActiveWork.Ended>> ended;
    private final Function<ActiveWork.Item, String> stopper;
    private final TaskExecutor executor;
    private final LiveBoard beat;
    private Runnable unfollow;
    private final ObservableList<ActiveWork.Item> items = FXCollections.observableArrayList();
    private final ObservableList<ActiveWork.Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final List<Consumer<Toast>> endedListeners = new CopyOnWriteArrayList<>();
    private final javafx.collections.ObservableMap<String, String> stopping = FXCollections.observableHashMap();
    private long reads;

    /**
     * @param read   the unfinished work to show (called in the background)
     * @param ended  how a piece of work ended, empty while it has not (called in the background)
     * @param beat   the live board whose beat this follows; null for none (then only {@link #refresh} reads)
     */
    public ElsewhereWork(Supplier<List<ActiveWork.Item>> read, Function<ActiveWork.Item, Optional<ActiveWork.Ended>> ended,
                         LiveBoard beat, TaskExecutor executor) {
        this(read, ended, item -> {
            throw new org.stageboard.core.StageboardException("This window cannot stop work " + item.startedBy() + ": cancel it there.");
        }, beat, executor);
    }

    /** As above; {@code stopper} stops a piece of work whose item says it is stoppable, and says what it did (called in the background). */
    public ElsewhereWork(Supplier<List<ActiveWork.Item>> read, Function<ActiveWork.Item, Optional<ActiveWork.Ended>> ended,
                         Function<ActiveWork.Item, String> stopper, LiveBoard beat, TaskExecutor executor) {
        this.read = read;
        this.ended = ended;
        this.stopper = stopper;
        this.executor = executor;
        this.beat = beat;
    }

    /** The work another process runs on the engine's catalog, read through {@link ActiveWork}, on the board's beat. */
    public static ElsewhereWork of(ActiveWork work, LiveBoard beat, TaskExecutor executor) {
        return new ElsewhereWork(work::elsewhere, item -> work.ended(item.kind(), item.id()), item -> work.stop(item.kind(), item.id()),
                beat, executor);
    }

    /** None at all: for a panel without a catalog. */
    public static ElsewhereWork none(TaskExecutor executor) {
        return new ElsewhereWork(List::of, item -> Optional.empty(), null, executor);
    }

    /** The work shown, oldest first; changed on the UI thread only. */
    public ObservableList<ActiveWork.Item> items() {
        return itemsView;
    }

    /** Calls {@code listener} on the UI thread when shown work has ended, with what the notification says. */
    public void onEnded(Consumer<Toast> listener) {
        endedListeners.add(listener);
    }

    /**
     * Follows the catalog on the live board's beat (which the window starts and stops); a second
     * start does nothing. Call on the UI thread.
     */
    public void start() {
        if (beat != null && unfollow == null) {
            unfollow = beat.follow(this::refresh, () -> !items.isEmpty());
        }
    }

    /** Stops following the beat (the panel no longer shows); the board's beat goes on. Call on the UI thread. */
    public void stop() {
        if (unfollow != null) {
            unfollow.run();
            unfollow = null;
        }
    }

    /** True while this follows the board's beat. */
    public boolean following() {
        return unfollow != null;
    }

    /**
     * Stops a piece of work a CLI command on this machine runs (its item is {@code stoppable}), in
     * the background. Until the command has recorded it cancelled (it then leaves the list, with a
     * notification), {@link #stopping()} says for its key what was done, or why it could not be.
     */
    public void stop(ActiveWork.Item item) {
        stopping.put(item.key(), "stopping: asking the CLI command to cancel…");
        executor.call(() -> stopper.apply(item), said -> {
            stopping.put(item.key(), said);
            refresh();
        }, error -> stopping.put(item.key(), "could not stop it: " + org.stageboard.ui.ErrorText.of(error)));
    }

    /** Per item key, what stopping it did so far (see {@link #stop}); changed on the UI thread only. */
    public javafx.collections.ObservableMap<String, String> stopping() {
        return stopping;
    }

    /** Reads the work in the background and shows it; a newer read wins over an older one. */
    public void refresh() {
        long ticket = ++reads;
        executor.call(read, now -> {
            if (ticket == reads) {
                apply(now);
            }
        }, error -> { }); // a catalog that cannot be read now is read again on the next beat
    }

    private void apply(List<ActiveWork.Item> now) {
        Map<String, ActiveWork.Item> next = new LinkedHashMap<>();
        now.forEach(item -> next.put(item.key(), item));
        List<ActiveWork.Item> gone = new ArrayList<>();
        for (ActiveWork.Item item : items) {
            if (!next.containsKey(item.key())) {
                gone.add(item);
            }
        }
        for (int i = 0; i < items.size(); i++) {
            ActiveWork.Item fresh = next.remove(items.get(i).key());
            if (fresh == null) {
                items.remove(i--);
            } else if (!fresh.equals(items.get(i))) {
                items.set(i, fresh);
            }
        }
        items.addAll(next.values());
        stopping.keySet().removeIf(key -> items.stream().noneMatch(item -> item.key().equals(key)));
        gone.forEach(this::tellEnded);
    }

    private void tellEnded(ActiveWork.Item item) {
        executor.call(() -> ended.apply(item), outcome -> outcome.ifPresent(end -> {
            Toast toast = toast(item, end);
            endedListeners.forEach(listener -> listener.accept(toast));
        }), error -> { });
    }

    /** The notification for work started elsewhere that ended: {@code Done · Build #4 of shop (abc1234)}, how and where. */
    public static Toast toast(ActiveWork.Item item, ActiveWork.Ended end) {
        TaskState state = end.cancelled() ? TaskState.CANCELLED : end.ok() ? TaskState.SUCCEEDED : TaskState.FAILED;
        String text = end.sentence() + " (" + item.startedBy() + ")";
        return new Toast(state, TaskStates.word(state) + " · " + item.title(), text.length() > 160 ? text.substring(0, 157) + "…" : text);
    }
}
