package org.stageboard.core;

/** Where a build is. */
public enum BuildStatus {
    RUNNING, SUCCEEDED, FAILED
}
