package org.stageboard.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.Release;
import org.stageboard.core.HostState;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.LockInfo;

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
        return "since " + Formats.time(entry.time()) + " by " + entry.actor() + " (" + entry.doing()
                + (entry.restoredPrevious() ? " of " + entry.label() + " " + Formats.outcome(entry.outcome()) + ", this one restored" : "")
                + ", host's ledger)";
    }

    /** {@code free}, or who holds the lock, for what, since when, the heartbeat, and STALE with why: one line. */
    static String lock(LockInfo lock) {
        return lock == null ? "free" : "held by " + lock.describe();
    }

    /** The same, one fact a line, for {@code lock show}. */
    static List<String> lockDetails(LockInfo lock) {
        if (lock == null) {
            return List.of("free");
        }
        String stale = lock.staleReason();
        List<String> lines = new ArrayList<>();
        lines.add(stale == null ? "LOCKED" : "LOCKED, STALE");
        lines.add("  holder:    " + (lock.holder() == null ? "unknown" : lock.holder()) + (lock.actor() == null ? "" : " (" + lock.actor() + ")"));
        lines.add("  release:   " + (lock.release() == null ? "unknown" : lock.release()));
        lines.add("  since:     " + (lock.since() == null ? "unknown" : Formats.time(lock.since()) + " ("
                + Formats.age(Math.max(0, Instant.now().getEpochSecond() - lock.since().getEpochSecond())) + " ago)"));
        lines.add("  heartbeat: " + (lock.heartbeatAgeSeconds() < 0 ? "unknown" : Formats.age(lock.heartbeatAgeSeconds()) + " ago"));
        lines.add(stale == null ? "  held by a live run: wait for it ('deploy --wait-lock SECONDS')"
                : "  STALE:     " + stale + "; if nobody deploys there, break it with 'lock break'");
        return lines;
    }
}
