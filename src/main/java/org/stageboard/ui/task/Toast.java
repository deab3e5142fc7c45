package org.stageboard.ui.task;

/**
 * What a notification says when a task ends: how it ended (in a word and an icon, not by colour
 * alone), what finished, and the outcome in a short sentence.
 */
public record Toast(TaskState state, String title, String text) {

    /** The notification for a task that ended. */
    public static Toast of(UiTask task) {
        TaskState state = task.stateProperty().get();
        String outcome = task.outcomeProperty().get();
        return new Toast(state, TaskStates.word(state) + " · " + task.title(), outcome.length() > 160 ? outcome.substring(0, 157) + "…" : outcome);
    }
}
