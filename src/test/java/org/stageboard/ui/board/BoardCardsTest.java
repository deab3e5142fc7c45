package org.stageboard.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;

class BoardCardsTest {

    private final BoardCards cards = new BoardCards(Clock.fixed(Snapshots.T0.plusSeconds(3600), ZoneOffset.UTC));

    @Test
    void buildCardsSayNumberShaOutcomeDurationAndSize() {
        List<Card> builds = cards.builds(Snapshots.journey());
        assertThat(builds).extracting(Card::text).containsExactly(
                "#3 · b2c3d4e · ✓ 42 s · 1.0 KB",
                "#2 · a1b2c3d · ✗ exit 2",
                "#1 · a1b2c3d · ✓ 42 s · 12.4 MB");
        assertThat(builds).extracting(Card::state).containsExactly(CardState.SUCCESS, CardState.FAILED, CardState.SUCCESS);
    }

    @Test
    void aRunningBuildIsBlue() {
        Card card = cards.buildCard(Snapshots.build(1, 4, Snapshots.SHA_A, BuildStatus.RUNNING, null, null));
        assertThat(card.state()).isEqualTo(CardState.RUNNING);
        assertThat(card.detail()).startsWith("● building");
    }

    @Test
    void aCancelledBuildIsGreyAndAnInterruptedOneNeedsAttention() {
        Card cancelled = cards.buildCard(Snapshots.build(1, 4, Snapshots.SHA_A, BuildStatus.CANCELLED, null, null));
        assertThat(cancelled.detail()).isEqualTo("⊘ cancelled");
        assertThat(cancelled.state()).isEqualTo(CardState.SUPERSEDED);
        Card interrupted = cards.buildCard(Snapshots.build(1, 5, Snapshots.SHA_A, BuildStatus.INTERRUPTED, null, null));
        assertThat(interrupted.detail()).isEqualTo("⚠ interrupted");
        assertThat(interrupted.state()).isEqualTo(CardState.FAILED);
    }

    @Test
    void releaseCardsNameBuildAndConfigAndWhereTheyAreLive() {
        Card release = cards.releases(Snapshots.journey()).get(0);
        assertThat(release.text()).isEqualTo("staging v1 · build #1 + config v2 · live on vps1");
        assertThat(release.commitSha()).isEqualTo(Snapshots.SHA_A);
        assertThat(release.state()).isEqualTo(CardState.SUCCESS);
    }

    @Test
    void runCardsSayHostReleaseAndState() {
        Card live = cards.runs(Snapshots.journey()).get(0);
        assertThat(live.text()).isEqualTo("vps1 · staging v1 · live since 10:02");
        assertThat(live.commitSha()).isEqualTo(Snapshots.SHA_A);
        var snapshot = Snapshots.journey();
        Run rolledBack = new Run(32, 21, 3, RunKind.DEPLOY, RunStatus.ROLLED_BACK, Snapshots.T0, Snapshots.T0, null, "health failed", "ada");
        Run superseded = new Run(33, 21, 3, RunKind.ROLLBACK, RunStatus.SUPERSEDED, Snapshots.T0, Snapshots.T0, null, null, "ada");
        assertThat(cards.runCard(snapshot, rolledBack).detail()).isEqualTo("rolled back");
        assertThat(cards.runCard(snapshot, rolledBack).state()).isEqualTo(CardState.ROLLED_BACK);
        assertThat(cards.runCard(snapshot, superseded).detail()).isEqualTo("rollback · superseded");
        assertThat(cards.runCard(snapshot, superseded).state()).isEqualTo(CardState.SUPERSEDED);
    }

