package org.stageboard.core;

/**
 * An error whose message is meant for the user: it says what was wrong and, where it can, what
 * to do. Messages never contain secret values.
 */
public class StageboardException extends RuntimeException {
    public StageboardException(String message) {
        super(message);
    }

    public StageboardException(String message, Throwable cause) {
        super(message, cause);
    }
}
