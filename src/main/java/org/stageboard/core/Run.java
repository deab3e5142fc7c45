package org.stageboard.core;

import java.nio.file.Path;
import java.time.Instant;

/** Putting one release to work on one host. */
public record Run(long id, long releaseId, long hostId, RunKind kind, RunStatus status, Instant startedAt,
                  Instant finishedAt, Path log, String message, String actor) {
}
