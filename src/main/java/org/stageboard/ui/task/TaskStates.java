package org.stageboard.ui.task;

/** A task's state as the window shows it: an icon and a word, so that it never rests on colour alone. */
public final class TaskStates {

    private TaskStates() {
    }

    /** The Feather icon of the state. */
    public static String icon(TaskState state) {
        return switch (state) {
            case QUEUED -> "fth-clock";
            case RUNNING -> "fth-loader";
            case SUCCEEDED -> "fth-check-circle";
            case FAILED -> "fth-x-circle";
            case CANCELLED -> "fth-slash";
        };
    }

    /** The state in a word. */
    public static String word(TaskState state) {
        return switch (state) {
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    /** The style class of the state, e.g. {@code task-state-queued}. */
    public static String styleClass(TaskState state) {
        return "task-state-" + state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
