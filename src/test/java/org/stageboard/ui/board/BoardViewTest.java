package org.stageboard.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stageboard.core.Build;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.ui.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The board as the user sees it, headless: lanes, empty-lane sentences, the journey of a commit. */
@ExtendWith(ApplicationExtension.class)
class BoardViewTest {

    private BoardViewModel board;

    @Start
    void start(Stage stage) {
        board = new BoardViewModel(Clock.fixed(Snapshots.T0, ZoneOffset.UTC));
        Scene scene = new Scene(new BoardView(board, new NoActions()), 1280, 720);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void threeLanesWithTheirHeaders(FxRobot robot) {
        for (Lane lane : Lane.values()) {
            Node node = robot.lookup("#" + lane.id()).query();
            assertThat(node.isVisible()).isTrue();
            assertThat(texts(robot, "#" + lane.id() + " .lane-title")).containsExactly(lane.title());
            assertThat(texts(robot, "#" + lane.id() + " .lane-subtitle")).containsExactly(lane.produces());
        }
        assertThat(texts(robot, "#lane-commits .lane-title")).containsExactly("Commits");
    }

    @Test
    void emptyLanesSayWhatTheirStageDoes(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.empty()));
        for (Lane lane : Lane.values()) {
            Label empty = robot.lookup("#" + lane.id() + " .lane-empty").queryAs(Label.class);
            assertThat(empty.isVisible()).isTrue();
            assertThat(empty.getText()).isEqualTo(lane.emptyText());
        }
        assertThat(robot.lookup("#lane-build .lane-empty").queryAs(Label.class).getText())
                .contains("clean export").contains(".tar.gz").contains("SHA-256");
    }

    @Test
    void selectingACommitHighlightsItsCardsAcrossTheLanes(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.journey()));
        assertThat(robot.lookup("#lane-build .lane-empty").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup(".card").queryAll()).hasSize(5);

        robot.clickOn("First version");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_A);
        assertThat(robot.lookup(".card.in-journey").queryAll()).hasSize(4);
        List<Node> dimmed = List.copyOf(robot.lookup(".card.dimmed").queryAll());
        assertThat(dimmed).hasSize(1);
        assertThat(((Card) dimmed.get(0).getUserData()).commitSha()).isEqualTo(Snapshots.SHA_B);
        assertThat(robot.lookup("#lane-run .card.in-journey").queryAll()).hasSize(1);
    }

    @Test
    void clickingACardSelectsItsCommit(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.journey()));
        robot.clickOn(robot.lookup(".card").match((Node n) -> ((Card) n.getUserData()).title().equals("#3 · b2c3d4e")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_B);
        assertThat(robot.lookup(".card.selected").queryAll()).hasSize(1);
        assertThat(robot.lookup(".card.dimmed").queryAll()).hasSize(4);
        javafx.scene.control.ListView<?> commits = robot.lookup("#commits").queryAs(javafx.scene.control.ListView.class);
        assertThat(((org.stageboard.core.CommitInfo) commits.getSelectionModel().getSelectedItem()).subject())
                .isEqualTo("Add health check");
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static final class NoActions implements CardActions {
        @Override
        public void release(Build build) {
        }

        @Override
        public void deploy(Release release) {
        }

        @Override
        public void rollback(Run run) {
        }

        @Override
        public void openLog(Card card) {
        }
    }
}
