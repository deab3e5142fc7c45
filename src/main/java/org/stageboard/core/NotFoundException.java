package org.stageboard.core;

/** A project, build, release, environment or host that the user named does not exist. */
public class NotFoundException extends StageboardException {
    public NotFoundException(String message) {
        super(message);
    }
}
