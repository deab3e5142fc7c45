package org.stageboard.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Difference;
import org.stageboard.core.Release;
import org.stageboard.pipeline.BoardPage;

/**
 * The board's rows per environment, host slots, journeys, drop decisions, keyboard moves and
 * paging, on hand-made snapshots, without JavaFX running.
 */
class BoardRowsTest {

    private final BoardViewModel board = new BoardViewModel(Clock.fixed(Snapshots.T0, ZoneOffset.UTC));

    @Test
    void releaseRowsFollowThePromotionOrderWithTheNewestReleaseFirst() {
        board.apply(Snapshots.twoEnvironments());
        assertThat(board.releaseRows()).extracting(r -> r.environment().name()).containsExactly("staging", "production");
        ReleaseRow staging = board.releaseRows().get(0);
        assertThat(staging.cards()).extracting(Card::title).containsExactly("staging v2", "staging v1");
        assertThat(staging.total()).isEqualTo(12);
        assertThat(staging.older()).isEqualTo(10);
        assertThat(board.releaseRows().get(1).cards()).extracting(Card::title).containsExactly("production v1");
        assertThat(board.releaseRows().get(1).older()).isZero();
    }

    @Test
    void runRowsHaveASlotPerHostInTheSameOrderAndSayWhatTheCatalogRecordedThere() {
        board.apply(Snapshots.twoEnvironments());
        assertThat(board.hosts()).extracting(r -> r.environment().name()).containsExactly("staging", "production");
        assertThat(board.hosts().get(1).slots()).extracting(s -> s.host().name()).containsExactly("vps2", "vps3");
        HostSlot vps2 = board.hostSlot("production", "vps2").orElseThrow();
        HostSlot vps3 = board.hostSlot("production", "vps3").orElseThrow();
        assertThat(board.runningOn(vps2)).map(Release::label).contains("production v1");
        assertThat(board.catalogLine(vps2)).isEqualTo("catalog: production v1 live since 10:05 by ada");
        assertThat(board.runningOn(vps3)).isEmpty();
        assertThat(board.catalogLine(vps3)).isEqualTo("catalog: nothing deployed here yet");
    }

    @Test
    void whatAHostSaysWinsOverTheCatalogAndItsDifferencesAreFlagged() {
        board.apply(Snapshots.journey());
        board.showHostReadings(List.of(Snapshots.vps1Slot(false, null,
                new Difference(Difference.Kind.APP_DOWN, "app down: no process runs for v1-0123456789"),
                new Difference(Difference.Kind.OTHER_CATALOG, "another catalog deployed here"))));
        HostSlot slot = board.hostSlot("staging", "vps1").orElseThrow();
        assertThat(slot.flags()).extracting(f -> f.kind().tag()).containsExactly("⚠ APP DOWN", "⚑ OTHER CATALOG");
        assertThat(slot.look()).isEqualTo(CardState.FAILED);
        assertThat(board.runningOn(slot)).map(Release::label).contains("staging v1");
    }

    @Test
    void aCommitsJourneyTakesItsBuildsTheirReleasesAndTheHostsRunningThem() {
        board.apply(Snapshots.twoEnvironments());
        board.selectCommit(Snapshots.SHA_A);
        Journey journey = board.journeyProperty().get();
        assertThat(journey.keys()).containsExactlyInAnyOrder("commit:" + Snapshots.SHA_A, "build:11", "build:12", "release:21",
                "release:23", "host:8:4");
        assertThat(journey.links()).containsExactlyInAnyOrder(
                new Journey.Link("commit:" + Snapshots.SHA_A, "build:11"), new Journey.Link("commit:" + Snapshots.SHA_A, "build:12"),
                new Journey.Link("build:11", "release:21"), new Journey.Link("build:11", "release:23"),
                new Journey.Link("release:23", "host:8:4"));
        assertThat(board.highlightOf(board.hostSlot("staging", "vps1").orElseThrow())).isEqualTo(Highlight.DIMMED);
        assertThat(board.highlightOfCommit(Snapshots.SHA_B)).isEqualTo(Highlight.DIMMED);
    }

