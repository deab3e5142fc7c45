package org.stageboard.ui.board;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.stageboard.core.Build;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.BoardSnapshot;

/** Turns a board snapshot into the cards of the three lanes, newest first. */
public final class BoardCards {

    private final Clock clock;

    public BoardCards(Clock clock) {
        this.clock = clock;
    }

    public List<Card> builds(BoardSnapshot snapshot) {
        return snapshot.builds().stream().map(this::buildCard).toList();
    }

    public List<Card> releases(BoardSnapshot snapshot) {
        return snapshot.releases().stream().map(r -> releaseCard(snapshot, r)).toList();
    }

    public List<Card> runs(BoardSnapshot snapshot) {
        return snapshot.runs().stream().map(r -> runCard(snapshot, r)).toList();
    }

    Card buildCard(Build build) {
        String title = "#" + build.number() + " · " + build.shortSha();
        String detail;
        CardState state;
        switch (build.status()) {
            case SUCCEEDED -> {
                detail = "✓ " + Formats.duration(build.duration())
                        + (build.artifactSize() == null ? "" : " · " + Formats.size(build.artifactSize()));
                state = CardState.SUCCESS;
            }
            case FAILED -> {
                detail = build.exitCode() == null ? "✗ failed" : "✗ exit " + build.exitCode();
                state = CardState.FAILED;
            }
            case CANCELLED -> {
                detail = "⊘ cancelled";
                state = CardState.SUPERSEDED;
            }
            case INTERRUPTED -> {
                detail = "⚠ interrupted";
                state = CardState.FAILED;
            }
            default -> {
                detail = "● building · " + Formats.duration(build.duration());
                state = CardState.RUNNING;
            }
        }
        return new Card(Lane.BUILD, build.id(), build.commitSha(), title, detail, state, build);
    }

    Card releaseCard(BoardSnapshot snapshot, Release release) {
        String detail = "build #" + release.buildNumber() + " + config v" + release.configVersion();
        List<String> liveOn = snapshot.runs().stream()
                .filter(run -> run.releaseId() == release.id() && run.status() == RunStatus.LIVE && puttingToWork(run))
                .map(run -> hostName(snapshot, run)).distinct().toList();
        CardState state = CardState.NEUTRAL;
        if (!liveOn.isEmpty()) {
            detail += " · live on " + String.join(", ", liveOn);
            state = CardState.SUCCESS;
        }
        return new Card(Lane.RELEASE, release.id(), snapshot.commitOf(release), release.label(), detail, state, release);
    }

    /** True for runs that put a release to work on the host; false for one-off commands (release command, exec). */
    static boolean puttingToWork(Run run) {
        return run.kind() != RunKind.RELEASE_COMMAND && run.kind() != RunKind.EXEC;
    }

    Card runCard(BoardSnapshot snapshot, Run run) {
        Release release = snapshot.releaseOf(run);
        String title = hostName(snapshot, run) + " · " + (release == null ? "release ?" : release.label());
        String prefix = run.kind() == RunKind.ROLLBACK ? "rollback · " : run.kind() == RunKind.RESTART ? "restart · "
                : run.kind() == RunKind.RELEASE_COMMAND ? "release command · " : "";
        Instant now = clock.instant();
        Instant since = run.finishedAt() == null ? run.startedAt() : run.finishedAt();
        String detail;
        CardState state;
        switch (run.status()) {
            case LIVE -> {
                // A one-off command's LIVE only says it succeeded: the host does not run anything new.
                detail = (puttingToWork(run) ? "live since " : "succeeded at ") + Formats.clock(since, now, clock.getZone());
                state = CardState.SUCCESS;
            }
            case SKIPPED -> {
                detail = "skipped";
                state = CardState.SUPERSEDED;
            }
            case ROLLED_BACK -> {
                detail = "rolled back";
                state = CardState.ROLLED_BACK;
            }
            case FAILED -> {
                detail = "failed";
                state = CardState.FAILED;
            }
            case SUPERSEDED -> {
                detail = "superseded";
                state = CardState.SUPERSEDED;
            }
            case CANCELLED -> {
                detail = "cancelled";
                state = CardState.SUPERSEDED;
            }
            case INTERRUPTED -> {
                detail = "interrupted · process gone";
                state = CardState.FAILED;
            }
            case APP_DOWN -> {
                detail = "app down — host left without a running app";
                state = CardState.FAILED;
            }
            default -> {
                detail = "deploying · started " + Formats.clock(run.startedAt(), now, clock.getZone());
                state = CardState.RUNNING;
            }
        }
        return new Card(Lane.RUN, run.id(), snapshot.commitOf(run), title, prefix + detail, state, run);
    }

    private static String hostName(BoardSnapshot snapshot, Run run) {
        Host host = snapshot.hosts().get(run.hostId());
        return host == null ? "host " + run.hostId() : host.name();
    }
}