    @Test
    void runCardsSayWhenARunWasCancelledInterruptedOrLeftTheAppDown() {
        var snapshot = Snapshots.journey();
        Run cancelled = new Run(34, 21, 3, RunKind.DEPLOY, RunStatus.CANCELLED, Snapshots.T0, Snapshots.T0, null, "cancelled", "ada");
        Run interrupted = new Run(35, 21, 3, RunKind.DEPLOY, RunStatus.INTERRUPTED, Snapshots.T0, Snapshots.T0, null, "gone", "ada");
        Run appDown = new Run(36, 21, 3, RunKind.ROLLBACK, RunStatus.APP_DOWN, Snapshots.T0, Snapshots.T0, null, "no app", "ada");
        assertThat(cards.runCard(snapshot, cancelled).text()).isEqualTo("vps1 · staging v1 · cancelled");
        assertThat(cards.runCard(snapshot, cancelled).state()).isEqualTo(CardState.SUPERSEDED);
        assertThat(cards.runCard(snapshot, interrupted).detail()).isEqualTo("interrupted · process gone");
        assertThat(cards.runCard(snapshot, interrupted).state()).isEqualTo(CardState.FAILED);
        assertThat(cards.runCard(snapshot, appDown).detail()).isEqualTo("rollback · app down — host left without a running app");
        assertThat(cards.runCard(snapshot, appDown).state()).isEqualTo(CardState.FAILED);
        // none of them is "deploying", and none makes its release live
        assertThat(List.of(cancelled, interrupted, appDown)).allSatisfy(run ->
                assertThat(cards.runCard(snapshot, run).detail()).doesNotContain("deploying"));
    }

    @Test
    void aSkippedHostAndAReleaseCommandAreNotLiveRuns() {
        var snapshot = Snapshots.journey();
        Run skipped = new Run(37, 21, 3, RunKind.DEPLOY, RunStatus.SKIPPED, Snapshots.T0, Snapshots.T0, null, "vps2 failed", "ada");
        Run command = new Run(38, 21, 3, RunKind.RELEASE_COMMAND, RunStatus.LIVE, Snapshots.T0, Snapshots.T0.plusSeconds(60), null, "ok", "ada");
        assertThat(cards.runCard(snapshot, skipped).detail()).isEqualTo("skipped");
        assertThat(cards.runCard(snapshot, skipped).state()).isEqualTo(CardState.SUPERSEDED);
        assertThat(cards.runCard(snapshot, command).detail()).startsWith("release command · succeeded at ");
        assertThat(BoardCards.puttingToWork(command)).isFalse();
        assertThat(BoardCards.puttingToWork(skipped)).isTrue();
    }

    @Test
    void formatsAreShort() {
        assertThat(Formats.size(12_400_000)).isEqualTo("11.8 MB");
        assertThat(Formats.duration(java.time.Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(Formats.ago(Snapshots.T0, Snapshots.T0.plusSeconds(30))).isEqualTo("just now");
        assertThat(Formats.ago(Snapshots.T0, Snapshots.T0.plusSeconds(600))).isEqualTo("10 min ago");
        assertThat(Formats.ago(Snapshots.T0, Snapshots.T0.plusSeconds(3 * 86_400))).isEqualTo("3 days ago");
    }

    @Test
    void aCommitBadgeSaysHowFarTheCommitGot() {
        var snapshot = Snapshots.journey();
        assertThat(CommitBadge.of(snapshot, Snapshots.SHA_A)).isEqualTo(new CommitBadge("● live: staging on vps1", CardState.SUCCESS));
        assertThat(CommitBadge.of(snapshot, Snapshots.SHA_B)).isEqualTo(new CommitBadge("✓ built #3", CardState.SUCCESS));
        assertThat(CommitBadge.of(Snapshots.empty(), Snapshots.SHA_A)).isEqualTo(CommitBadge.NONE);
    }

    @Test
    void aCommitBadgeSaysWhenItsNewestBuildWasCancelledOrInterrupted() {
        var base = Snapshots.empty();
        var cancelled = new org.stageboard.pipeline.BoardSnapshot(base.project(), base.commits(),
                List.of(Snapshots.build(14, 4, Snapshots.SHA_B, BuildStatus.CANCELLED, null, null)),
                List.of(), List.of(), List.of(), java.util.Map.of(), java.util.Map.of());
        assertThat(CommitBadge.of(cancelled, Snapshots.SHA_B)).isEqualTo(new CommitBadge("⊘ build #4 cancelled", CardState.SUPERSEDED));
        var interrupted = new org.stageboard.pipeline.BoardSnapshot(base.project(), base.commits(),
                List.of(Snapshots.build(15, 5, Snapshots.SHA_B, BuildStatus.INTERRUPTED, null, null)),
                List.of(), List.of(), List.of(), java.util.Map.of(), java.util.Map.of());
        assertThat(CommitBadge.of(interrupted, Snapshots.SHA_B)).isEqualTo(new CommitBadge("⚠ build #5 interrupted", CardState.FAILED));
    }
}
