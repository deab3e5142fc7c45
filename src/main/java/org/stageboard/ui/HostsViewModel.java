package org.stageboard.ui;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.LockInfo;
import org.stageboard.core.Project;
import org.stageboard.pipeline.HostActivity;
import org.stageboard.pipeline.HostStatus;
import org.stageboard.pipeline.RollbackChoice;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.board.BoardViewModel;
import org.stageboard.ui.board.Formats;
import org.stageboard.ui.board.HostSlot;
import org.stageboard.ui.task.TaskExecutor;

/**
 * The hosts in the Run lane: what they said last (from the catalog, at once), what they say now
 * (read in the background), and the actions on one host that must look at it first: break its
 * lock, see what a rollback would activate. When the catalog records work on some hosts (the CLI
 * or another window ran a deploy, a restart, broke a lock), those hosts, and only those, are read
 * again ({@link #readChanged}).
 */
public final class HostsViewModel {

    private final Stageboard engine;
    private final TaskExecutor executor;
    private final BoardViewModel board;
    private final Clock clock;
    private final Consumer<Notice> notify;
    private final Consumer<Throwable> fail;
    private final AtomicLong reads = new AtomicLong();
    private final Object marking = new Object();
    private HostActivity.Mark mark; // where the catalog was when the hosts were last looked at; guarded by marking
    private final List<String> readAgain = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Consumer<List<HostSlot>> onRead = slots -> { };
    private final HostReadQueue hostReads;
    private final LockFollow locks;

    HostsViewModel(Stageboard engine, TaskExecutor executor, BoardViewModel board, Clock clock,
                   Consumer<Notice> notify, Consumer<Throwable> fail) {
        this.engine = engine;
        this.executor = executor;
        this.board = board;
        this.clock = clock;
        this.notify = notify;
        this.fail = fail;
        this.hostReads = new HostReadQueue(executor.apart("stageboard-host-reads"));
        this.locks = new LockFollow(clock);
    }

    /** Shows readings on the board, and follows the hosts among them that show a lock ({@link LockFollow}). */
    private void show(List<HostSlot> slots) {
        locks.saw(slots);
        board.showHostReadings(slots);
    }

    /** True when a host whose slot shows a lock is due to be read again: the beat then calls {@link #readChanged}. */
    boolean lockReadDue() {
        return locks.anyDue();
    }

    /** The waits between reads of a host that shows a lock (tests). */
    void lockWaits(List<java.time.Duration> waits) {
        locks.waits(waits);
    }

    /** Shows what the hosts said when last read (catalog only, fast). */
    void showRemembered(Project project) {
        executor.call(() -> slots(engine.lastReadings(project)), this::show, fail);
    }

    /**
     * Reads every host of the project now, in the background, on the hosts' own line (never on
     * the executor of the user's actions); a newer read wins over an older one.
     */
    void read(Project project) {
        long ticket = reads.incrementAndGet();
        board.readingHosts(true);
        hostReads.submit(HostReadQueue.Scope.ALL, () -> {
            markNow();
            return slots(engine.readHosts(project, true));
        }, slots -> {
            if (ticket == reads.get()) {
                board.readingHosts(false);
                show(slots);
                onRead.accept(slots);
            }
        }, error -> {
            if (ticket == reads.get()) {
                board.readingHosts(false);
                fail.accept(error);
            }
        });
    }

    /**
     * The catalog changed: reads again, in the background, only the hosts of the project where a
     * run started or ended (or a lock was broken) since the hosts were last looked at, and those
     * whose slot shows a lock when they are due ({@link LockFollow}); nothing is read when no such
     * work was recorded and no lock is due. A host where this window's own run still runs is not
     * read (its progress shows on the slot; the window reads the hosts when it ends). Beats
     * coalesce: while a read runs, one more waits at most.
     */
    void readChanged(Project project) {
        hostReads.submit(HostReadQueue.Scope.CHANGED, () -> {
            HostActivity activity = engine.hostActivity();
            java.util.Set<Long> hosts;
            java.util.Set<Long> busyHere;
            synchronized (marking) {
                HostActivity.Since since = activity.since(mark);
                mark = since.next();
                hosts = new java.util.HashSet<>(since.hosts());
                busyHere = since.busyHere();
            }
            java.util.Set<Long> due = new java.util.HashSet<>(locks.takeDue());
            due.removeAll(busyHere); // this window's own run holds that lock: its progress shows
            hosts.addAll(due);
            if (hosts.isEmpty()) {
                return List.<HostSlot>of();
            }
            return slots(activity.readHosts(project, hosts));
        }, slots -> {
            if (!slots.isEmpty()) {
                slots.stream().map(s -> s.host().name()).distinct().forEach(readAgain::add);
                show(slots);
            }
        }, fail);
    }

