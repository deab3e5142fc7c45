package org.stageboard.ui.board;

import java.util.List;
import org.stageboard.core.Build;
import org.stageboard.core.Host;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.BoardSnapshot;

/** One line under a commit that says how far it got: live somewhere, built, failed, cancelled, interrupted, or building. */
public record CommitBadge(String text, CardState state) {

    public static final CommitBadge NONE = new CommitBadge("", CardState.NEUTRAL);

    public static CommitBadge of(BoardSnapshot snapshot, String sha) {
        if (snapshot == null) {
            return NONE;
        }
        List<String> liveOn = snapshot.runs().stream()
                .filter(run -> run.status() == RunStatus.LIVE && BoardCards.puttingToWork(run) && sha.equals(snapshot.commitOf(run)))
                .map(run -> {
                    Host host = snapshot.hosts().get(run.hostId());
                    var release = snapshot.releaseOf(run);
                    return (release == null ? "" : release.environmentName() + " on ") + (host == null ? "host " + run.hostId() : host.name());
                })
                .distinct().toList();
        if (!liveOn.isEmpty()) {
            return new CommitBadge("● live: " + String.join(", ", liveOn), CardState.SUCCESS);
        }
        List<Build> builds = snapshot.buildsOf(sha);
        if (builds.isEmpty()) {
            return NONE;
        }
        Build newest = builds.get(0);
        return switch (newest.status()) {
            case SUCCEEDED -> new CommitBadge("✓ built #" + newest.number(), CardState.SUCCESS);
            case FAILED -> new CommitBadge("✗ build #" + newest.number() + " failed", CardState.FAILED);
            case CANCELLED -> new CommitBadge("⊘ build #" + newest.number() + " cancelled", CardState.SUPERSEDED);
            case INTERRUPTED -> new CommitBadge("⚠ build #" + newest.number() + " interrupted", CardState.FAILED);
            case RUNNING -> new CommitBadge("● building #" + newest.number(), CardState.RUNNING);
        };
    }
}
