package org.stageboard.ui;

import java.util.function.Predicate;
import org.stageboard.pipeline.BoardSnapshot;

/**
 * A one-line message over the board: what happened, or what went wrong and what to do. A notice
 * about a condition on the board (a failed build, no environment yet) says while when it applies;
 * the window takes it away once a refresh (a Refresh, or a change made elsewhere) shows the
 * condition gone.
 */
public record Notice(Kind kind, String text, Predicate<BoardSnapshot> appliesWhile) {

    public enum Kind { INFO, WARNING, ERROR }

    private static final Predicate<BoardSnapshot> ALWAYS = snapshot -> true;

    public Notice {
        appliesWhile = appliesWhile == null ? ALWAYS : appliesWhile;
    }

    public Notice(Kind kind, String text) {
        this(kind, text, ALWAYS);
    }

    public static Notice info(String text) {
        return new Notice(Kind.INFO, text);
    }

    public static Notice warning(String text) {
        return new Notice(Kind.WARNING, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }

    /** This notice, shown only while the board it is about satisfies the condition (null: no project shown). */
    public Notice whileTrue(Predicate<BoardSnapshot> condition) {
        return new Notice(kind, text, condition);
    }

    /** False once the board shows that what the notice is about is over. */
    public boolean appliesTo(BoardSnapshot snapshot) {
        return appliesWhile.test(snapshot);
    }
}
