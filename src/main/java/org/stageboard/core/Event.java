package org.stageboard.core;

import java.time.Instant;

/** An append-only audit record: who did what to which subject, when, and how it ended. */
public record Event(long id, Instant at, String actor, String action, String subject, String outcome, String detail) {
}
