package org.stageboard.core;

import java.time.Instant;

/** An append-only audit record: who did what to which subject (of which project, if any), when, and how it ended. */
public record Event(long id, Instant at, String actor, String project, String action, String subject, String outcome, String detail) {
}
