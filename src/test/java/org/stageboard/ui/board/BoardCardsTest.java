package org.stageboard.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Release;
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

    /** Staging v1 live on vps1 (from the journey), v2 (id 22) with the given current runs and newest runs per host. */
    private static org.stageboard.pipeline.BoardSnapshot withV2(List<Run> current, List<Run> v2Runs) {
        var base = Snapshots.journey();
        Release v2 = new Release(22, 7, "staging", 2, 13, 3, "f00d", 6, 3, Snapshots.RUN, Snapshots.T0.plusSeconds(600), "ada");
        List<Run> runs = new java.util.ArrayList<>(base.runs());
        runs.addAll(current);
        return new org.stageboard.pipeline.BoardSnapshot(base.project(), base.commits(), base.builds(), List.of(v2, base.releases().get(0)),
                runs, base.environments(), java.util.Map.of(3L, Snapshots.vps1(), 4L, Snapshots.host(4, "vps2")),
                java.util.Map.of(7L, List.of(3L, 4L)), 3, java.util.Map.of(7L, 2), v2Runs);
    }

    private static Run run(long id, long hostId, RunKind kind, RunStatus status) {
        return new Run(id, 22, hostId, kind, status, Snapshots.T0, Snapshots.T0.plusSeconds(5), null, "health failed", "ada");
    }

    @Test
    void aReleaseRolledBackOnOneHostAndLiveOnAnotherSaysBoth() {
        Run live = run(41, 4, RunKind.DEPLOY, RunStatus.LIVE);
        var snapshot = withV2(List.of(live), List.of(run(40, 3, RunKind.DEPLOY, RunStatus.ROLLED_BACK), live));
        Card card = cards.releases(snapshot).get(0);
        assertThat(card.text()).isEqualTo("staging v2 · build #3 + config v3 · live on vps2 · ✗ rolled back on vps1");
        assertThat(card.state()).isEqualTo(CardState.ROLLED_BACK);
        // the release live on vps1 says only that
        assertThat(cards.releases(snapshot).get(1).text()).isEqualTo("staging v1 · build #1 + config v2 · live on vps1");
    }

    @Test
    void aReleaseThatFailedOnTwoHostsSaysWhereAndIsFailed() {
        var snapshot = withV2(List.of(), List.of(run(40, 3, RunKind.DEPLOY, RunStatus.FAILED), run(41, 4, RunKind.DEPLOY, RunStatus.FAILED)));
        Card card = cards.releases(snapshot).get(0);
        assertThat(card.detail()).isEqualTo("build #3 + config v3 · ✗ failed on vps1, vps2");
        assertThat(card.state()).isEqualTo(CardState.FAILED);
        var mixed = withV2(List.of(), List.of(run(40, 3, RunKind.DEPLOY, RunStatus.INTERRUPTED), run(41, 4, RunKind.DEPLOY, RunStatus.ROLLED_BACK)));
        assertThat(cards.releases(mixed).get(0).detail()).isEqualTo("build #3 + config v3 · ✗ rolled back on vps2 · interrupted on vps1");
        assertThat(cards.releases(mixed).get(0).state()).isEqualTo(CardState.FAILED);
    }

    @Test
    void aReleaseLaterRedeployedLiveSaysLiveNotFailed() {
        // rolled back on vps1 (run 40), deployed again and live there (run 42): only the newest run per host counts
        Run again = run(42, 3, RunKind.DEPLOY, RunStatus.LIVE);
        var snapshot = withV2(List.of(again), List.of(again));
        Card card = cards.releases(snapshot).get(0);
        assertThat(card.detail()).isEqualTo("build #3 + config v3 · live on vps1");
        assertThat(card.state()).isEqualTo(CardState.SUCCESS);
        // superseded since (a newer release went live): neither live nor failed
        var superseded = withV2(List.of(), List.of(run(42, 3, RunKind.DEPLOY, RunStatus.SUPERSEDED)));
        assertThat(cards.releases(superseded).get(0).detail()).isEqualTo("build #3 + config v3");
        assertThat(cards.releases(superseded).get(0).state()).isEqualTo(CardState.NEUTRAL);
    }

    private static Build failed(String message, Integer exit) {
        Build b = Snapshots.build(16, 6, Snapshots.SHA_B, BuildStatus.FAILED, exit, null);
        return new Build(b.id(), b.projectId(), b.number(), b.commitSha(), b.treeId(), b.recipeHash(), b.status(), b.startedAt(),
                b.finishedAt(), b.exitCode(), b.artifactSha256(), b.artifactSize(), b.log(), message, b.actor(), null, null, null);
    }

    @Test
    void aFailedBuildCardSaysTheFailingStepAndExitCodeButNotItsOutput() {
        Card card = cards.buildCard(failed("Step 'test' exited with code 1. Last lines:\nFAIL ShopTest\npassword=hunter2", 1));
        assertThat(card.text()).isEqualTo("#6 · b2c3d4e · ✗ exit 1 · step test");
        assertThat(card.state()).isEqualTo(CardState.FAILED);
        assertThat(cards.buildCard(failed("The build command exited with code 2. Last lines:\nboom", 2)).detail()).isEqualTo("✗ exit 2");
        assertThat(cards.buildCard(failed(null, 3)).detail()).isEqualTo("✗ exit 3");
        assertThat(cards.buildCard(failed(null, null)).detail()).isEqualTo("✗ failed");
    }

    @Test
    void aLongFailureReasonIsCutToOneShortLine() {
        Card step = cards.buildCard(failed("Step 'integration-tests-against-the-staging-database' exited with code 137. Last lines:\nKilled", 137));
        assertThat(step.detail()).isEqualTo("✗ exit 137 · step integrati…");
        assertThat(step.detail()).hasSize(2 + BuildReason.MAX);
        Card globs = cards.buildCard(failed("The artifact paths [dist/**] matched no files after the build: check the globs.", 0));
        assertThat(globs.detail()).isEqualTo("✗ no artifact files matched");
        Card other = cards.buildCard(failed("Could not check out a1b2c3d: the repository at /srv/git/shop is gone.\nmore", null));
        assertThat(other.detail()).isEqualTo("✗ Could not check out a1b2c…");
        assertThat(other.detail()).doesNotContain("\n").hasSizeLessThanOrEqualTo(2 + BuildReason.MAX);
    }
}
