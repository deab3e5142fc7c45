package org.stageboard.run;

import org.stageboard.core.ReleaseIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.stageboard.core.RunSettings;

/**
 * What to put to work on a host: the release's identity (folder name and label come from it), the
 * artifact file, the config in clear (written only to the host's {@code .env}, mode 0600, never
 * logged) with the values that are secret (masked in every log; other values stay readable), how
 * to run it, who acts, and the descriptive part of {@code release.json}.
 */
public record RemoteRelease(ReleaseIdentity identity, Path artifactFile, Map<String, String> env, List<String> secretValues,
                            RunSettings run, String actor, String releaseJson) {

    public String project() {
        return identity.project();
    }

    public String environment() {
        return identity.environment();
    }

    /** The folder under {@code releases/}, e.g. {@code v3-5f2a9c01be}. */
    public String releaseName() {
        return identity.folder();
    }

    public String label() {
        return identity.label();
    }

    public String artifactSha256() {
        return identity.artifactSha256();
    }

    /** Never shows the config: records print themselves into logs and stack traces. */
    @Override
    public String toString() {
        return "RemoteRelease[" + identity.project() + "/" + identity.environment() + " " + releaseName() + " (" + label()
                + "), artifact " + artifactSha256() + ", " + (env == null ? 0 : env.size()) + " config entries, by " + actor + "]";
    }
}
