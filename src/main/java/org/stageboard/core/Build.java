package org.stageboard.core;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** One attempt to build one commit with one recipe; numbered per project. */
public record Build(long id, long projectId, int number, String commitSha, String treeId, String recipeHash,
                    BuildStatus status, Instant startedAt, Instant finishedAt, Integer exitCode,
                    String artifactSha256, Long artifactSize, Path log, String message, String actor) {

    public String shortSha() {
        return commitSha.substring(0, Math.min(7, commitSha.length()));
    }

    public boolean succeeded() {
        return status == BuildStatus.SUCCEEDED;
    }

    /** How long the build took, or took so far. */
    public Duration duration() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return Duration.between(startedAt, end);
    }
}
