package org.stageboard.core;

/** Why a release was put to work on a host. */
public enum RunKind {
    DEPLOY, ROLLBACK, RESTART
}
