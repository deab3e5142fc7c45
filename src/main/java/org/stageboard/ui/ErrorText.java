package org.stageboard.ui;

import org.stageboard.core.StageboardException;

/** Turns a failure into one sentence for the user; engine messages are already written for users. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable error) {
        if (error instanceof StageboardException) {
            return error.getMessage();
        }
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause.getCause() instanceof StageboardException) {
                return cause.getCause().getMessage();
            }
            cause = cause.getCause();
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return "Unexpected error (" + error.getClass().getSimpleName() + "): " + detail;
    }
}
