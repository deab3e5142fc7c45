package org.stageboard.pipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * How much of a project the board reads: the newest {@code commits} commits of its branch, the
 * newest {@code builds} builds, and per environment the newest {@code releases} releases (or more
 * for an environment whose older releases the user asked to see, environment id to count). What
 * runs on the hosts now is always read whole; past runs are not part of the board.
 */
public record BoardPage(int commits, int builds, int releases, Map<Long, Integer> releasesByEnvironment) {

    /** What the board reads at first: enough to fill a screen, bounded whatever the catalog's size. */
    public static final BoardPage FIRST = new BoardPage(100, 100, 5, Map.of());

    public BoardPage {
        if (commits < 1 || builds < 1 || releases < 1) {
            throw new IllegalArgumentException("A board page reads at least one commit, build and release, not " + commits + "/" + builds
                    + "/" + releases + ".");
        }
        releasesByEnvironment = Map.copyOf(releasesByEnvironment);
    }

    /** How many releases of the environment to read. */
    public int releasesOf(long environmentId) {
        return releasesByEnvironment.getOrDefault(environmentId, releases);
    }

    public BoardPage withCommits(int count) {
        return new BoardPage(count, builds, releases, releasesByEnvironment);
    }

    public BoardPage withBuilds(int count) {
        return new BoardPage(commits, count, releases, releasesByEnvironment);
    }

    /** The same page with {@code count} releases read for one environment. */
    public BoardPage withReleases(long environmentId, int count) {
        Map<Long, Integer> next = new HashMap<>(releasesByEnvironment);
        next.put(environmentId, count);
        return new BoardPage(commits, builds, releases, next);
    }
}
