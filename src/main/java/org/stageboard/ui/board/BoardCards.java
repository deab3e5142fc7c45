package org.stageboard.ui.board;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                detail = "✓ " + (build.cached() ? "cached from #" + build.cachedFrom() : Formats.duration(build.duration()))
                        + (build.artifactSize() == null ? "" : " · " + Formats.size(build.artifactSize()));
                state = CardState.SUCCESS;
            }
            case QUEUED -> {
                detail = "◌ queued";
                state = CardState.NEUTRAL;
            }
            case FAILED -> {
                detail = "✗ " + BuildReason.of(build);
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

    /**
     * A release card: its build and config, the hosts it is live on, and the hosts where its
     * newest deploy did not go live (failed, rolled back, interrupted), e.g.
     * {@code build #4 + config v4 · live on vps2 · ✗ rolled back on vps1}. A host where it went
     * wrong needs a look, so such a card is failed (rolled back when every miss was rolled back).
     */
    Card releaseCard(BoardSnapshot snapshot, Release release) {
        String detail = "build #" + release.buildNumber() + " + config v" + release.configVersion();
        List<String> liveOn = snapshot.runs().stream()
                .filter(run -> run.releaseId() == release.id() && run.status() == RunStatus.LIVE && puttingToWork(run))
                .map(run -> hostName(snapshot, run)).distinct().toList();
        Map<RunStatus, List<String>> missed = new EnumMap<>(RunStatus.class);
        for (Run run : snapshot.latestRunsOf(release.id())) {
            String host = hostName(snapshot, run);
            if (MISSES.contains(run.status()) && !liveOn.contains(host)) {
                missed.computeIfAbsent(run.status(), s -> new ArrayList<>()).add(host);
            }
        }
        CardState state = CardState.NEUTRAL;
        if (!liveOn.isEmpty()) {
            detail += " · live on " + String.join(", ", liveOn);
            state = CardState.SUCCESS;
        }
        if (!missed.isEmpty()) {
            List<String> parts = new ArrayList<>();
            missed.forEach((status, hosts) -> parts.add(status.label() + " on " + String.join(", ", hosts)));
            detail += " · ✗ " + String.join(" · ", parts);
            state = missed.keySet().equals(Set.of(RunStatus.ROLLED_BACK)) ? CardState.ROLLED_BACK : CardState.FAILED;
        }
        return new Card(Lane.RELEASE, release.id(), snapshot.commitOf(release), release.label(), detail, state, release);
    }

    /** How a release's newest deploy on a host can have missed going live, in the order a card names them. */
    private static final List<RunStatus> MISSES = List.of(RunStatus.FAILED, RunStatus.ROLLED_BACK, RunStatus.INTERRUPTED);

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
