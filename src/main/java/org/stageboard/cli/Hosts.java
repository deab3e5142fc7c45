package org.stageboard.cli;

import org.stageboard.core.Release;
import org.stageboard.run.HostState;
import org.stageboard.run.LedgerEntry;
import org.stageboard.run.LockInfo;

/** What a host says, in the CLI's words: what runs there, who put it there, who holds the lock. */
final class Hosts {

    private Hosts() {
    }

    /** What runs on the host by its own word: this catalog's release, another catalog's, or an unknown folder; app up or down. */
    static String running(HostState state, Release ours) {
        if (state.currentFolder() == null) {
            return "nothing deployed";
        }
        String what = ours != null ? ours.label() + " (" + state.currentFolder() + ")"
                : state.currentIdentity() != null ? state.currentIdentity().label() + " (" + state.currentFolder() + ", another catalog)"
                : state.currentFolder() + " (unknown to Stageboard)";
        return what + (state.appAlive() ? " · app up" : " · app DOWN");
    }

    /** Since when and by whom the current release runs, from the host's ledger; null when the ledger does not say. */
    static String since(HostState state) {
        LedgerEntry entry = state == null ? null : state.currentEntry();
        if (entry == null) {
            return null;
        }
        return "since " + Formats.time(entry.time()) + " by " + entry.actor() + " (" + entry.kind()
                + (entry.restoredPrevious() ? " of " + entry.label() + " " + Formats.outcome(entry.outcome()) + ", this one restored" : "")
                + ", host's ledger)";
    }

    /** {@code free}, or who holds the lock, for what, since when, the heartbeat, and STALE with why. */
    static String lock(LockInfo lock) {
        return lock == null ? "free" : "held by " + lock.describe();
    }
}