    @Test
    void aBuildsJourneyIsThatBuildOnlyWithItsCommitReleasesAndHosts() {
        board.apply(Snapshots.twoEnvironments());
        board.selectCard(card(Lane.BUILD, "#3 · b2c3d4e"));
        assertThat(board.journeyProperty().get().keys()).containsExactlyInAnyOrder("commit:" + Snapshots.SHA_B, "build:13",
                "release:22", "host:7:3");
        assertThat(board.highlightOf(card(Lane.BUILD, "#1 · a1b2c3d"))).isEqualTo(Highlight.DIMMED);
    }

    @Test
    void aReleasesJourneyLeadsBackToItsBuildAndCommitAndOnToItsHosts() {
        board.apply(Snapshots.twoEnvironments());
        board.selectCard(card(Lane.RELEASE, "staging v1"));
        assertThat(board.journeyProperty().get().keys()).containsExactlyInAnyOrder("commit:" + Snapshots.SHA_A, "build:11",
                "release:21");
        assertThat(board.highlightOf(card(Lane.RELEASE, "production v1"))).isEqualTo(Highlight.DIMMED);
        assertThat(board.detailProperty().get().title()).isEqualTo("staging v1");
        assertThat(board.detailProperty().get().lines()).contains("Build #1 of commit a1b2c3d + config v2",
                "Not live on any host: drag it onto a host in Run, or press D.");
    }

    @Test
    void aHostsJourneyLeadsBackFromTheReleaseItRunsToTheCommit() {
        board.apply(Snapshots.twoEnvironments());
        board.selectSlot(board.hostSlot("production", "vps2").orElseThrow());
        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_A);
        assertThat(board.journeyProperty().get().keys()).containsExactlyInAnyOrder("commit:" + Snapshots.SHA_A, "build:11",
                "release:23", "host:8:4");
        assertThat(board.journeyProperty().get().links()).contains(new Journey.Link("release:23", "host:8:4"));
        assertThat(board.selectedRollbackSlot()).isPresent();

