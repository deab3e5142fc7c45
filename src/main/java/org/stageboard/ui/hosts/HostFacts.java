package org.stageboard.ui.hosts;

import java.time.Instant;

/**
 * What one host said about one environment, beyond the engine's one-line summary: whether it
 * could be read, the release folder {@code current} points to, who put it there and when (from
 * the host's ledger), whether the app process lives, and the lock.
 */
public record HostFacts(boolean read, String currentFolder, Instant since, String sinceActor, String sinceKind,
                        boolean appAlive, LockFacts lock) {

    /** A host not read (yet, or the read failed). */
    public static final HostFacts UNREAD = new HostFacts(false, null, null, null, null, false, null);
}
