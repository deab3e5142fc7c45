package org.stageboard.pipeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.Difference;
import org.stageboard.core.Release;
import org.stageboard.core.HostState;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.LockInfo;
import org.stageboard.core.Words;
import org.stageboard.core.ReleaseIdentity;

/** Where a host differs from what this catalog expects: one difference per finding, with its kind and a sentence. */
final class Drift {

    private Drift() {
    }

    static List<Difference> of(HostState state, String catalogId, Release running, Release expected) {
        List<Difference> drift = new ArrayList<>();
        if (state.currentFolder() == null) {
            if (expected != null) {
                drift.add(new Difference(Difference.Kind.CATALOG_BEHIND, "the catalog says " + expected.label() + " is live, but nothing is current on the host"));
            }
        } else {
            ReleaseIdentity identity = state.currentIdentity();
            LedgerEntry entry = state.currentEntry();
            if (!state.currentExists()) {
                drift.add(new Difference(Difference.Kind.BROKEN_CURRENT, "current points to " + state.currentFolder() + ", which is not on the host"));
            } else if (identity == null) {
                drift.add(new Difference(Difference.Kind.BROKEN_CURRENT, "current -> " + state.currentFolder() + ", a folder without a Stageboard identity (made by hand or by an older Stageboard)"));
            } else if (!identity.catalog().equals(catalogId)) {
                drift.add(new Difference(Difference.Kind.OTHER_CATALOG, "runs " + identity.label() + " of another catalog" + (entry == null ? ""
                        : ", deployed by " + entry.actor() + " at " + when(entry.time()) + " (host's ledger)")));
            } else if (expected == null || running == null || expected.id() != running.id()) {
                drift.add(new Difference(Difference.Kind.CATALOG_BEHIND, "runs " + identity.label() + ", but this catalog last recorded "
                        + (expected == null ? "nothing" : expected.label()) + " live there"));
            }
            if (state.currentExists() && entry == null) {
                drift.add(new Difference(Difference.Kind.UNRECORDED_SWITCH, "no ledger entry activated " + state.currentFolder() + ": current was switched by hand, or by a run "
                        + "that was killed before it finished"));
            }
            List<String> down = state.instanceProblems();
            if (!state.appAlive() && entry != null && "stop".equals(entry.kind()) && "STOPPED".equals(entry.outcome())) {
                drift.add(new Difference(Difference.Kind.STOPPED, "stopped on purpose by " + entry.actor() + " at " + when(entry.time())
                        + " (host's ledger): start or restart it, or deploy"));
            } else if (state.instances().size() > 1 && !down.isEmpty()) {
                // One difference per instance that is down or whose supervisor gave up, naming it.
                down.forEach(problem -> drift.add(new Difference(Difference.Kind.APP_DOWN, "app down: " + problem)));
            } else if (!state.appAlive() && Boolean.TRUE.equals(state.healthy())) {
                // Nothing Stageboard started runs, yet something answers the health check: a process left behind by a killed
                // supervisor, or one started by hand. It serves, but nothing restarts it when it crashes.
                drift.add(new Difference(Difference.Kind.APP_DOWN, "app not supervised: no process Stageboard started runs for "
                        + state.currentFolder() + ", yet its health check answers: a leftover or hand-started process serves it and nothing restarts it if it"
                        + " crashes; restart to put it back under supervision"));
            } else if (!state.appAlive() || !down.isEmpty()) {
                boolean gaveUp = state.instances().stream().anyMatch(i -> i.gaveUp() != null);
                drift.add(new Difference(Difference.Kind.APP_DOWN, "app down: no process runs for " + state.currentFolder()
                        + (gaveUp ? ": " + down.get(0) : "")));
            } else if (Boolean.FALSE.equals(state.healthy())) {
                drift.add(new Difference(Difference.Kind.UNHEALTHY, "unhealthy: " + state.health()));
            }
        }
        LockInfo lock = state.lock();
        if (lock != null) {
            LedgerEntry guard = state.guardSinceLock();
            String after = guard == null ? "" : "; since then the host's guard " + ("RESTORED".equals(guard.outcome()) ? "put "
                    + (guard.label() == null ? guard.release() : guard.label()) + " back" : "tried to put " + (guard.label() == null
                    ? guard.release() : guard.label()) + " back and failed") + " at " + Words.when(guard.time()) + " (host's ledger)";
            drift.add(lock.stale() ? new Difference(Difference.Kind.LOCK_STALE, "lock STALE: " + lock.describe() + after)
                    : new Difference(Difference.Kind.LOCKED, "locked: " + lock.describe() + after));
        }
        return drift;
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A ledger time as the rest of the window and the CLI show times: local, to the second. */
    static String when(Instant time) {
        return time == null ? "an unknown time" : WHEN.format(time.atZone(ZoneId.systemDefault()));
    }
}
