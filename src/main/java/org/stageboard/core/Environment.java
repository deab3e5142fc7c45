package org.stageboard.core;

import java.time.Instant;

/** staging, production, …: one project's place to run, with its run settings and versioned config. */
public record Environment(long id, long projectId, String name, RunSettings run, Instant createdAt) {
}
