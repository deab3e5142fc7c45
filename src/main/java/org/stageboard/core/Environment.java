package org.stageboard.core;

import java.time.Instant;

/**
 * staging, production, …: one project's place to run, with its run settings (snapshotted by each
 * release), how a deploy goes over its hosts, and its versioned config.
 */
public record Environment(long id, long projectId, String name, RunSettings run, Rollout rollout, Instant createdAt) {

    public Environment {
        rollout = rollout == null ? Rollout.DEFAULT : rollout;
    }

    public Environment(long id, long projectId, String name, RunSettings run, Instant createdAt) {
        this(id, projectId, name, run, Rollout.DEFAULT, createdAt);
    }
}
