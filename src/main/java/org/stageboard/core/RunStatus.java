package org.stageboard.core;

/** Where a run is: live, replaced by a later run, failed before switching, or rolled back after a failed health check. */
public enum RunStatus {
    RUNNING, LIVE, SUPERSEDED, FAILED, ROLLED_BACK;

    /** As people read it: {@code live}, {@code rolled back}, … */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
