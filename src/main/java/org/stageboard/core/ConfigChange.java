package org.stageboard.core;

import java.time.Instant;

/** One entry of an environment's config history: which version, who made it, when, and which keys it changed. */
public record ConfigChange(String environmentName, int version, Instant at, String actor, KeyChanges keys) {

    public String label() {
        return "config v" + version;
    }
}
