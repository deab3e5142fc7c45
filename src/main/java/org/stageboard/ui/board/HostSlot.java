package org.stageboard.ui.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.HostState;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.Difference;
import org.stageboard.core.LockInfo;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.pipeline.HostStatus;

/**
 * One host of one environment in the Run lane: what the host says runs there, since when and by
 * whom, when it was read, and a flag for every difference from the catalog. {@code status} is null
 * until the host has been read once.
 */
public record HostSlot(Environment environment, Host host, HostStatus status) {

    /** A host the board knows of but has not read yet. */
    public static HostSlot unread(Environment environment, Host host) {
        return new HostSlot(environment, host, null);
    }

    /** The same reading, for the environment and host records of a newer snapshot. */
    HostSlot on(Environment environment, Host host) {
        return new HostSlot(environment, host, status);
    }

    /** What the host said, or null when it has not been read or could not be. */
    public HostState state() {
        return status == null ? null : status.state();
    }

    /** What runs there by the host's word, e.g. {@code staging v2 · app up for 5 min · healthy}. */
    public String summary() {
        if (status == null) {
            return "not read yet";
        }
        // The reason is on the NOT READ flag just below: said once.
        return status.state() == null ? "could not be read" : status.summary();
    }

    /**
     * For a host that could not be read now: what it said at the last read that worked, with that
     * read's time ({@code last read that worked, 10:42:05: staging v1 · app up for 9 min}), or that
     * none did; empty when the host was read.
     */
    public String lastGoodLine(Clock clock) {
        if (status == null || status.state() != null) {
            return "";
        }
        HostStatus last = status.lastGood();
        if (last == null || last.state() == null) {
            return "no read of it has worked yet: nothing known of what it runs";
        }
        return "last read that worked, " + Formats.time(last.readAt(), clock.instant(), clock.getZone()) + ": " + last.summary();
    }

    /** Who put the current release there and when, from the host's ledger; empty when it does not say. */
    public String since(Clock clock) {
        LedgerEntry entry = state() == null ? null : state().currentEntry();
        if (entry == null || entry.time() == null) {
            return "";
        }
        return "since " + Formats.clock(entry.time(), clock.instant(), clock.getZone())
                + (entry.actor() == null ? "" : " by " + entry.actor())
                + (entry.kind() == null ? "" : " (" + entry.doing() + ")");
    }

    /** When the host was read: {@code read 10:42:05}, marked when remembered from an earlier read. */
    public String readLine(Clock clock) {
        if (status == null || status.readAt() == null) {
            return "never read";
        }
        return "read " + Formats.time(status.readAt(), clock.instant(), clock.getZone()) + (status.fresh() ? "" : " · remembered");
    }

    /** One flag per difference; a host that could not be read is flagged NOT READ with the reason. */
    public List<HostFlag> flags() {
        return flags(Clock.systemDefaultZone());
    }

    /** As {@link #flags()}, with the times in the lock's line in {@code clock}'s zone. */
    public List<HostFlag> flags(Clock clock) {
        List<HostFlag> flags = new ArrayList<>();
        if (status == null) {
            return flags;
        }
        if (state() == null) {
            flags.add(new HostFlag(HostFlag.Kind.NOT_READ, status.error() == null ? "could not be read" : status.error()));
        }
        for (Difference difference : status.differences()) {
            HostFlag flag = HostFlag.of(difference);
            boolean lockLine = flag.kind() == HostFlag.Kind.LOCKED || flag.kind() == HostFlag.Kind.LOCK_STALE;
            flags.add(lockLine && lock() != null ? new HostFlag(flag.kind(), lockLine(lock()) + guardLine(state().guardSinceLock(), clock)) : flag);
        }
        return flags;
    }

    /**
     * What the host's guard did since the lock was taken, as {@code stageboard status} says it:
     * {@code ; staging v1 serves again since 10:42:05 by the host's guard (restore after a run died)};
     * empty when its ledger has no such line.
     */
    static String guardLine(LedgerEntry guard, Clock clock) {
        if (guard == null || guard.time() == null) {
            return "";
        }
        String release = guard.label() != null ? guard.label() : guard.release() != null ? guard.release() : "the release before";
        String at = Formats.time(guard.time(), clock.instant(), clock.getZone());
        return "RESTORED".equals(guard.outcome())
                ? "; " + release + " serves again since " + at + " by " + guard.actor() + " (" + guard.doing() + ")"
                : "; " + guard.actor() + " tried to put " + release + " back at " + at + " and failed (" + guard.doing() + ")";
    }

    /** A lock in one short line; the Break lock… dialog shows all of it. */
    static String lockLine(LockInfo lock) {
        String holder = lock.holder() == null ? "an unknown holder" : ProcessIdentity.parse(lock.holder())
                .map(p -> p.user() + "@" + p.machine() + " pid " + p.pid()).orElse(lock.holder());
        String stale = lock.staleReason();
        return "held by " + holder + (lock.actor() == null ? "" : " (" + lock.actor() + ")")
                + (lock.release() == null ? "" : ", " + lock.doing())
                + (stale != null ? " — " + stale : " — heartbeat " + lock.heartbeatAgeSeconds() + " s ago");
    }

    /** The colour of the slot; the flags say the same in words. */
    public CardState look() {
        if (state() == null) {
            return CardState.SUPERSEDED;
        }
        List<HostFlag> flags = flags();
        if (flags.stream().anyMatch(f -> f.kind() == HostFlag.Kind.APP_DOWN || f.kind() == HostFlag.Kind.UNHEALTHY)) {
            return CardState.FAILED;
        }
        if (!flags.isEmpty()) {
            return CardState.ROLLED_BACK;
        }
        return state().currentFolder() == null ? CardState.NEUTRAL : CardState.SUCCESS;
    }

    /** The environment's lock on the host as last read, or null. */
    public LockInfo lock() {
        return state() == null ? null : state().lock();
    }

    /** True when something is current there, which a rollback could replace. */
    public boolean hasCurrent() {
        return state() != null && state().currentFolder() != null;
    }

    String key() {
        return environment.id() + ":" + host.id();
    }
}
