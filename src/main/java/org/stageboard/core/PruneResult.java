package org.stageboard.core;

import java.util.List;

/**
 * What a retention pass removed (or, on a dry run, would remove), and the artifacts it would
 * have removed by count and age but kept because a kept release uses them.
 */
public record PruneResult(List<Artifact> removed, List<Artifact> keptForReleases, long bytesFreed, boolean dryRun) {
}
