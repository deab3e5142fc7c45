package org.stageboard.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Who holds an environment's lock on a host: the holder process ({@code alice@laptop pid 4242 since …}),
 * the release it is activating, since when, and how old its heartbeat is. A lock is <b>stale</b>
 * when its heartbeat is older than {@link #STALE_AFTER}, or when its holder ran on this machine and
 * is gone; a stale lock is never broken silently, only by an explicit action.
 */
public record LockInfo(String holder, String actor, String release, Instant since, long heartbeatAgeSeconds) {

    /** A live holder refreshes its heartbeat every 10 s; a minute without one means it is gone or cut off. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);

    /** Why the lock is stale, or null when it looks held by a live run. */
    public String staleReason() {
        ProcessIdentity owner = ProcessIdentity.parse(holder).orElse(null);
        if (owner != null && owner.isGoneHere()) {
            return "its holder process (pid " + owner.pid() + " on this machine) is gone";
        }
        if (heartbeatAgeSeconds >= STALE_AFTER.toSeconds()) {
            return "no heartbeat for " + heartbeatAgeSeconds + " s";
        }
        return null;
    }

    public boolean stale() {
        return staleReason() != null;
    }

    /** How long it has been held, from the host's clock reading; null when unknown. */
    public Duration age(Instant now) {
        return since == null ? null : Duration.between(since, now);
    }

    /**
     * What the holder is doing, from the lock's {@code release}: an operation takes the lock in its
     * kind's name ({@code restarting the app} for {@code restart}), an activation in its release's
     * label ({@code activating staging v2}); null when the lock does not say.
     */
    public String doing() {
        if (release == null) {
            return null;
        }
        return switch (release) {
            case "restart" -> "restarting the app";
            case "stop" -> "stopping the app";
            case "start" -> "starting the app";
            case "release-command" -> "running the release command";
            default -> "activating " + release;
        };
    }

    /** One line for messages: holder, release, since, and stale or not. */
    public String describe() {
        String stale = staleReason();
        return (holder == null ? "an unknown holder" : holder) + (actor == null ? "" : " (" + actor + ")")
                + (release == null ? "" : ", " + doing()) + (since == null ? "" : ", since " + Words.when(since))
                + (stale == null ? ", heartbeat " + heartbeatAgeSeconds + " s ago" : " — STALE: " + stale);
    }
}
