package org.stageboard.core;

/**
 * Where a build is: queued behind another build of its project, running, succeeded, failed,
 * cancelled by the user, or interrupted by a crash of the process running it. A build that
 * reused an earlier build's artifact is SUCCEEDED with {@link Build#cachedFrom()} set.
 */
public enum BuildStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    /** As people read it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True while the build has not ended (queued or running). */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
