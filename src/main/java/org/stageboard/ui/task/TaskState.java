package org.stageboard.ui.task;

/** Where a background task is: waiting its turn (a build behind another of its project), running, or ended. */
public enum TaskState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this != RUNNING && this != QUEUED;
    }
}
