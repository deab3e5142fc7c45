package org.stageboard.core;

/** Where a build is: running, succeeded, failed, cancelled by the user, or interrupted by a crash of the process running it. */
public enum BuildStatus {
    RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    /** As people read it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
