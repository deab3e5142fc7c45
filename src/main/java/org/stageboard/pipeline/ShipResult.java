package org.stageboard.pipeline;

import org.stageboard.core.Build;
import org.stageboard.core.Release;

/**
 * What {@code ship} did: the build of the branch head (failed: nothing further was done, release
 * and rollout are null), the release made from it with the latest config, and its deploy.
 */
public record ShipResult(Build build, Release release, RolloutResult rollout) {

    /** True when the build succeeded and every host runs the release. */
    public boolean allLive() {
        return rollout != null && rollout.allLive();
    }
}
