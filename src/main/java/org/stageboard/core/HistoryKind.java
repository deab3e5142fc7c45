package org.stageboard.core;

/**
 * What a history row stands for: a build, a release, a run of this catalog, or a run another
 * catalog made that was imported from a host's ledger.
 */
public enum HistoryKind {
    BUILD, RELEASE, RUN, IMPORTED;

    /** As people read it. */
    public String label() {
        return this == IMPORTED ? "run (other catalog)" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
