package org.stageboard.run;

import java.nio.file.Path;
import java.util.Map;
import org.stageboard.core.RunSettings;

/**
 * What to put to work on a host: the release folder name (e.g. {@code v2}) and label
 * ({@code staging v2}), the artifact and its SHA-256, the config in clear (written only to the
 * host's {@code .env}, mode 0600, never logged), how to run it, who acts, and the content of
 * {@code release.json}.
 */
public record RemoteRelease(String project, String environment, String releaseName, String label,
                            String artifactSha256, Path artifactFile, Map<String, String> env,
                            RunSettings run, String actor, String releaseJson) {

    /** Never shows the config: records print themselves into logs and stack traces. */
    @Override
    public String toString() {
        return "RemoteRelease[" + project + "/" + environment + " " + releaseName + " (" + label + "), artifact "
                + artifactSha256 + ", " + (env == null ? 0 : env.size()) + " config entries, by " + actor + "]";
    }
}
