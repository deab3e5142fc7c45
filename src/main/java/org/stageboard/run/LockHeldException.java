package org.stageboard.run;

import org.stageboard.core.LockInfo;
import org.stageboard.core.StageboardException;

/** The environment's lock on a host is held by someone else; the message names the holder and, when stale, how to break it. */
public final class LockHeldException extends StageboardException {

    private final transient LockInfo lock;

    LockHeldException(String message, LockInfo lock) {
        super(message);
        this.lock = lock;
    }

    public LockInfo lock() {
        return lock;
    }
}
