package org.stageboard.ui.hosts;

import java.time.Instant;

/**
 * An environment's lock on a host, as the window shows it: the holder process, the person, the
 * release it is activating, since when, how old its heartbeat is, and why it looks stale (null
 * when it looks held by a live run).
 */
public record LockFacts(String holder, String actor, String release, Instant since, long heartbeatAgeSeconds,
                        String staleReason) {

    public boolean stale() {
        return staleReason != null;
    }

    /** The holder as people read it: {@code bob@ci pid 42 … (bob)}. */
    public String who() {
        return (holder == null ? "an unknown holder" : holder) + (actor == null ? "" : " (" + actor + ")");
    }
}
