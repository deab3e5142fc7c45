package org.stageboard.core;

/**
 * Why a run was recorded. {@code DEPLOY} and {@code ROLLBACK} activate a release on a host;
 * {@code RESTART}, {@code STOP} and {@code START} act on the release that is current there, with no
 * new release; {@code RELEASE_COMMAND} is a release's one-off command (e.g. migrations) run once
 * before any host is switched; {@code EXEC} is a one-off command a user ran in the current release.
 */
public enum RunKind {
    DEPLOY, ROLLBACK, RESTART, STOP, START, RELEASE_COMMAND, EXEC;

    /** As people read it: {@code deploy}, {@code release command}, … */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
