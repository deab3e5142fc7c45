package org.stageboard.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
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
    void theRunLaneSaysWhereEachEnvironmentRuns() {
        board.showTargets(new java.util.LinkedHashMap<>(java.util.Map.of("staging", java.util.List.of("vps1", "vps2"))));
        assertThat(board.targetsProperty().get()).isEqualTo("staging → vps1, vps2");
        var two = new java.util.LinkedHashMap<String, java.util.List<String>>();
        two.put("staging", java.util.List.of("vps1"));
        two.put("production", java.util.List.of());
        board.showTargets(two);
        assertThat(board.targetsProperty().get()).isEqualTo("staging → vps1 · production → no host yet");
    }
}
