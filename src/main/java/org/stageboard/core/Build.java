package org.stageboard.core;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt to build one commit with one recipe; numbered per project. {@code cachedFrom} is
 * the number of the earlier build whose artifact it reused (same tree, same recipe), or null
 * when it ran; {@code recipeSource} says where its recipe came from ({@code catalog} or
 * {@code stageboard.json}); {@code notes} holds what the export reported (submodules, Git LFS
 * pointers), or null. {@code startedAt} is when it started running (when it was queued, while
 * queued).
 */
public record Build(long id, long projectId, int number, String commitSha, String treeId, String recipeHash,
                    BuildStatus status, Instant startedAt, Instant finishedAt, Integer exitCode,
                    String artifactSha256, Long artifactSize, Path log, String message, String actor,
                    Integer cachedFrom, String recipeSource, String notes) {

    /** A build that ran (not cached), with the recipe of the catalog and nothing to note. */
    public Build(long id, long projectId, int number, String commitSha, String treeId, String recipeHash,
                 BuildStatus status, Instant startedAt, Instant finishedAt, Integer exitCode,
                 String artifactSha256, Long artifactSize, Path log, String message, String actor) {
        this(id, projectId, number, commitSha, treeId, recipeHash, status, startedAt, finishedAt, exitCode, artifactSha256, artifactSize,
                log, message, actor, null, null, null);
    }

    public String shortSha() {
        return commitSha.substring(0, Math.min(7, commitSha.length()));
    }

    public boolean succeeded() {
        return status == BuildStatus.SUCCEEDED;
    }

    /** True when the build reused the artifact of build #{@link #cachedFrom()} instead of running. */
    public boolean cached() {
        return cachedFrom != null;
    }

    /** How long the build took, or took so far. */
    public Duration duration() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return Duration.between(startedAt, end);
    }
}
