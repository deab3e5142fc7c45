package org.stageboard.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.Run;

/**
 * Reads a board snapshot in bounded pages, whatever the catalog's size: the newest builds, the
 * newest releases per environment, the runs that say what the hosts run now, and the older
 * builds and releases those refer to (so every card on the board can be traced to its commit),
 * and the newest deploy of each shown release per host (so a card can say it was rolled back).
 * Every query is bounded by a limit or by an index on status; none reads the whole history.
 */
final class BoardLoader {

    private final Catalog catalog;

    BoardLoader(Catalog catalog) {
        this.catalog = catalog;
    }

    BoardSnapshot load(Project project, List<CommitInfo> commits, List<Environment> environments, BoardPage page) {
        List<Run> current = currentRuns(catalog.runs().current(project.id()));
        Map<Long, Release> releases = new LinkedHashMap<>();
        Map<Long, Integer> releaseCounts = new HashMap<>();
        for (Environment environment : environments) {
            catalog.releases().latest(environment.id(), page.releasesOf(environment.id())).forEach(r -> releases.put(r.id(), r));
            releaseCounts.put(environment.id(), catalog.releases().count(environment.id()));
        }
        Set<Long> missingReleases = new LinkedHashSet<>();
        current.stream().map(Run::releaseId).filter(id -> !releases.containsKey(id)).forEach(missingReleases::add);
        catalog.releases().byIds(missingReleases).forEach(r -> releases.put(r.id(), r));

        Map<Long, Build> builds = new LinkedHashMap<>();
        catalog.builds().latest(project.id(), page.builds()).forEach(b -> builds.put(b.id(), b));
        Set<Long> missingBuilds = new LinkedHashSet<>();
        releases.values().stream().map(Release::buildId).filter(id -> !builds.containsKey(id)).forEach(missingBuilds::add);
        List<Build> older = new ArrayList<>(catalog.builds().byIds(missingBuilds));
        older.sort((a, b) -> Integer.compare(b.number(), a.number()));
        older.forEach(b -> builds.put(b.id(), b));

        List<Release> releaseList = new ArrayList<>(releases.values());
        releaseList.sort((a, b) -> {
            int byTime = b.createdAt().compareTo(a.createdAt());
            return byTime != 0 ? byTime : Long.compare(b.id(), a.id());
        });
        Map<Long, Host> hostsById = new LinkedHashMap<>();
        catalog.hosts().all().forEach(h -> hostsById.put(h.id(), h));
        List<Run> releaseRuns = catalog.runs().latestPerHost(releases.keySet());
        return new BoardSnapshot(project, commits, List.copyOf(builds.values()), List.copyOf(releaseList), current, environments,
                hostsById, catalog.environments().hostIdsByEnvironment(project.id()), catalog.builds().count(project.id()),
                releaseCounts, releaseRuns);
    }

    /**
     * Per host and release environment: the live run, any running one, and a run that left the
     * host without an app if it came after the live one. Older live runs of the same host and
     * environment (left by an interrupted session) are dropped.
     */
    private List<Run> currentRuns(List<Run> newestFirst) {
        Map<String, Run> live = new HashMap<>();
        Map<String, Run> down = new HashMap<>();
        List<Run> kept = new ArrayList<>();
        Map<Long, Long> environmentOf = new HashMap<>();
        catalog.releases().byIds(newestFirst.stream().map(Run::releaseId).distinct().toList())
                .forEach(r -> environmentOf.put(r.id(), r.environmentId()));
        for (Run run : newestFirst) {
            String key = environmentOf.get(run.releaseId()) + ":" + run.hostId();
            switch (run.status()) {
                case RUNNING -> kept.add(run);
                case LIVE -> {
                    if (live.putIfAbsent(key, run) == null) {
                        kept.add(run);
                    }
                }
                default -> {
                    if (!live.containsKey(key) && down.putIfAbsent(key, run) == null) {
                        kept.add(run);
                    }
                }
            }
        }
        return List.copyOf(kept);
    }
}