    private void markNow() {
        HostActivity.Mark now = engine.hostActivity().mark();
        synchronized (marking) {
            mark = now;
        }
    }

    /** Called on the UI thread with what a read of every host of the project found. */
    void onRead(Consumer<List<HostSlot>> listener) {
        this.onRead = listener;
    }

    /** The names of the hosts read again because work was recorded on them, in order (for tests). */
    List<String> readAgain() {
        return List.copyOf(readAgain);
    }

    /** Reads the slot's lock from its host and hands it over to be confirmed; says so when there is none any more. */
    public void readLock(HostSlot slot, Consumer<LockInfo> confirm) {
        executor.call(() -> engine.lock(slot.environment(), slot.host()), lock -> {
            if (lock.isEmpty()) {
                notify.accept(Notice.info("There is no lock on " + slot.environment().name() + " on " + slot.host().name() + " any more."));
            } else {
                confirm.accept(lock.get());
            }
        }, fail);
    }

    /** What the confirmation of breaking a lock says: holder, release, since, heartbeat and why it looks stale. */
    public String lockText(HostSlot slot, LockInfo lock) {
        StringBuilder text = new StringBuilder();
        text.append("Held by: ").append(lock.holder() == null ? "an unknown holder" : lock.holder())
                .append(lock.actor() == null ? "" : " (" + lock.actor() + ")").append('\n');
        text.append("Release: ").append(lock.release() == null ? "not said" : lock.release()).append('\n');
        text.append("Since: ").append(lock.since() == null ? "not said" : Formats.time(lock.since(), clock.instant(), clock.getZone())
                + " (" + Formats.ago(lock.since(), clock.instant()) + ")").append('\n');
        text.append("Heartbeat: ").append(lock.heartbeatAgeSeconds() < 0 ? "unknown" : lock.heartbeatAgeSeconds() + " s ago").append('\n');
        String stale = lock.staleReason();
        text.append(stale != null ? "Stale: " + stale + "."
                : "Not stale: its heartbeat is recent, so the run holding it may still be working.");
        text.append("\n\nBreak it only if nobody is deploying ").append(slot.environment().name()).append(" to ")
                .append(slot.host().name()).append(". The break is recorded in the host's ledger.");
        return text.toString();
    }

    /** Breaks the lock if it is still held by {@code holder}, the one the user saw, then reads the hosts again. */
    public void breakLock(HostSlot slot, String holder, Runnable then) {
        String where = slot.environment().name() + " on " + slot.host().name();
        executor.call(() -> engine.breakLock(slot.environment(), slot.host(), holder), broken -> {
            notify.accept(broken ? Notice.info("Lock of " + where + " broken (it was held by " + holder + ").")
                    : Notice.info("There was no lock on " + where + " any more."));
            then.run();
        }, error -> {
            fail.accept(error);
            then.run();
        });
    }

    /** Reads the host's ledger and says which release a rollback would activate there, before anything changes. */
    public void rollbackChoice(Environment environment, Host host, Consumer<RollbackChoice> then) {
        executor.call(() -> engine.rollbackChoice(environment, host), then, fail);
    }

    private List<HostSlot> slots(List<HostStatus> statuses) {
        return statuses.stream().map(s -> new HostSlot(s.environment(), s.host(), s)).toList();
    }

    /** The newest runs on the slot's host for its environment (its "Recent runs"), read in the background. */
    public void recentRuns(HostSlot slot, Consumer<List<org.stageboard.core.Run>> then) {
        executor.call(() -> engine.recentRuns(slot.environment(), slot.host(), RECENT_RUNS), then, fail);
    }

    /** How many runs a host's "Recent runs" lists. */
    static final int RECENT_RUNS = 15;
}
