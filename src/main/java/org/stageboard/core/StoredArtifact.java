package org.stageboard.core;

import java.time.Instant;

/** An artifact with what the store last said of it: its state and when it was last re-hashed (null: never). */
public record StoredArtifact(Artifact artifact, ArtifactState state, Instant checkedAt) {
}
