package org.stageboard.run;

import java.util.List;

/**
 * What one environment looks like on a host: the release {@code current} points to (or null), the
 * pid in the pidfile (or null) and whether that process runs, the release folders (most recently
 * activated first) and the last lines of the ledger (oldest first).
 */
public record HostState(String currentRelease, Integer pid, boolean processAlive, List<String> releases,
                        List<String> ledgerLines) {
}
