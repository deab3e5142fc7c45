package org.stageboard.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.Release;
import org.stageboard.core.HostState;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.LockInfo;
import org.stageboard.core.ReleaseIdentity;

/** Where a host differs from what this catalog expects, in words: one line per difference. */
final class Drift {

    private Drift() {
    }

    static List<String> of(HostState state, String catalogId, Release running, Release expected) {
        List<String> drift = new ArrayList<>();
        if (state.currentFolder() == null) {
            if (expected != null) {
                drift.add("the catalog says " + expected.label() + " is live, but nothing is current on the host");
            }
        } else {
            ReleaseIdentity identity = state.currentIdentity();
            LedgerEntry entry = state.currentEntry();
            if (!state.currentExists()) {
                drift.add("current points to " + state.currentFolder() + ", which is not on the host");
            } else if (identity == null) {
                drift.add("current -> " + state.currentFolder() + ", a folder without a Stageboard identity (made by hand or by an older Stageboard)");
            } else if (!identity.catalog().equals(catalogId)) {
                drift.add("runs " + identity.label() + " of another catalog" + (entry == null ? ""
                        : ", deployed by " + entry.actor() + " at " + entry.time() + " (host's ledger)"));
            } else if (expected == null || running == null || expected.id() != running.id()) {
                drift.add("runs " + identity.label() + ", but this catalog last recorded "
                        + (expected == null ? "nothing" : expected.label()) + " live there");
            }
            if (state.currentExists() && entry == null) {
                drift.add("no ledger entry activated " + state.currentFolder() + ": current was switched by hand, or by a run "
                        + "that was killed before it finished");
            }
            if (!state.appAlive()) {
                drift.add("app down: no process runs for " + state.currentFolder());
            } else if (Boolean.FALSE.equals(state.healthy())) {
                drift.add("unhealthy: " + state.health());
            }
        }
        LockInfo lock = state.lock();
        if (lock != null) {
            drift.add(lock.stale() ? "lock STALE: " + lock.describe() : "locked: " + lock.describe());
        }
        return drift;
    }
}
