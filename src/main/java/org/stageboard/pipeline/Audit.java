package org.stageboard.pipeline;

import org.stageboard.catalog.Catalog;
import org.stageboard.core.Actor;

/** The engine's event trail: every user action, who did it, on what, and how it ended. */
final class Audit {

    private final Catalog catalog;

    Audit(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Appends one event, by the current user ({@link Actor#current()}). */
    void record(String project, String action, String subject, String outcome, String detail) {
        catalog.events().append(Actor.current(), project, action, subject, outcome, detail);
    }
}
