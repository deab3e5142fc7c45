package org.stageboard.pipeline;

import java.util.List;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.HostPlan;

/**
 * What deploying a release to one host would do, changing nothing: the host's plan (what runs now,
 * what would run, bytes to upload, lock, releases pruned; null when the host could not be read,
 * {@code error} says why), this catalog's release running there now (null if none or unknown), and
 * the config keys that would change (secret values masked).
 */
public record DeployPlan(Host host, Release release, HostPlan plan, String error, Release runningNow, List<String> configChanges) {
}
