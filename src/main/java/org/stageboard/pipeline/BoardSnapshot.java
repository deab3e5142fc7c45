package org.stageboard.pipeline;

import java.util.List;
import java.util.Map;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.Run;

/**
 * Everything the board shows for one project, read in one go: the commits of its branch, and
 * its builds, releases and runs (newest first), with the environments and hosts they refer to,
 * and which hosts each environment runs on (environment id to host ids).
 */
public record BoardSnapshot(Project project, List<CommitInfo> commits, List<Build> builds, List<Release> releases,
                            List<Run> runs, List<Environment> environments, Map<Long, Host> hosts,
                            Map<Long, List<Long>> environmentHosts) {

    /** Host names per environment name, in the environments' order: where each environment runs. */
    public Map<String, List<String>> targets() {
        Map<String, List<String>> targets = new java.util.LinkedHashMap<>();
        for (Environment environment : environments) {
            targets.put(environment.name(), environmentHosts.getOrDefault(environment.id(), List.of()).stream()
                    .map(hosts::get).filter(java.util.Objects::nonNull).map(Host::name).toList());
        }
        return targets;
    }

    /** The builds of one commit. */
    public List<Build> buildsOf(String commitSha) {
        return builds.stream().filter(b -> b.commitSha().equals(commitSha)).toList();
    }

    /** The commit a release was built from, or null if its build is unknown. */
    public String commitOf(Release release) {
        return builds.stream().filter(b -> b.id() == release.buildId()).map(Build::commitSha).findFirst().orElse(null);
    }

    /** The commit a run put to work, or null. */
    public String commitOf(Run run) {
        return releases.stream().filter(r -> r.id() == run.releaseId()).findFirst().map(this::commitOf).orElse(null);
    }

    public Release releaseOf(Run run) {
        return releases.stream().filter(r -> r.id() == run.releaseId()).findFirst().orElse(null);
    }
}
