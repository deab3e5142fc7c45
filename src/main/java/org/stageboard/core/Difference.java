package org.stageboard.core;

/**
 * One way a host differs from what a catalog expects, as a kind a window or a script can act on
 * and a sentence for people.
 */
public record Difference(Kind kind, String text) {

    /** What kind of difference it is. */
    public enum Kind {
        /** The host runs a release another catalog made. */
        OTHER_CATALOG,
        /** The host runs a release of this catalog, not the one the catalog last recorded live there (or nothing). */
        CATALOG_BEHIND,
        /** {@code current} points to a folder that is not there, or to one without a Stageboard identity. */
        BROKEN_CURRENT,
        /** No ledger entry activated the current folder: switched by hand, or by a run killed before it finished. */
        UNRECORDED_SWITCH,
        /** No process runs for the current release. */
        APP_DOWN,
        /** No process runs for the current release because a user stopped it on purpose ({@code stageboard stop}). */
        STOPPED,
        /** The app runs but its health check fails. */
        UNHEALTHY,
        /** A run holds the environment's lock. */
        LOCKED,
        /** The lock's run is gone: it blocks deploys until someone breaks it. */
        LOCK_STALE
    }
}
