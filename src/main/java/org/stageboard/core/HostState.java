package org.stageboard.core;

import java.time.Instant;
import java.util.List;

/**
 * What one environment looks like on a host, as read from the host at {@code readAt}: where
 * {@code current} points and whether that folder exists, the identity in its {@code release.json}
 * (null for a folder without one), the app process from the pidfile (alive, and for how long),
 * one health answer, the lock (null when free), the ledger's last entries (oldest first), the
 * release folders (most recently activated first) and leftover upload parts. {@code instances} are
 * the release's process instances ({@code web.1}, {@code worker.1}, …); {@code pid} is the first
 * one's and {@code appAlive} is true only when every instance is alive.
 */
public record HostState(Instant readAt, boolean environmentExists, String currentFolder, boolean currentExists,
                        ReleaseIdentity currentIdentity, Integer pid, boolean appAlive, Long appUptimeSeconds,
                        Boolean healthy, String health, LockInfo lock, List<LedgerEntry> ledger, List<String> releases,
                        int leftoverParts, List<InstanceState> instances) {

    public HostState {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }

    /** A state without instance detail (one process, as read by older Stageboard versions). */
    public HostState(Instant readAt, boolean environmentExists, String currentFolder, boolean currentExists,
                     ReleaseIdentity currentIdentity, Integer pid, boolean appAlive, Long appUptimeSeconds,
                     Boolean healthy, String health, LockInfo lock, List<LedgerEntry> ledger, List<String> releases,
                     int leftoverParts) {
        this(readAt, environmentExists, currentFolder, currentExists, currentIdentity, pid, appAlive, appUptimeSeconds, healthy, health,
                lock, ledger, releases, leftoverParts, List.of());
    }

    /**
     * Instances per process type, e.g. {@code web 2/2 up · worker 0/1 up · 3 restarts}; empty for the
     * simple default (one instance, never restarted), where "app up" says it all.
     */
    public String processSummary() {
        int restarts = instances.stream().mapToInt(InstanceState::restarts).sum();
        if (instances.size() <= 1 && restarts == 0) {
            return "";
        }
        java.util.Map<String, int[]> byType = new java.util.LinkedHashMap<>();
        for (InstanceState instance : instances) {
            int[] counts = byType.computeIfAbsent(instance.type(), t -> new int[2]);
            counts[1]++;
            if (instance.alive()) {
                counts[0]++;
            }
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        byType.forEach((type, counts) -> parts.add(type + " " + counts[0] + "/" + counts[1] + " up"));
        if (restarts > 0) {
            parts.add(restarts + (restarts == 1 ? " restart" : " restarts"));
        }
        return String.join(" · ", parts);
    }

    /** Instances that are down or whose supervisor gave up, each in words naming it; empty when all run. */
    public List<String> instanceProblems() {
        return instances.stream().map(InstanceState::problem).filter(java.util.Objects::nonNull).toList();
    }

    /** The newest ledger entry about the current release folder, or null: who put it there and when. */
    public LedgerEntry currentEntry() {
        if (currentFolder == null) {
            return null;
        }
        for (int i = ledger.size() - 1; i >= 0; i--) {
            LedgerEntry entry = ledger.get(i);
            if (currentFolder.equals(entry.release()) || (entry.restoredPrevious() && currentFolder.equals(entry.previous()))) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The host's guard's line written since the lock was taken (its run stopped answering and the
     * guard put a release back), or null: the lock stays, stale, but the host no longer serves
     * what the lock says it was doing.
     */
    public LedgerEntry guardSinceLock() {
        if (lock == null) {
            return null;
        }
        for (int i = ledger.size() - 1; i >= 0; i--) {
            LedgerEntry entry = ledger.get(i);
            if (entry.byGuard() && entry.time() != null && (lock.since() == null || !entry.time().isBefore(lock.since().minusSeconds(1)))) {
                return entry;
            }
        }
        return null;
    }
}
