package org.stageboard.core;

import java.time.Instant;
import java.util.List;

/**
 * What one environment looks like on a host, as read from the host at {@code readAt}: where
 * {@code current} points and whether that folder exists, the identity in its {@code release.json}
 * (null for a folder without one), the app process from the pidfile (alive, and for how long),
 * one health answer, the lock (null when free), the ledger's last entries (oldest first), the
 * release folders (most recently activated first) and leftover upload parts.
 */
public record HostState(Instant readAt, boolean environmentExists, String currentFolder, boolean currentExists,
                        ReleaseIdentity currentIdentity, Integer pid, boolean appAlive, Long appUptimeSeconds,
                        Boolean healthy, String health, LockInfo lock, List<LedgerEntry> ledger, List<String> releases,
                        int leftoverParts) {

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
}
