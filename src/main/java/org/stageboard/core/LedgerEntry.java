package org.stageboard.core;

import java.time.Instant;

/**
 * One line of a host's {@code .stageboard/ledger.jsonl}: an activation ({@code kind} deploy or
 * rollback), an operation on the current release (stop, start, restart), a release command
 * ({@code release-command}) or a lock broken, by any catalog. {@code outcome} is a run status name
 * ({@code LIVE}, {@code ROLLED_BACK}, {@code FAILED}, {@code CANCELLED}, {@code APP_DOWN},
 * {@code STOPPED}), {@code DONE} (a release command that exited 0) or {@code LOCK_BROKEN};
 * {@code release} and {@code previous} are release folder names. {@code commit} and
 * {@code commitSubject} name the commit the release acted on (activated, stopped, started,
 * restarted, or whose release command ran) was built from (its SHA and the first line of its
 * message): optional, null on lines written before they were recorded, on lock lines, and (the
 * subject) when the writing catalog did not keep the message.
 */
public record LedgerEntry(Instant time, String actor, String by, String catalog, String kind, String release, String label,
                          String artifact, String previous, String outcome, String message, String commit, String commitSubject) {

    /** A line without a commit (lock lines, and every line written before the commit was recorded). */
    public LedgerEntry(Instant time, String actor, String by, String catalog, String kind, String release, String label,
                       String artifact, String previous, String outcome, String message) {
        this(time, actor, by, catalog, kind, release, label, artifact, previous, outcome, message, null, null);
    }

    /** True when this entry left {@link #release} live and healthy on the host. */
    public boolean madeLive() {
        return "LIVE".equals(outcome);
    }

    /** True when this entry's release failed and {@link #previous} was brought back healthy. */
    public boolean restoredPrevious() {
        return "ROLLED_BACK".equals(outcome) || ("CANCELLED".equals(outcome) && previous != null && message != null
                && message.contains("serves again"));
    }

    /** The commit as a full 40-character lower-case SHA, or null when the line names none (or not a well-formed one). */
    public String commitSha() {
        return commit != null && commit.strip().matches("(?i)[0-9a-f]{40}") ? commit.strip().toLowerCase(java.util.Locale.ROOT) : null;
    }
}
