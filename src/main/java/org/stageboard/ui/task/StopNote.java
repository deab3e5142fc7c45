package org.stageboard.ui.task;

/**
 * What a running task is, and what stopping it does, for the question asked before the window
 * closes: {@code "A deploy is running on vps1."}, {@code "The host is put back and the lock released."}.
 */
public record StopNote(String running, String whenStopped) {

    /** For work with nothing special to say: its title, stopped at its next step. */
    public static StopNote of(String title) {
        return new StopNote("\u201c" + title + "\u201d is running.", "It stops at its next step.");
    }
}
