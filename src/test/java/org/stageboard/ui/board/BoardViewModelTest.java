package org.stageboard.ui.board;

import org.stageboard.core.Difference;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Build;

/** The board's selection and journey logic, without JavaFX running. */
class BoardViewModelTest {

    private final BoardViewModel board = new BoardViewModel(Clock.fixed(Snapshots.T0, ZoneOffset.UTC));

    @Test
    void aSnapshotFillsCommitsAndLanes() {
        board.apply(Snapshots.journey());
        assertThat(board.commits()).hasSize(2);
        assertThat(board.cards(Lane.BUILD)).hasSize(3);
        assertThat(board.cards(Lane.RELEASE)).hasSize(1);
        assertThat(board.cards(Lane.RUN)).hasSize(1);
    }

    @Test
    void theSameSnapshotAgainLeavesTheLanesAsTheyAre() {
        board.apply(Snapshots.journey());
        int[] changes = new int[1];
        for (Lane lane : Lane.values()) {
            board.cards(lane).addListener((javafx.collections.ListChangeListener<Card>) c -> changes[0]++);
        }
        // What the live beat does when the catalog's stamp moved for something this board does not show.
        board.apply(Snapshots.journey());
        assertThat(changes[0]).as("no lane shown again: a drag begun on a card survives the refresh").isZero();
        assertThat(board.cards(Lane.BUILD)).isNotEmpty();
    }

    @Test
    void selectingACommitShowsItsJourneyAndDimsTheRest() {
        board.apply(Snapshots.journey());
        assertThat(board.allCards()).allMatch(c -> board.highlightOf(c) == Highlight.NONE);
        board.selectCommit(Snapshots.SHA_A);
        assertThat(board.allCards()).filteredOn(c -> board.highlightOf(c) == Highlight.IN_JOURNEY)
                .extracting(Card::title).containsExactlyInAnyOrder("#2 · a1b2c3d", "#1 · a1b2c3d", "staging v1", "vps1 · staging v1");
        assertThat(board.allCards()).filteredOn(c -> board.highlightOf(c) == Highlight.DIMMED)
                .extracting(Card::title).containsExactly("#3 · b2c3d4e");
    }

