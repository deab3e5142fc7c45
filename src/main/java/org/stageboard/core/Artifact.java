package org.stageboard.core;

import java.nio.file.Path;
import java.time.Instant;

/** A packed build output ({@code .tar.gz} with a manifest), identified by its SHA-256. */
public record Artifact(String sha256, long projectId, String commitSha, long size, Path file, Instant createdAt) {
}
