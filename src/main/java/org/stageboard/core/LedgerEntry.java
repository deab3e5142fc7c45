package org.stageboard.core;

import java.time.Instant;

/**
 * One line of a host's {@code .stageboard/ledger.jsonl}: an activation ({@code kind} deploy or
 * rollback), an operation on the current release (stop, start, restart), a release command
 * ({@code release-command}) or a lock broken, by any catalog. {@code outcome} is a run status name
 * ({@code LIVE}, {@code ROLLED_BACK}, {@code FAILED}, {@code CANCELLED}, {@code APP_DOWN},
 * {@code STOPPED}), {@code DONE} (a release command that exited 0) or {@code LOCK_BROKEN};
 * {@code release} and {@code previous} are release folder names.
 */
public record LedgerEntry(Instant time, String actor, String by, String catalog, String kind, String release, String label,
                          String artifact, String previous, String outcome, String message) {

    /** True when this entry left {@link #release} live and healthy on the host. */
    public boolean madeLive() {
        return "LIVE".equals(outcome);
    }

    /** True when this entry's release failed and {@link #previous} was brought back healthy. */
    public boolean restoredPrevious() {
        return "ROLLED_BACK".equals(outcome) || ("CANCELLED".equals(outcome) && previous != null && message != null
                && message.contains("serves again"));
    }
}
