package org.stageboard.ui.hosts;

import java.util.List;

/**
 * What a deploy would do on one host, read from it and changing nothing: the host now, the
 * release folder that would run, whether it and the artifact are already there, the bytes to
 * upload and the release folders the deploy would prune.
 */
public record PlanFacts(HostFacts now, String folder, boolean folderOnHost, boolean artifactOnHost, long bytesToUpload,
                        List<String> wouldPrune) {
}
