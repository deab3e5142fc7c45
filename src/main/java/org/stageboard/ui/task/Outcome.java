package org.stageboard.ui.task;

/** How a task's work ended in the user's terms: a build that ran but failed is a failed task. */
public record Outcome(boolean ok, String sentence) {

    public static Outcome ok(String sentence) {
        return new Outcome(true, sentence);
    }

    public static Outcome failed(String sentence) {
        return new Outcome(false, sentence);
    }
}
