package org.stageboard.ui.board;

import org.stageboard.core.Difference;
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
import org.stageboard.core.LockInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The board as the user sees it, headless: lanes, empty-lane sentences, the journey of a commit. */
@ExtendWith(ApplicationExtension.class)
class BoardViewTest {

    private BoardViewModel board;
    private final NoActions actions = new NoActions();

    @Start
    void start(Stage stage) {
        board = new BoardViewModel(Clock.fixed(Snapshots.T0, ZoneOffset.UTC));
        Scene scene = new Scene(new BoardView(board, actions), 1280, 720);
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

    @Test
    void aHostSlotSaysWhatTheHostRunsAndFlagsEachDifferenceInWords(FxRobot robot) {
        robot.interact(() -> {
            board.apply(Snapshots.journey());
            board.showHostReadings(List.of(Snapshots.vps1Slot(false,
                    new LockInfo("bob@ci pid 7", "bob", "staging v2", Snapshots.T0, 700),
                    new Difference(Difference.Kind.APP_DOWN, "app down: no process runs for v1-0123456789"), new Difference(Difference.Kind.LOCK_STALE, "lock STALE: bob@ci pid 7 — STALE: no heartbeat for 700 s"))));
        });
        Node slot = robot.lookup("#host-staging-vps1").query();
        assertThat(slot.getStyleClass()).contains("host-slot", "state-failed");
        assertThat(texts(robot, "#host-staging-vps1 .host-summary")).containsExactly("staging v1 · app DOWN");
        assertThat(texts(robot, "#host-staging-vps1 .host-since")).containsExactly("since 10:02 by ada (deploy)");
        assertThat(texts(robot, "#host-staging-vps1 .host-flag-tag")).containsExactly("⚠ APP DOWN", "⚠ LOCK STALE");
        assertThat(texts(robot, "#host-staging-vps1 .host-flag-text")).containsExactly(
                "app down: no process runs for v1-0123456789", "held by bob@ci pid 7 (bob), activating staging v2 — no heartbeat for 700 s");
        assertThat(texts(robot, "#lane-run .runs-title")).containsExactly("Runs by this catalog, newest first");

        robot.clickOn(robot.lookup("#host-staging-vps1 .host-break-lock").<Node>query());
        robot.clickOn(robot.lookup("#host-staging-vps1 .host-rollback").<Node>query());
        robot.clickOn("#readHostsButton");
        assertThat(actions.brokenLocks).singleElement().extracting(s -> s.host().name()).isEqualTo("vps1");
        assertThat(actions.rolledBack).hasSize(1);
        assertThat(actions.readHosts).isEqualTo(1);
    }

    @Test
    void aHealthyHostWithoutALockOffersNoBreakLock(FxRobot robot) {
        robot.interact(() -> {
            board.apply(Snapshots.journey());
            board.showHostReadings(List.of(Snapshots.vps1Slot(true, null)));
        });
        assertThat(robot.lookup("#host-staging-vps1").query().getStyleClass()).contains("state-success");
        assertThat(robot.lookup("#host-staging-vps1 .host-flag").queryAll()).isEmpty();
        assertThat(robot.lookup("#host-staging-vps1 .host-break-lock").queryAll()).isEmpty();
        assertThat(robot.lookup("#host-staging-vps1 .host-rollback").queryAll()).hasSize(1);
    }

    @Test
    void aRunLeftWithoutAnAppSaysSoInRedAndItsTooltipHasTheWholeMessageWithItsEvidence(FxRobot robot) {
        var journey = Snapshots.journey();
        Run appDown = new Run(32, 21, 3, org.stageboard.core.RunKind.DEPLOY, org.stageboard.core.RunStatus.APP_DOWN,
                Snapshots.T0, Snapshots.T0.plusSeconds(200), null,
                "staging v1 failed on vps1 and going back failed too. Host left without a running app.\nlast answer: connection refused\n"
                        + "last lines of logs/app.log:\n  Exception in thread \"main\" java.net.BindException", "ada");
        var snapshot = new org.stageboard.pipeline.BoardSnapshot(journey.project(), journey.commits(), journey.builds(), journey.releases(),
                List.of(appDown), journey.environments(), journey.hosts(), journey.environmentHosts());
        robot.interact(() -> board.apply(snapshot));

        Node card = robot.lookup("#lane-run .card").query();
        assertThat(card.getStyleClass()).contains("state-failed");
        assertThat(texts(robot, "#lane-run .card-detail")).containsExactly("app down — host left without a running app");
        javafx.scene.control.Tooltip tooltip = (javafx.scene.control.Tooltip) card.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tooltip.getText()).isEqualTo(appDown.message()).contains("last answer: connection refused", "java.net.BindException");
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static final class NoActions implements CardActions {
        @Override
        public void details(Release release) {
        }

        @Override
        public void promote(Release release) {
        }

        @Override
        public void rebuild(Build build) {
        }

        @Override
        public void stop(HostSlot slot) {
        }

        @Override
        public void start(HostSlot slot) {
        }

        @Override
        public void restart(HostSlot slot) {
        }

        @Override
        public void exec(HostSlot slot) {
        }

        @Override
        public void logs(HostSlot slot) {
        }

        int readHosts;
        final List<HostSlot> brokenLocks = new java.util.ArrayList<>();
        final List<HostSlot> rolledBack = new java.util.ArrayList<>();

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

        @Override
        public void readHosts() {
            readHosts++;
        }

        @Override
        public void breakLock(HostSlot slot) {
            brokenLocks.add(slot);
        }

        @Override
        public void rollback(HostSlot slot) {
            rolledBack.add(slot);
        }
    }
}
