package org.stageboard.core;

import java.util.List;

/**
 * What a deploy of one release would do on one host, read from the host and changing nothing:
 * its state now, the release folder that would run, whether that folder and the artifact are
 * already there, the bytes to upload, and the release folders the deploy would prune.
 */
public record HostPlan(HostState now, String folder, boolean folderOnHost, boolean artifactOnHost, long bytesToUpload,
                       List<String> wouldPrune) {
}
