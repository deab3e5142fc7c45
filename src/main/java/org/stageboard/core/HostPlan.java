package org.stageboard.core;

import java.util.List;

/**
 * What a deploy of one release would do on one host, read from the host and changing nothing:
 * its state now, the release folder that would run, whether that folder and the artifact are
 * already there, the bytes to upload, the release folders the deploy would prune, what shared
 * data it links into the release (one line per shared path, e.g.
 * {@code storage/ -> shared/storage/ (created empty)}), and warnings to read before deploying
 * (e.g. the release running now keeps data of its own at a shared path, which is not carried over).
 */
public record HostPlan(HostState now, String folder, boolean folderOnHost, boolean artifactOnHost, long bytesToUpload,
                       List<String> wouldPrune, List<String> shared, List<String> warnings) {

    public HostPlan {
        wouldPrune = wouldPrune == null ? List.of() : List.copyOf(wouldPrune);
        shared = shared == null ? List.of() : List.copyOf(shared);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A plan with nothing shared and no warnings. */
    public HostPlan(HostState now, String folder, boolean folderOnHost, boolean artifactOnHost, long bytesToUpload,
                    List<String> wouldPrune) {
        this(now, folder, folderOnHost, artifactOnHost, bytesToUpload, wouldPrune, List.of(), List.of());
    }
}
