package org.stageboard.core;

/** Where one step of a build is: not yet run, running, done, failed, skipped (an earlier step failed) or cancelled. */
public enum StepStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED, CANCELLED;

    /** As people read it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
