package org.stageboard.core;

import java.time.Instant;

/**
 * One artifact combined with one config version of one environment; numbered per environment
 * ({@code staging v2}) and never changed afterwards.
 */
public record Release(long id, long environmentId, String environmentName, int version, long buildId, int buildNumber,
                      String artifactSha256, long configVersionId, int configVersion, RunSettings run,
                      Instant createdAt, String actor) {

    /** For example {@code staging v2}. */
    public String label() {
        return environmentName + " v" + version;
    }

    /** The folder name under {@code releases/} on a host. */
    public String folderName() {
        return "v" + version;
    }
}
