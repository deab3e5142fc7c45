package org.stageboard.ui.board;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stageboard.core.Build;
import org.stageboard.core.Release;
import org.stageboard.pipeline.BoardSnapshot;

/**
 * Finds the journey of a selection on a snapshot. Selecting a commit takes all its builds, the
 * releases made from them and the hosts running those; selecting a build, release or host takes
 * what leads to it (its commit, build, release) and what follows from it. {@code running} says
 * which release each host slot runs (slot key to release id), as the board shows it.
 */
final class JourneyFinder {

    private final BoardSnapshot snapshot;
    private final Map<String, Long> running;

    JourneyFinder(BoardSnapshot snapshot, Map<String, Long> running) {
        this.snapshot = snapshot;
        this.running = running;
    }

    Journey ofCommit(String sha) {
        if (sha == null) {
            return Journey.NONE;
        }
        return follow(sha, snapshot.buildsOf(sha), null);
    }

    Journey ofBuild(Build build) {
        return follow(build.commitSha(), List.of(build), null);
    }

    Journey ofRelease(Release release) {
        Build build = snapshot.build(release.buildId()).orElse(null);
        return follow(build == null ? null : build.commitSha(), build == null ? List.of() : List.of(build), List.of(release));
    }

    Journey ofHost(HostSlot slot) {
        Long releaseId = running.get(Journey.host(slot));
        Release release = releaseId == null ? null : snapshot.release(releaseId).orElse(null);
        if (release == null) {
            return new Journey(Set.of(Journey.host(slot)), List.of());
        }
        Journey journey = ofRelease(release);
        // Only this host, not the others that run the same release.
        Set<String> keys = new LinkedHashSet<>(journey.keys());
        keys.removeIf(k -> k.startsWith("host:") && !k.equals(Journey.host(slot)));
        keys.add(Journey.host(slot));
        List<Journey.Link> links = journey.links().stream().filter(l -> keys.contains(l.to())).toList();
        return new Journey(keys, links);
    }

    /** From a commit through the given builds (and only the given releases, when not null) to the hosts. */
    private Journey follow(String sha, List<Build> builds, List<Release> only) {
        Set<String> keys = new LinkedHashSet<>();
        List<Journey.Link> links = new ArrayList<>();
        if (sha != null) {
            keys.add(Journey.commit(sha));
        }
        for (Build build : builds) {
            keys.add(Journey.build(build.id()));
            if (sha != null) {
                links.add(new Journey.Link(Journey.commit(sha), Journey.build(build.id())));
            }
            List<Release> releases = only != null ? only.stream().filter(r -> r.buildId() == build.id()).toList()
                    : snapshot.releases().stream().filter(r -> r.buildId() == build.id()).toList();
            for (Release release : releases) {
                keys.add(Journey.release(release.id()));
                links.add(new Journey.Link(Journey.build(build.id()), Journey.release(release.id())));
                running.forEach((slot, releaseId) -> {
                    if (releaseId == release.id()) {
                        keys.add(slot);
                        links.add(new Journey.Link(Journey.release(release.id()), slot));
                    }
                });
            }
        }
        if (only != null && builds.isEmpty()) {
            only.forEach(r -> keys.add(Journey.release(r.id())));
        }
        return new Journey(keys, links);
    }
}