        board.selectSlot(board.hostSlot("production", "vps3").orElseThrow());
        assertThat(board.journeyProperty().get().keys()).containsExactly("host:8:5");
        assertThat(board.selectedRollbackSlot()).isEmpty();
    }

    @Test
    void aSuccessfulBuildDropsOnAnEnvironmentRowInReleaseAndNowhereElse() {
        board.apply(Snapshots.twoEnvironments());
        Card ok = card(Lane.BUILD, "#3 · b2c3d4e");
        DropDecision release = board.decideDrop(ok, DropTarget.releaseRow(Snapshots.production()));
        assertThat(release.action()).isEqualTo(DropDecision.Action.RELEASE);
        assertThat(release.reason()).isEqualTo("Release build #3 to production: its artifact + production's config.");

        DropDecision onHost = board.decideDrop(ok, DropTarget.host(board.hostSlot("staging", "vps1").orElseThrow()));
        assertThat(onHost.allowed()).isFalse();
        assertThat(onHost.reason()).isEqualTo("Release build #3 first: drop it on an environment's row in the Release lane.");

        DropDecision failed = board.decideDrop(card(Lane.BUILD, "#2 · a1b2c3d"), DropTarget.releaseRow(Snapshots.staging()));
        assertThat(failed.allowed()).isFalse();
        assertThat(failed.reason()).startsWith("build #2 did not succeed (failed)");
    }

    @Test
    void aReleaseDropsOnAHostOrTheRowOfItsOwnEnvironmentOnly() {
        board.apply(Snapshots.twoEnvironments());
        Card staging = card(Lane.RELEASE, "staging v1");
        assertThat(board.decideDrop(staging, DropTarget.host(board.hostSlot("staging", "vps1").orElseThrow())).action())
                .isEqualTo(DropDecision.Action.DEPLOY_HOST);
        assertThat(board.decideDrop(staging, DropTarget.runRow(Snapshots.staging())).action())
                .isEqualTo(DropDecision.Action.DEPLOY_ENVIRONMENT);
        DropDecision wrongEnvironment = board.decideDrop(staging, DropTarget.host(board.hostSlot("production", "vps2").orElseThrow()));
        assertThat(wrongEnvironment.allowed()).isFalse();
        assertThat(wrongEnvironment.reason()).isEqualTo("staging v1 carries staging's config, not production's: Promote… it to production first.");
        assertThat(board.decideDrop(staging, DropTarget.releaseRow(Snapshots.staging())).allowed()).isFalse();
    }

    @Test
    void aReleaseCannotBeDeployedToAnEnvironmentWithoutHosts() {
        var two = Snapshots.twoEnvironments();
        board.apply(new org.stageboard.pipeline.BoardSnapshot(two.project(), two.commits(), two.builds(), two.releases(), two.runs(),
                two.environments(), two.hosts(), java.util.Map.of(7L, List.of(3L)), 3, two.releaseCounts()));
        DropDecision none = board.decideDrop(card(Lane.RELEASE, "production v1"), DropTarget.runRow(Snapshots.production()));
        assertThat(none.allowed()).isFalse();
        assertThat(none.reason()).isEqualTo("production has no host yet: Hosts ▸ Attach host to environment… first.");
    }

    @Test
    void aDragSaysWhatTheDropWouldDoAndEndsOnDrop() {
        board.apply(Snapshots.twoEnvironments());
        assertThat(board.startDrag(card(Lane.BUILD, "#1 · a1b2c3d"))).isTrue();
        board.hover(DropTarget.runRow(Snapshots.staging()));
        assertThat(board.dropHintProperty().get()).startsWith("⊘ Release build #1 first");
        DropDecision dropped = board.drop(DropTarget.releaseRow(Snapshots.staging()));
        assertThat(dropped.action()).isEqualTo(DropDecision.Action.RELEASE);
        assertThat(board.dragged()).isNull();
        assertThat(board.dropHintProperty().get()).isEmpty();
    }

    @Test
    void arrowsMoveWithinALaneAndAcrossLanesAlongTheJourney() {
        board.apply(Snapshots.twoEnvironments());
        board.move(BoardViewModel.Direction.DOWN);
        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_B);
        board.move(BoardViewModel.Direction.DOWN);
        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_A);
        board.move(BoardViewModel.Direction.RIGHT);
        assertThat(board.selectedCardProperty().get().title()).isEqualTo("#2 · a1b2c3d");
        board.move(BoardViewModel.Direction.DOWN);
        assertThat(board.selectedCardProperty().get().title()).isEqualTo("#1 · a1b2c3d");
        board.move(BoardViewModel.Direction.RIGHT);
        assertThat(board.selectedCardProperty().get().title()).isEqualTo("staging v1");
        board.move(BoardViewModel.Direction.DOWN);
        assertThat(board.selectedCardProperty().get().title()).isEqualTo("production v1");
        board.move(BoardViewModel.Direction.RIGHT);
        assertThat(board.selectedSlotProperty().get().host().name()).isEqualTo("vps2");
        board.move(BoardViewModel.Direction.LEFT);
        assertThat(board.selectedCardProperty().get().title()).isEqualTo("production v1");
    }

    @Test
    void askingForOlderItemsWidensThePageAndReadsAgain() {
        AtomicInteger reads = new AtomicInteger();
        board.onPageChanged(reads::incrementAndGet);
        board.apply(Snapshots.twoEnvironments());
        board.showOlderReleases(Snapshots.staging());
        board.showOlderBuilds();
        board.loadMoreCommits();
        assertThat(reads.get()).isEqualTo(3);
        assertThat(board.page().releasesOf(7)).isEqualTo(BoardPage.FIRST.releases() * 2);
        assertThat(board.page().releasesOf(8)).isEqualTo(BoardPage.FIRST.releases());
        assertThat(board.page().builds()).isEqualTo(BoardPage.FIRST.builds() * 2);
        assertThat(board.page().commits()).isEqualTo(BoardPage.FIRST.commits() * 2);
        board.resetPage();
        assertThat(board.page()).isEqualTo(BoardPage.FIRST);
    }

    @Test
    void emptyLanesSayWhatTheirStageDoesOnTheUsersOwnItems() {
        board.apply(Snapshots.empty());
        assertThat(board.emptyText(Lane.BUILD)).startsWith(Lane.BUILD.emptyText())
                .endsWith("Build turns commit b2c3d4e (Add health check) into an artifact: select it and press Build (Ctrl+B).");
        assertThat(board.emptyText(Lane.RELEASE)).endsWith("Add an environment first (Environments ▸ Add environment…): a release is a build plus one environment's config.");
        board.apply(Snapshots.journey());
        assertThat(board.emptyText(Lane.RELEASE)).endsWith("Release build #3 (b2c3d4e) to staging: drag it onto that row, or select it and press R.");
        assertThat(board.emptyText(Lane.RUN)).endsWith("Deploy staging v1: drag it onto a host below, or select it and press D.");
        assertThat(board.emptyReleaseRow(Snapshots.production())).isEqualTo(
                "No release of production yet: drag build #3 here to release it with production's config.");
    }

    private Card card(Lane lane, String title) {
        List<Card> cards = lane == Lane.RELEASE ? board.releaseRows().stream().flatMap(r -> r.cards().stream()).toList() : board.cards(lane);
        return cards.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no card " + title));
    }

    @Test
    void aStaleLocksLineSaysWhenTheHostsGuardPutAReleaseBackAsStatusDoes() {
        org.stageboard.core.LockInfo lock = new org.stageboard.core.LockInfo("bob@ci pid 7", "bob", "staging v2", Snapshots.T0, 700);
        org.stageboard.core.LedgerEntry deployed = new org.stageboard.core.LedgerEntry(Snapshots.T0.minusSeconds(600), "ada",
                "ada@laptop pid 1", "cat-1", "DEPLOY", "v1-0123456789", "staging v1", "f00d", null, "LIVE", "staging v1 is live");
        org.stageboard.core.LedgerEntry guard = new org.stageboard.core.LedgerEntry(Snapshots.T0.plusSeconds(305),
                org.stageboard.core.LedgerEntry.GUARD, "guard", "cat-1", org.stageboard.core.LedgerEntry.GUARD_RESTORE, "v1-0123456789",
                "staging v1", "f00d", null, "RESTORED", "The host's guard put staging v1 back: bob's run stopped answering");
        HostSlot restored = slot(lock, deployed, guard);
        HostSlot notYet = slot(lock, deployed);

        HostFlag stale = restored.flags(Clock.fixed(Snapshots.T0.plusSeconds(900), ZoneOffset.UTC)).get(0);
        assertThat(stale.kind()).isEqualTo(HostFlag.Kind.LOCK_STALE);
        assertThat(stale.text()).isEqualTo("held by bob@ci pid 7 (bob), activating staging v2 — no heartbeat for 700 s;"
                + " staging v1 serves again since 10:05:05 by the host's guard (restore after a run died)");
        assertThat(notYet.flags(Clock.fixed(Snapshots.T0.plusSeconds(900), ZoneOffset.UTC)).get(0).text())
                .isEqualTo("held by bob@ci pid 7 (bob), activating staging v2 — no heartbeat for 700 s");
        board.apply(Snapshots.journey());
        board.showHostReadings(List.of(restored));
        board.selectSlot(board.hostSlot("staging", "vps1").orElseThrow());
        assertThat(board.detailProperty().get().lines()).as("the slot's details say it too")
                .anyMatch(line -> line.startsWith("⚠ LOCK STALE held by bob@ci pid 7")
                        && line.endsWith("; staging v1 serves again since 10:05:05 by the host's guard (restore after a run died)"));
    }

    private static HostSlot slot(org.stageboard.core.LockInfo lock, org.stageboard.core.LedgerEntry... ledger) {
        java.time.Instant readAt = Snapshots.T0.plusSeconds(900);
        org.stageboard.core.HostState state = new org.stageboard.core.HostState(readAt, true, "v1-0123456789", true, null, 4242, true, 60L,
                null, "not checked", lock, List.of(ledger), List.of("v1-0123456789"), 0);
        Release r1 = Snapshots.journey().releases().get(0);
        return new HostSlot(Snapshots.staging(), Snapshots.vps1(), new org.stageboard.pipeline.HostStatus(Snapshots.staging(),
                Snapshots.vps1(), state, null, readAt, r1, r1, List.of(new Difference(Difference.Kind.LOCK_STALE, "lock STALE")), true));
    }
}
