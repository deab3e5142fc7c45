package org.stageboard.ssh;

import org.stageboard.core.StageboardException;

/**
 * The SSH connection broke while work was under way: the network dropped, the link went silent
 * or the host went down. The message says what was under way and what state it left behind.
 */
public class ConnectionLostException extends StageboardException {

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
