package org.stageboard.pipeline;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;

/**
 * What the board shows for one project, read in one go as a bounded page (see {@link BoardPage}):
 * the newest commits of its branch, the newest builds, the newest releases of each environment
 * (newest first) and the builds and releases those and the hosts refer to; {@code runs} are the
 * runs that say what runs on the hosts now (live, running, or that left a host without an app),
 * not the past ones. Also the environments (in promotion order) and hosts, which hosts each
 * environment runs on (environment id to host ids), and how many builds and releases (per
 * environment id) the catalog holds in all, so that the board can offer the older ones.
 * {@code releaseRuns} are, for the shown releases, the newest deploy or rollback run of each
 * release on each host that ran it, whatever its status: how its deploys went, e.g. rolled back.
 */
public record BoardSnapshot(Project project, List<CommitInfo> commits, List<Build> builds, List<Release> releases,
                            List<Run> runs, List<Environment> environments, Map<Long, Host> hosts,
                            Map<Long, List<Long>> environmentHosts, int buildCount, Map<Long, Integer> releaseCounts,
                            List<Run> releaseRuns) {

    /** A snapshot without the releases' past runs. */
    public BoardSnapshot(Project project, List<CommitInfo> commits, List<Build> builds, List<Release> releases,
                         List<Run> runs, List<Environment> environments, Map<Long, Host> hosts,
                         Map<Long, List<Long>> environmentHosts, int buildCount, Map<Long, Integer> releaseCounts) {
        this(project, commits, builds, releases, runs, environments, hosts, environmentHosts, buildCount, releaseCounts, List.of());
    }

    /** A snapshot that holds everything there is: the totals are the lists' sizes. */
    public BoardSnapshot(Project project, List<CommitInfo> commits, List<Build> builds, List<Release> releases,
                         List<Run> runs, List<Environment> environments, Map<Long, Host> hosts,
                         Map<Long, List<Long>> environmentHosts) {
        this(project, commits, builds, releases, runs, environments, hosts, environmentHosts, builds.size(), countByEnvironment(releases));
    }

    private static Map<Long, Integer> countByEnvironment(List<Release> releases) {
        Map<Long, Integer> counts = new HashMap<>();
        releases.forEach(r -> counts.merge(r.environmentId(), 1, Integer::sum));
        return counts;
    }

    /** Host names per environment name, in the environments' order: where each environment runs. */
    public Map<String, List<String>> targets() {
        Map<String, List<String>> targets = new java.util.LinkedHashMap<>();
        for (Environment environment : environments) {
            targets.put(environment.name(), environmentHosts.getOrDefault(environment.id(), List.of()).stream()
                    .map(hosts::get).filter(Objects::nonNull).map(Host::name).toList());
        }
        return targets;
    }

    /** The builds of one commit. */
    public List<Build> buildsOf(String commitSha) {
        return builds.stream().filter(b -> b.commitSha().equals(commitSha)).toList();
    }

    /** The commit a release was built from, or null if its build is unknown. */
    public String commitOf(Release release) {
        return build(release.buildId()).map(Build::commitSha).orElse(null);
    }

    /** The commit a run put to work, or null. */
    public String commitOf(Run run) {
        Release release = releaseOf(run);
        return release == null ? null : commitOf(release);
    }

    public Release releaseOf(Run run) {
        return release(run.releaseId()).orElse(null);
    }

    public Optional<Build> build(long id) {
        return builds.stream().filter(b -> b.id() == id).findFirst();
    }

    public Optional<Release> release(long id) {
        return releases.stream().filter(r -> r.id() == id).findFirst();
    }

    /** The newest deploy or rollback run of the release on each host that ran it (see {@code releaseRuns}), by host id. */
    public List<Run> latestRunsOf(long releaseId) {
        return releaseRuns.stream().filter(r -> r.releaseId() == releaseId).toList();
    }

    /** The shown releases of one environment, newest (highest version) first. */
    public List<Release> releasesOf(long environmentId) {
        return releases.stream().filter(r -> r.environmentId() == environmentId)
                .sorted(Comparator.comparingInt(Release::version).reversed()).toList();
    }

    /** How many releases the environment has in the catalog, shown or not. */
    public int releaseCount(long environmentId) {
        return releaseCounts.getOrDefault(environmentId, 0);
    }

    /** The run the catalog last recorded live for the environment on the host, if any. */
    public Optional<Run> liveRun(long environmentId, long hostId) {
        return runs.stream().filter(r -> r.hostId() == hostId && r.status() == RunStatus.LIVE)
                .filter(r -> release(r.releaseId()).map(x -> x.environmentId() == environmentId).orElse(false))
                .findFirst();
    }

    /** Runs now under way for the environment on the host, newest first. */
    public List<Run> runningOn(long environmentId, long hostId) {
        return runs.stream().filter(r -> r.hostId() == hostId && r.status() == RunStatus.RUNNING)
                .filter(r -> release(r.releaseId()).map(x -> x.environmentId() == environmentId).orElse(false)).toList();
    }
}
