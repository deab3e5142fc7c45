package org.stageboard.core;

/** Where a run is: live, replaced by a later run, failed before switching, or rolled back after a failed health check. */
public enum RunStatus {
    RUNNING, LIVE, SUPERSEDED, FAILED, ROLLED_BACK
}
