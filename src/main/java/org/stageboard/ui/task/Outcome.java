package org.stageboard.ui.task;

/**
 * How a task's work ended in the user's terms: a build that ran but failed is a failed task; a
 * build or run that the user cancelled (and that returned its record) is a cancelled task.
 */
public record Outcome(boolean ok, boolean cancelled, String sentence) {

    public Outcome(boolean ok, String sentence) {
        this(ok, false, sentence);
    }

    public static Outcome ok(String sentence) {
        return new Outcome(true, sentence);
    }

    public static Outcome failed(String sentence) {
        return new Outcome(false, sentence);
    }

    public static Outcome cancelled(String sentence) {
        return new Outcome(false, true, sentence);
    }

    /** The state a task that ended so takes. */
    TaskState state() {
        return cancelled ? TaskState.CANCELLED : ok ? TaskState.SUCCEEDED : TaskState.FAILED;
    }
}
