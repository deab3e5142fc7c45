package org.stageboard.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.stageboard.ui.board.HostSlot;

/**
 * The hosts whose slot shows a lock, followed until it is gone. A lock says work is under way or
 * was cut off, and what ends it is often recorded nowhere in the catalog: the host's guard puts
 * the last good release back a few seconds after the run that held it died, a holder on another
 * machine finishes. So such a host is read again on the live beat, first {@link #WAITS}[0] after
 * the lock was seen, then at longer waits, until a reading shows no lock. Thread-safe: readings
 * are seen on the UI thread, due hosts taken on the host reads' thread.
 */
final class LockFollow {

    /** The waits between reads of a host that still shows a lock; the last one repeats. */
    static final List<Duration> WAITS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
            Duration.ofSeconds(80), Duration.ofSeconds(120));

    private record Due(Instant at, int step) {
    }

    private final Clock clock;
    private final Map<Long, Due> followed = new ConcurrentHashMap<>();
    private volatile List<Duration> waits = WAITS;

    LockFollow(Clock clock) {
        this.clock = clock;
    }

    /** Other waits (tests: none, to read on the next beat). */
    void waits(List<Duration> waits) {
        this.waits = List.copyOf(waits);
    }

    /** What a reading of some hosts found: a host with a lock in any of its slots is followed; one without, no longer. */
    void saw(List<HostSlot> slots) {
        Map<Long, Boolean> locked = new HashMap<>();
        for (HostSlot slot : slots) {
            if (slot.status() != null) {
                locked.merge(slot.host().id(), slot.lock() != null, Boolean::logicalOr);
            }
        }
        Instant now = clock.instant();
        locked.forEach((host, lock) -> {
            if (lock) {
                followed.putIfAbsent(host, new Due(now.plus(waits.get(0)), 0));
            } else {
                followed.remove(host);
            }
        });
    }

    /** True when a followed host is due to be read again. */
    boolean anyDue() {
        Instant now = clock.instant();
        return followed.values().stream().anyMatch(due -> !due.at().isAfter(now));
    }

    /** The followed hosts due to be read again now; each is next due after a longer wait (unless a reading shows its lock gone). */
    Set<Long> takeDue() {
        Instant now = clock.instant();
        Set<Long> hosts = new HashSet<>();
        List<Duration> steps = waits;
        followed.replaceAll((host, due) -> {
            if (due.at().isAfter(now)) {
                return due;
            }
            hosts.add(host);
            int next = Math.min(due.step() + 1, steps.size() - 1);
            return new Due(now.plus(steps.get(next)), next);
        });
        return hosts;
    }
}
