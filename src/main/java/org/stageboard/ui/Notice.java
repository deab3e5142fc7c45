package org.stageboard.ui;

/** A one-line message over the board: what happened, or what went wrong and what to do. */
public record Notice(Kind kind, String text) {

    public enum Kind { INFO, WARNING, ERROR }

    public static Notice info(String text) {
        return new Notice(Kind.INFO, text);
    }

    public static Notice warning(String text) {
        return new Notice(Kind.WARNING, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }
}
