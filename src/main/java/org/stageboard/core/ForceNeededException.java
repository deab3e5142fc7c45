package org.stageboard.core;

/**
 * A removal refused because it would lose history for good; the message says how much, and that
 * it goes ahead when forced (the window asks, then forces; the CLI takes {@code --force}).
 */
public final class ForceNeededException extends StageboardException {

    public ForceNeededException(String message) {
        super(message);
    }
}
