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
 *
 * <p>The host's guard writes a line too when it puts a release back after a run stopped
 * answering halfway: kind {@link #GUARD_RESTORE}, actor {@link #GUARD}, {@code release} the folder
 * it put back (or started again), {@code previous} the folder the run was activating (none for
 * a restart), outcome {@code RESTORED} (put back and started, its health not checked) or
 * {@code APP_DOWN}, and the message says whose run it was and why the guard acted.
 */
public record LedgerEntry(Instant time, String actor, String by, String catalog, String kind, String release, String label,
                          String artifact, String previous, String outcome, String message, String commit, String commitSubject) {

    /** The kind of the line the host's guard writes when it put a release back. */
    public static final String GUARD_RESTORE = "guard-restore";
    /** The actor of the host's guard's lines. */
    public static final String GUARD = "the host's guard";

    /** A line without a commit (lock lines, and every line written before the commit was recorded). */
    public LedgerEntry(Instant time, String actor, String by, String catalog, String kind, String release, String label,
                       String artifact, String previous, String outcome, String message) {
        this(time, actor, by, catalog, kind, release, label, artifact, previous, outcome, message, null, null);
    }

    /** True for a line of the host's guard: it put {@link #release} back after a run stopped answering. */
    public boolean byGuard() {
        return GUARD_RESTORE.equals(kind);
    }

    /** What the line did, in a few words for "since … by … (what)": its kind, or {@code restore after a run died} for the guard's. */
    public String doing() {
        return kind == null ? null : byGuard() ? "restore after a run died" : kind.toLowerCase(java.util.Locale.ROOT);
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