    @Test
    void selectingACardSelectsItsCommit() {
        board.apply(Snapshots.journey());
        Card run = board.cards(Lane.RUN).get(0);
        board.selectCard(run);
        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_A);
        assertThat(board.selectedLiveRun()).isPresent();
        assertThat(board.selectedRelease()).isEmpty();
    }

    @Test
    void onlyASuccessfulBuildCanBeReleased() {
        board.apply(Snapshots.journey());
        board.selectCard(board.cards(Lane.BUILD).get(1));
        assertThat(board.selectedSuccessfulBuild()).isEmpty();
        board.selectCard(board.cards(Lane.BUILD).get(2));
        assertThat(board.selectedSuccessfulBuild()).map(Build::number).contains(1);
    }

    @Test
    void theSelectionSurvivesARefresh() {
        board.apply(Snapshots.journey());
        board.selectCard(board.cards(Lane.RELEASE).get(0));
        board.apply(Snapshots.journey());
        assertThat(board.selectedCardProperty().get()).isNotNull();
        assertThat(board.selectedCardProperty().get().title()).isEqualTo("staging v1");
        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_A);
    }

    @Test
    void selectingAnotherCommitDropsTheCardOfTheFormerOne() {
        board.apply(Snapshots.journey());
        board.selectCard(board.cards(Lane.RELEASE).get(0));
        board.selectCommit(Snapshots.SHA_B);
        assertThat(board.selectedCardProperty().get()).isNull();
        assertThat(board.selectedCommitInfo()).map(c -> c.subject()).contains("Add health check");
    }

    @Test
    void aRecordMadeByATaskIsSelectedOnceASnapshotShowsIt() {
        board.apply(Snapshots.empty());
        board.selectWhenShown(Lane.RUN, 31);
        assertThat(board.selectedCardProperty().get()).isNull();
        board.apply(Snapshots.journey());
        assertThat(board.selectedLiveRun()).isPresent();
        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_A);
    }

    @Test
    void theRunLaneHasASlotPerHostOfEachEnvironmentUnreadUntilTheHostsAnswer() {
        board.apply(Snapshots.journey());
        assertThat(board.hosts()).singleElement().satisfies(environment -> {
            assertThat(environment.environment().name()).isEqualTo("staging");
            assertThat(environment.slots()).singleElement().satisfies(slot -> {
                assertThat(slot.host().name()).isEqualTo("vps1");
                assertThat(slot.summary()).isEqualTo("not read yet");
                assertThat(slot.readLine(clock())).isEqualTo("never read");
                assertThat(slot.flags()).isEmpty();
            });
        });

        board.showHostReadings(List.of(Snapshots.vps1Slot(true, null)));

        HostSlot slot = board.hostSlot("staging", "vps1").orElseThrow();
        assertThat(slot.summary()).isEqualTo("staging v1 · app up for 28 min");
        assertThat(slot.since(clock())).isEqualTo("since 10:02 by ada (deploy)");
        assertThat(slot.readLine(clock())).isEqualTo("read 10:30:00");
        assertThat(slot.look()).isEqualTo(CardState.SUCCESS);
    }

    @Test
    void aHostThatCannotBeReadSaysWhatItSaidAtTheLastReadThatWorked() {
        board.apply(Snapshots.journey());
        HostSlot good = Snapshots.vps1Slot(true, null);
        java.time.Instant failedAt = Snapshots.T0.plusSeconds(2400);
        board.showHostReadings(List.of(new HostSlot(good.environment(), good.host(), new org.stageboard.pipeline.HostStatus(
                good.environment(), good.host(), null, "Cannot connect to 127.0.0.1:2222: connection refused", failedAt, null, null,
                List.of(), true, good.status()))));

        HostSlot slot = board.hostSlot("staging", "vps1").orElseThrow();
        assertThat(slot.summary()).isEqualTo("could not be read");
        assertThat(slot.lastGoodLine(clock())).isEqualTo("last read that worked, 10:30:00: staging v1 · app up for 28 min");
        assertThat(good.lastGoodLine(clock())).as("a host read now needs no such line").isEmpty();

        board.showHostReadings(List.of(new HostSlot(good.environment(), good.host(), new org.stageboard.pipeline.HostStatus(
                good.environment(), good.host(), null, "connection refused", failedAt, null, null, List.of(), true, null))));
        assertThat(board.hostSlot("staging", "vps1").orElseThrow().lastGoodLine(clock()))
                .isEqualTo("no read of it has worked yet: nothing known of what it runs");
    }

    @Test
    void aReadingRememberedFromEarlierNeverHidesAFreshOne() {
        board.apply(Snapshots.journey());
        HostSlot fresh = Snapshots.vps1Slot(false, null, new Difference(Difference.Kind.APP_DOWN, "app down: no process runs for v1-0123456789"));
        board.showHostReadings(List.of(fresh));
        HostSlot remembered = new HostSlot(fresh.environment(), fresh.host(), new org.stageboard.pipeline.HostStatus(
                fresh.environment(), fresh.host(), fresh.state(), null, Snapshots.T0, null, null, List.of(), false));

        board.showHostReadings(List.of(remembered));

        assertThat(board.hostSlot("staging", "vps1").orElseThrow().flags()).extracting(HostFlag::kind).containsExactly(HostFlag.Kind.APP_DOWN);
        board.clearHostReadings();
        assertThat(board.hostSlot("staging", "vps1").orElseThrow().status()).isNull();
    }

    @Test
    void aSelectedHostsDetailsFollowItsNewestReading() {
        board.apply(Snapshots.journey());
        board.showHostReadings(List.of(Snapshots.vps1Slot(true, null,
                new Difference(Difference.Kind.LOCK_STALE, "lock STALE: bob@ci pid 7 — STALE: its holder process is gone"))));
        board.selectSlot(board.hostSlot("staging", "vps1").orElseThrow());
        assertThat(board.detailProperty().get().lines()).anyMatch(line -> line.contains("pid 7"));

        // Read again (F5, or after the lock was broken): the lock is gone on the host.
        board.showHostReadings(List.of(Snapshots.vps1Slot(true, null)));

        assertThat(board.selectedSlotProperty().get().flags()).isEmpty();
        assertThat(board.detailProperty().get().lines()).noneMatch(line -> line.contains("pid 7"));
    }

    @Test
    void everyDriftLineIsAFlagThatNamesItsKindInWords() {
        HostSlot slot = Snapshots.vps1Slot(false, null,
                new Difference(Difference.Kind.OTHER_CATALOG, "runs staging v4 of another catalog, deployed by bob at 2026-11-26T09:00:00Z (host's ledger)"),
                new Difference(Difference.Kind.UNRECORDED_SWITCH, "no ledger entry activated v1-0123456789: current was switched by hand, or by a run that was killed before it finished"),
                new Difference(Difference.Kind.APP_DOWN, "app down: no process runs for v1-0123456789"),
                new Difference(Difference.Kind.UNHEALTHY, "unhealthy: http://127.0.0.1:8080/health: HTTP 500"),
                new Difference(Difference.Kind.LOCK_STALE, "lock STALE: bob@ci pid 7 — STALE: no heartbeat for 700 s"),
                new Difference(Difference.Kind.LOCKED, "locked: bob@ci pid 7, heartbeat 3 s ago"),
                new Difference(Difference.Kind.BROKEN_CURRENT, "current points to v9-x, which is not on the host"));
        assertThat(slot.flags()).extracting(HostFlag::kind).containsExactly(HostFlag.Kind.OTHER_CATALOG,
                HostFlag.Kind.UNRECORDED_SWITCH, HostFlag.Kind.APP_DOWN, HostFlag.Kind.UNHEALTHY, HostFlag.Kind.LOCK_STALE,
                HostFlag.Kind.LOCKED, HostFlag.Kind.DIFFERS);
        assertThat(slot.flags()).extracting(f -> f.kind().tag()).allMatch(tag -> tag.matches(".+ [A-Z ]+"));
        assertThat(slot.look()).isEqualTo(CardState.FAILED);
        assertThat(Snapshots.vps1Slot(true, null, new Difference(Difference.Kind.LOCKED, "locked: bob@ci pid 7, heartbeat 3 s ago")).look()).isEqualTo(CardState.ROLLED_BACK);
    }

    private static Clock clock() {
        return Clock.fixed(Snapshots.T0.plusSeconds(1800), ZoneOffset.UTC);
    }
}
