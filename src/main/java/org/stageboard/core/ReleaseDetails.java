package org.stageboard.core;

import java.util.List;

/**
 * What a release page shows: the release, its build and the commit it was built from (null when
 * the repository cannot be read), the size of its artifact, the keys of its config version (names
 * only; which are secret), and the hosts that run it now by the catalog's last record of runs.
 */
public record ReleaseDetails(Release release, Build build, CommitInfo commit, Long artifactSize,
                             List<String> configKeys, List<String> secretKeys, List<String> runningOn) {

    public ReleaseDetails {
        configKeys = List.copyOf(configKeys);
        secretKeys = List.copyOf(secretKeys);
        runningOn = List.copyOf(runningOn);
    }
}
