package org.stageboard.core;

/** Work stopped because the user cancelled it. */
public class CancelledException extends StageboardException {
    public CancelledException() {
        super("Cancelled by the user.");
    }
}
