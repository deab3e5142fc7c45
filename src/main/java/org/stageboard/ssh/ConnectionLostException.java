package org.stageboard.ssh;

import org.stageboard.core.StageboardException;

/**
 * The SSH connection broke while work was under way: the network dropped, the link went silent
 * or the host went down. The message says what was under way and what state it left behind.
 */
public class ConnectionLostException extends StageboardException {

    private final String what;

    public ConnectionLostException(String message, Throwable cause) {
        this(message, message, cause);
    }

    /** {@code what}: what broke, without the advice the message goes on with. */
    public ConnectionLostException(String what, String message, Throwable cause) {
        super(message, cause);
        this.what = what;
    }

    /**
     * What broke, in one clause without the advice that follows it in the message ("The connection
     * to … was lost during a command: …"): for a caller that says itself what happened next.
     */
    public String what() {
        return what;
    }
}
