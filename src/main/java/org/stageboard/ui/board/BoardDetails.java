package org.stageboard.ui.board;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Release;
import org.stageboard.pipeline.BoardSnapshot;

/** The detail pane's words for the selected commit, build, release or host, from the snapshot alone. */
final class BoardDetails {

    private BoardDetails() {
    }

    static BoardViewModel.Detail describe(BoardViewModel board, BoardSnapshot snapshot) {
        if (snapshot == null) {
            return BoardViewModel.Detail.NONE;
        }
        HostSlot slot = board.selectedSlotProperty().get();
        Card card = board.selectedCardProperty().get();
        if (slot != null) {
            return host(board, slot);
        }
        if (card != null && card.item() instanceof Build build) {
            return build(board, snapshot, build);
        }
        if (card != null && card.item() instanceof Release release) {
            return release(board, snapshot, release);
        }
        if (card != null) {
            return new BoardViewModel.Detail(card.title(), List.of(card.detail()));
        }
        return board.selectedCommitInfo().map(c -> commit(board, snapshot, c)).orElse(BoardViewModel.Detail.NONE);
    }

    private static BoardViewModel.Detail commit(BoardViewModel board, BoardSnapshot snapshot, CommitInfo commit) {
        List<String> lines = new ArrayList<>();
        lines.add(commit.subject());
        lines.add(commit.author() + " · " + Formats.clock(commit.time(), board.clock().instant(), board.clock().getZone()));
        List<Build> builds = snapshot.buildsOf(commit.sha());
        lines.add(builds.isEmpty() ? "Not built yet: press Build (Ctrl+B) to turn it into an artifact."
                : "Builds: " + builds.stream().map(b -> "#" + b.number() + " " + b.status().name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", ")));
        List<String> releases = snapshot.releases().stream().filter(r -> commit.sha().equals(snapshot.commitOf(r))).map(Release::label).toList();
        if (!releases.isEmpty()) {
            lines.add("Releases: " + String.join(", ", releases));
        }
        lines.add(liveOn(board, commit.sha()));
        return new BoardViewModel.Detail("Commit " + commit.shortSha(), List.copyOf(lines));
    }

    private static BoardViewModel.Detail build(BoardViewModel board, BoardSnapshot snapshot, Build build) {
        List<String> lines = new ArrayList<>();
        lines.add("Commit " + build.shortSha() + board.commits().stream().filter(c -> c.sha().equals(build.commitSha())).findFirst()
                .map(c -> " · " + c.subject()).orElse(""));
        lines.add(board.cardMaker().buildCard(build).detail());
        lines.add("By " + build.actor() + " · started " + Formats.clock(build.startedAt(), board.clock().instant(), board.clock().getZone()));
        if (build.artifactSha256() != null) {
            lines.add("Artifact SHA-256 " + build.artifactSha256().substring(0, Math.min(12, build.artifactSha256().length())) + "…");
        }
        List<String> releases = snapshot.releases().stream().filter(r -> r.buildId() == build.id()).map(Release::label).toList();
        lines.add(releases.isEmpty() ? (build.succeeded() ? "Not released yet: drag it onto an environment's row in Release, or press R."
                : "Nothing to release: the build did not succeed.") : "Released as " + String.join(", ", releases));
        return new BoardViewModel.Detail("Build #" + build.number(), List.copyOf(lines));
    }

    private static BoardViewModel.Detail release(BoardViewModel board, BoardSnapshot snapshot, Release release) {
        List<String> lines = new ArrayList<>();
        String sha = snapshot.commitOf(release);
        lines.add("Build #" + release.buildNumber() + (sha == null ? "" : " of commit " + sha.substring(0, 7)) + " + config v" + release.configVersion());
        lines.add("Made by " + release.actor() + " · " + Formats.clock(release.createdAt(), board.clock().instant(), board.clock().getZone()));
        List<String> hosts = board.hosts().stream().flatMap(r -> r.slots().stream())
                .filter(s -> board.runningOn(s).map(r -> r.id() == release.id()).orElse(false)).map(s -> s.host().name()).toList();
        lines.add(hosts.isEmpty() ? "Not live on any host: drag it onto a host in Run, or press D." : "Live on " + String.join(", ", hosts));
        return new BoardViewModel.Detail(release.label(), List.copyOf(lines));
    }

    private static BoardViewModel.Detail host(BoardViewModel board, HostSlot slot) {
        List<String> lines = new ArrayList<>();
        lines.add(slot.environment().name() + " on " + slot.host().name() + " (" + slot.host().display() + ")");
        lines.add("Host says: " + slot.summary());
        String lastGood = slot.lastGoodLine(board.clock());
        if (!lastGood.isEmpty()) {
            lines.add(lastGood);
        }
        String since = slot.since(board.clock());
        if (!since.isEmpty()) {
            lines.add(since);
        }
        String catalog = board.catalogLine(slot);
        if (!catalog.isEmpty()) {
            lines.add(catalog);
        }
        slot.flags(board.clock()).forEach(f -> lines.add(f.kind().tag() + " " + f.text()));
        lines.add("Recent runs: the host's Recent runs button, or Enter.");
        return new BoardViewModel.Detail(slot.host().name() + " · " + slot.environment().name(), List.copyOf(lines));
    }

    private static String liveOn(BoardViewModel board, String sha) {
        List<String> hosts = board.hosts().stream().flatMap(r -> r.slots().stream())
                .filter(s -> board.runningOn(s).map(r -> sha.equals(board.snapshotProperty().get().commitOf(r))).orElse(false))
                .map(s -> s.host().name() + " (" + s.environment().name() + ")").toList();
        return hosts.isEmpty() ? "Not live on any host." : "Live on " + String.join(", ", hosts);
    }
}
