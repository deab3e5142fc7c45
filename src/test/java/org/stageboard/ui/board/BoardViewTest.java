package org.stageboard.ui.board;

import org.stageboard.core.Difference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.CubicCurve;
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

/**
 * The board as the user sees it, headless: lanes, rows per environment, host slots, empty-lane
 * sentences, the journey of a commit highlighted and drawn, drag and drop, keys, recent runs.
 */
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
        // The scene's size, whatever size an earlier test of this JVM left the shared stage at.
        stage.setWidth(1280);
        stage.setHeight(720);
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
    void releaseAndBuildCardsSayWhatWentWrongInWordsAndStyle(FxRobot robot) {
        robot.interact(() -> board.apply(CardScreens.snapshot()));
        Node v3 = robot.lookup("#release-row-staging .card").match((Node n) -> ((Card) n.getUserData()).title().equals("staging v3")).query();
        assertThat(v3.getStyleClass()).contains(CardState.ROLLED_BACK.styleClass());
        assertThat(((Label) v3.lookup(".card-detail")).getText()).isEqualTo("build #3 + config v4 · live on vps2 · ✗ rolled back on vps1");
        Node v2 = robot.lookup("#release-row-staging .card").match((Node n) -> ((Card) n.getUserData()).title().equals("staging v2")).query();
        assertThat(v2.getStyleClass()).contains(CardState.FAILED.styleClass());
        assertThat(((Label) v2.lookup(".card-detail")).getText()).endsWith("✗ failed on vps1, vps2");
        Node b2 = robot.lookup("#lane-build .card").match((Node n) -> ((Card) n.getUserData()).title().equals("#2 · a1b2c3d")).query();
        assertThat(((Label) b2.lookup(".card-detail")).getText()).isEqualTo("✗ exit 2 · step test");
    }

    @Test
    void emptyLanesSayWhatTheirStageDoes(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.empty()));
        for (Lane lane : Lane.values()) {
            Label empty = robot.lookup("#" + lane.id() + " .lane-empty").queryAs(Label.class);
            assertThat(empty.isVisible()).isTrue();
            assertThat(empty.getText()).startsWith(lane.emptyText());
        }
        assertThat(robot.lookup("#lane-build .lane-empty").queryAs(Label.class).getText())
                .contains("clean export").contains(".tar.gz").contains("SHA-256")
                .contains("Build turns commit b2c3d4e (Add health check) into an artifact: select it and press Build (Ctrl+B).");
    }

    @Test
    void selectingACommitHighlightsItsCardsAndItsHostAcrossTheLanes(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.journey()));
        assertThat(robot.lookup("#lane-build .lane-empty").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup(".card").queryAll()).hasSize(4);

        robot.clickOn("First version");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_A);
        assertThat(robot.lookup(".card.in-journey").queryAll()).hasSize(3);
        List<Node> dimmed = List.copyOf(robot.lookup(".card.dimmed").queryAll());
        assertThat(dimmed).hasSize(1);
        assertThat(((Card) dimmed.get(0).getUserData()).commitSha()).isEqualTo(Snapshots.SHA_B);
        assertThat(robot.lookup("#release-row-staging .card.in-journey").queryAll()).hasSize(1);
        assertThat(robot.lookup("#host-staging-vps1").query().getStyleClass()).contains("in-journey");
        assertThat(texts(robot, "#detailTitle")).containsExactly("Commit a1b2c3d");
    }

    @Test
    void theJourneyIsDrawnAsAPathFromEachCardToTheNext(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.journey()));
        assertThat(robot.lookup("#journeyPaths .journey-path").queryAll()).isEmpty();
        robot.clickOn("First version");
        // The paths are drawn after the next layout pass: wait for it, not for a fixed time.
        awaitLinks(robot, 4);

        List<CubicCurve> curves = robot.lookup("#journeyPaths .journey-path").queryAllAs(CubicCurve.class).stream().toList();
        assertThat(curves).extracting(c -> (Journey.Link) c.getUserData()).containsExactlyInAnyOrder(
                new Journey.Link("commit:" + Snapshots.SHA_A, "build:11"), new Journey.Link("commit:" + Snapshots.SHA_A, "build:12"),
                new Journey.Link("build:11", "release:21"), new Journey.Link("release:21", "host:7:3"));
        for (CubicCurve curve : curves) {
            Journey.Link link = (Journey.Link) curve.getUserData();
            Bounds from = sceneBounds(robot, link.from());
            Bounds to = sceneBounds(robot, link.to());
            Point2D start = curve.localToScene(curve.getStartX(), curve.getStartY());
            Point2D end = curve.localToScene(curve.getEndX(), curve.getEndY());
            assertThat(start.getX()).as("start of " + link).isCloseTo(from.getMaxX(), within(1.0));
            assertThat(start.getY()).as("start of " + link).isBetween(from.getMinY(), from.getMaxY());
            assertThat(end.getX()).as("end of " + link).isCloseTo(to.getMinX(), within(1.0));
            assertThat(end.getY()).as("end of " + link).isBetween(to.getMinY(), to.getMaxY());
        }

        robot.clickOn(robot.lookup(".card").match((Node n) -> ((Card) n.getUserData()).title().equals("#3 · b2c3d4e")).<Node>query());
        awaitLinks(robot, 1);
        assertThat(robot.lookup("#journeyPaths .journey-path").queryAllAs(CubicCurve.class))
                .extracting(c -> (Journey.Link) c.getUserData()).containsExactly(new Journey.Link("commit:" + Snapshots.SHA_B, "build:13"));
    }

    private static void awaitLinks(FxRobot robot, int count) {
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> robot.lookup("#journeyPaths .journey-path").queryAll().size() == count);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the journey was not drawn with " + count + " paths within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingACardSelectsItsCommit(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.journey()));
        robot.clickOn(robot.lookup(".card").match((Node n) -> ((Card) n.getUserData()).title().equals("#3 · b2c3d4e")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.selectedCommitProperty().get()).isEqualTo(Snapshots.SHA_B);
        assertThat(robot.lookup(".card.selected").queryAll()).hasSize(1);
        assertThat(robot.lookup(".card.dimmed").queryAll()).hasSize(3);
        assertThat(robot.lookup("#host-staging-vps1").query().getStyleClass()).contains("dimmed");
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
        Node slot = robot.lookup("#run-row-staging #host-staging-vps1").query();
        assertThat(slot.getStyleClass()).contains("host-slot", "state-failed");
        assertThat(texts(robot, "#host-staging-vps1 .host-summary")).containsExactly("staging v1 · app DOWN");
        assertThat(texts(robot, "#host-staging-vps1 .host-since")).containsExactly("since 10:02 by ada (deploy)");
        assertThat(texts(robot, "#host-staging-vps1 .host-flag-tag")).containsExactly("⚠ APP DOWN", "⚠ LOCK STALE");
        assertThat(texts(robot, "#host-staging-vps1 .host-flag-text")).containsExactly(
                "app down: no process runs for v1-0123456789", "held by bob@ci pid 7 (bob), activating staging v2 — no heartbeat for 700 s");
        assertThat(texts(robot, "#host-staging-vps1 .host-catalog")).containsExactly("catalog: staging v1 live since 10:02 by ada");

        // The slot's tooltip (environment, host, address, current folder) shows over the whole slot, not its name only.
        robot.moveTo(robot.lookup("#host-staging-vps1 .host-summary").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(slot.getProperties().get("javafx.scene.control.Tooltip")).as("the slot's tooltip, installed on the slot")
                .isInstanceOfSatisfying(javafx.scene.control.Tooltip.class, tip -> assertThat(tip.getText())
                        .startsWith("staging on vps1 (").contains("current -> releases/v1-0123456789"));

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
    void aHostSlotsContextMenuOffersItsActionsAndActs(FxRobot robot) {
        robot.interact(() -> {
            board.apply(Snapshots.journey());
            board.showHostReadings(List.of(Snapshots.vps1Slot(true, null)));
        });
        requestContextMenu(robot, "#host-staging-vps1");
        assertThat(robot.lookup(".context-menu .menu-item .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList()).containsExactly("Logs", "Run a command…", "Restart…", "Stop…", "Roll back…", "Recent runs", "Read hosts");
        robot.clickOn(menuItem(robot, "Logs"));
        assertThat(actions.slotLogs).containsExactly("vps1");
        requestContextMenu(robot, "#host-staging-vps1");
        robot.clickOn(menuItem(robot, "Read hosts"));
        assertThat(actions.readHosts).isEqualTo(1);
    }

    private static Node menuItem(FxRobot robot, String text) {
        return robot.lookup(".context-menu .menu-item").queryAll().stream()
                .filter(item -> item.lookup(".label") instanceof javafx.scene.control.Label label && label.getText().equals(text)).findFirst().orElseThrow();
    }

    /** What a right click or the menu key asks of the slot (headless Monocle makes no context-menu event of a right click). */
    private static void requestContextMenu(FxRobot robot, String query) {
        Node slot = robot.lookup(query).query();
        robot.interact(() -> {
            javafx.geometry.Bounds screen = slot.localToScreen(slot.getBoundsInLocal());
            javafx.event.Event.fireEvent(slot, new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    20, 20, screen.getMinX() + 20, screen.getMinY() + 20, false, null));
        });
        UiFixtureWait.until(robot, ".context-menu");
    }

    @Test
    void aRunLeftWithoutAnAppSaysSoOnItsHostAndItsRecentRunsShowTheWholeMessage(FxRobot robot) {
        var journey = Snapshots.journey();
        Run appDown = new Run(32, 21, 3, org.stageboard.core.RunKind.DEPLOY, org.stageboard.core.RunStatus.APP_DOWN,
                Snapshots.T0, Snapshots.T0.plusSeconds(200), java.nio.file.Path.of("/tmp/run-32.log"),
                "staging v1 failed on vps1 and going back failed too. Host left without a running app.\nlast answer: connection refused\n"
                        + "last lines of logs/app.log:\n  Exception in thread \"main\" java.net.BindException", "ada");
        var snapshot = new org.stageboard.pipeline.BoardSnapshot(journey.project(), journey.commits(), journey.builds(), journey.releases(),
                List.of(appDown), journey.environments(), journey.hosts(), journey.environmentHosts());
        actions.recent = List.of(appDown);
        robot.interact(() -> board.apply(snapshot));

        assertThat(texts(robot, "#host-staging-vps1 .host-catalog")).singleElement().asString()
                .startsWith("catalog: app down since 10:03");
        Node recentRuns = robot.lookup("#host-staging-vps1 .host-recent-runs").query();
        robot.clickOn(recentRuns);
        UiFixtureWait.until(robot, "#recentRuns");
        Label row = robot.lookup("#recentRuns .recent-run-text").queryAs(Label.class);
        assertThat(row.getText()).isEqualTo("vps1 · staging v1 · app down — host left without a running app · by ada");
        assertThat(row.getStyleClass()).contains("state-failed");
        assertThat(texts(robot, "#recentRuns .recent-run-time")).containsExactly("10:00 · 3 min 20 s"); // started (local time), took
        javafx.scene.control.Tooltip tooltip = (javafx.scene.control.Tooltip) row.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tooltip.getText()).isEqualTo(appDown.message()).contains("last answer: connection refused", "java.net.BindException");
        robot.clickOn(robot.lookup("#recentRuns .recent-run-log").<Node>query());
        assertThat(actions.logs).singleElement().extracting(Card::id).isEqualTo(32L);
    }

    @Test
    void manyRecentRunsScrollInsideTheWindowInsteadOfRunningPastIt(FxRobot robot) {
        var journey = Snapshots.journey();
        List<Run> runs = java.util.stream.IntStream.range(0, 15).mapToObj(i -> new Run(100 + i, 21, 3, org.stageboard.core.RunKind.RESTART,
                org.stageboard.core.RunStatus.LIVE, Snapshots.T0.minusSeconds(600L * i), Snapshots.T0.minusSeconds(600L * i - 65),
                java.nio.file.Path.of("/tmp/run.log"), "restarted\nsecond line\nthird line", "ada")).toList();
        actions.recent = runs;
        javafx.stage.Window window = robot.lookup("#board").query().getScene().getWindow();
        // The stage is TestFX's one primary stage, shared by every UI test of this JVM: the short
        // window is undone below, else the tests after this one run in it (their clicks and drags
        // then miss rows cut off at the window's bottom).
        double height = window.getHeight();
        try {
            robot.interact(() -> {
                board.apply(journey);
                window.setHeight(420);
            });
            robot.clickOn(robot.lookup("#host-staging-vps1 .host-recent-runs").<Node>query());
            UiFixtureWait.until(robot, "#recentRuns");
            Node list = robot.lookup("#recentRuns").query();
            Bounds popup = list.localToScreen(list.getLayoutBounds());
            assertThat(popup.getMaxY()).as("the popup ends inside the window").isLessThanOrEqualTo(window.getY() + window.getHeight());
            assertThat(popup.getMinY()).isGreaterThanOrEqualTo(window.getY());
            assertThat(robot.lookup("#recentRuns .scroll-pane").tryQuery()).isPresent();
            assertThat(texts(robot, "#recentRuns .recent-run-time")).hasSize(15).first().isEqualTo("10:00 · 1 min 5 s");
        } finally {
            robot.interact(() -> {
                popups().forEach(javafx.stage.PopupWindow::hide);
                window.setHeight(height);
            });
        }
    }

    /** The popups still showing (the recent runs). */
    private static List<javafx.stage.PopupWindow> popups() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing())
                .map(w -> (javafx.stage.PopupWindow) w).toList();
    }

    @Test
    void draggingABuildOntoAnEnvironmentRowReleasesItThere(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.twoEnvironments()));
        robot.drag(card(robot, "#3 · b2c3d4e"), MouseButton.PRIMARY).dropTo(robot.lookup("#release-row-production").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.releasedTo).containsExactly("build #3 -> production");

        robot.drag(card(robot, "#2 · a1b2c3d"), MouseButton.PRIMARY).dropTo(robot.lookup("#release-row-staging").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.releasedTo).as("a failed build is not released").hasSize(1);
        assertThat(board.dragged()).isNull();
    }

    @Test
    void draggingAReleaseOntoAHostDeploysItThereAndNotOnAnotherEnvironmentsHost(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.twoEnvironments()));
        robot.drag(card(robot, "staging v1"), MouseButton.PRIMARY).dropTo(robot.lookup("#host-staging-vps1").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.deployedTo).containsExactly("staging v1 -> vps1");

        robot.drag(card(robot, "staging v1"), MouseButton.PRIMARY).dropTo(robot.lookup("#host-production-vps3").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.deployedTo).hasSize(1);
    }

    @Test
    void keysMoveBetweenLanesAndReleaseOrDeployTheSelection(FxRobot robot) {
        robot.interact(() -> board.apply(Snapshots.twoEnvironments()));
        robot.clickOn("First version");
        robot.type(KeyCode.RIGHT);
        assertThat(board.selectedCardProperty().get().title()).isEqualTo("#2 · a1b2c3d");
        robot.type(KeyCode.R);
        assertThat(actions.released).as("a failed build is not released").isEmpty();
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.R);
        assertThat(actions.released).containsExactly(1);
        robot.type(KeyCode.RIGHT);
        assertThat(board.selectedCardProperty().get().title()).isEqualTo("staging v1");
        robot.type(KeyCode.D);
        assertThat(actions.deployed).containsExactly("staging v1");
        robot.type(KeyCode.ENTER);
        assertThat(actions.details).containsExactly("staging v1");
        robot.type(KeyCode.TAB);
        assertThat(board.selectedSlotProperty().get().host().name()).isEqualTo("vps1");
        robot.type(KeyCode.ESCAPE);
        assertThat(board.selectedCommitProperty().get()).isNull();
    }

    @Test
    void aRowShowsItsNewestReleasesAndOffersTheOlderOnes(FxRobot robot) {
        int[] reads = new int[1];
        robot.interact(() -> {
            board.onPageChanged(() -> reads[0]++);
            board.apply(Snapshots.twoEnvironments());
        });
        assertThat(robot.lookup("#release-row-staging .card").queryAll().stream().map(n -> ((Card) n.getUserData()).title()).toList())
                .containsExactly("staging v2", "staging v1");
        assertThat(robot.lookup("#older-staging").queryButton().getText()).isEqualTo("Show older (10 more)");
        assertThat(robot.lookup("#older-production").tryQuery()).isEmpty();
        robot.clickOn("#older-staging");
        assertThat(reads[0]).isEqualTo(1);
        assertThat(board.page().releasesOf(7)).isEqualTo(10);
    }

    @Test
    void aNewCommitAboveKeepsTheListWhereTheUserScrolledItAndARefreshDoesNotPullItBackToTheSelection(FxRobot robot) {
        List<org.stageboard.core.CommitInfo> older = manyCommits(60);
        robot.interact(() -> board.apply(withCommits(older)));
        robot.interact(() -> board.selectCommit(older.get(40).sha()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstShownCommit(robot)).as("selecting a commit shows it").isIn(older.subList(30, 41));

        robot.interact(() -> commitsList(robot).scrollTo(10)); // the user scrolls up, away from the selection
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstShownCommit(robot)).isEqualTo(older.get(10));

        List<org.stageboard.core.CommitInfo> newer = new java.util.ArrayList<>(List.of(commit(100)));
        newer.addAll(older);
        robot.interact(() -> board.apply(withCommits(newer)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstShownCommit(robot)).as("the list stays on the commit the user looked at").isEqualTo(older.get(10));
        assertThat(commitsList(robot).getSelectionModel().getSelectedItem()).as("the selection stays").isEqualTo(older.get(40));

        robot.interact(() -> board.apply(withCommits(newer))); // the same list again changes nothing
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstShownCommit(robot)).isEqualTo(older.get(10));
    }

    @Test
    void aNewCommitShowsWhenTheListIsAtItsTopEvenWithAnOlderCommitSelected(FxRobot robot) {
        List<org.stageboard.core.CommitInfo> older = manyCommits(60);
        robot.interact(() -> board.apply(withCommits(older)));
        robot.interact(() -> board.selectCommit(older.get(40).sha()));
        robot.interact(() -> commitsList(robot).scrollTo(0)); // the user goes back to the top
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstShownCommit(robot)).isEqualTo(older.get(0));

        List<org.stageboard.core.CommitInfo> newer = new java.util.ArrayList<>(List.of(commit(100)));
        newer.addAll(older);
        robot.interact(() -> board.apply(withCommits(newer)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstShownCommit(robot)).as("the new commit shows at the top").isEqualTo(commit(100));
        assertThat(commitsList(robot).getSelectionModel().getSelectedItem()).isEqualTo(older.get(40));
    }

    private static org.stageboard.core.CommitInfo commit(int n) {
        return new org.stageboard.core.CommitInfo(String.format("%040x", n), "Ada Lovelace", "ada@example.org",
                Snapshots.T0.minusSeconds(60L * (1000 - n)), "Commit " + n);
    }

    private static List<org.stageboard.core.CommitInfo> manyCommits(int count) {
        return java.util.stream.IntStream.range(0, count).map(i -> count - i).mapToObj(BoardViewTest::commit).toList();
    }

    private static org.stageboard.pipeline.BoardSnapshot withCommits(List<org.stageboard.core.CommitInfo> commits) {
        return new org.stageboard.pipeline.BoardSnapshot(Snapshots.project(), commits, List.of(), List.of(), List.of(), List.of(),
                java.util.Map.of(), java.util.Map.of());
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.ListView<org.stageboard.core.CommitInfo> commitsList(FxRobot robot) {
        return robot.lookup("#commits").queryAs(javafx.scene.control.ListView.class);
    }

    /** The commit at the top of the list once it is laid out (read on the FX thread; a busy machine may lay it out a pulse later). */
    private static Object firstShownCommit(FxRobot robot) {
        javafx.scene.control.skin.VirtualFlow<?> flow = robot.lookup("#commits .virtual-flow").queryAs(javafx.scene.control.skin.VirtualFlow.class);
        Object[] first = new Object[1];
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
                robot.interact(() -> {
                    robot.lookup("#commits").query().getScene().getRoot().layout();
                    first[0] = flow.getFirstVisibleCell() == null ? null : flow.getFirstVisibleCell().getItem();
                });
                return first[0] != null;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the commits list shows no row", e);
        }
        return first[0];
    }

    private static Node card(FxRobot robot, String title) {
        return robot.lookup(".card").match((Node n) -> ((Card) n.getUserData()).title().equals(title)).<Node>query();
    }

    private static Bounds sceneBounds(FxRobot robot, String key) {
        Node node = robot.lookup((Node n) -> key.equals(n.getProperties().get(BoardView.KEY))).query();
        return node.localToScene(node.getLayoutBounds());
    }

    /** Waits for a node (a popup opens on a later pulse). */
    private static final class UiFixtureWait {
        static void until(FxRobot robot, String query) {
            try {
                WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no " + query + "; windows: " + javafx.stage.Window.getWindows() + " focus "
                        + robot.listWindows(), e);
            }
        }
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static final class NoActions implements CardActions {
        @Override
        public void details(Release release) {
            details.add(release.label());
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
            slotLogs.add(slot.host().name());
        }

        final List<String> slotLogs = new java.util.ArrayList<>();

        int readHosts;
        List<Run> recent = List.of();
        final List<String> releasedTo = new java.util.ArrayList<>();
        final List<String> deployedTo = new java.util.ArrayList<>();
        final List<Integer> released = new java.util.ArrayList<>();
        final List<String> deployed = new java.util.ArrayList<>();
        final List<String> details = new java.util.ArrayList<>();
        final List<Card> logs = new java.util.ArrayList<>();

        @Override
        public void release(Build build, org.stageboard.core.Environment environment) {
            releasedTo.add("build #" + build.number() + " -> " + environment.name());
        }

        @Override
        public void deploy(Release release, org.stageboard.core.Host host) {
            deployedTo.add(release.label() + " -> " + host.name());
        }

        @Override
        public void recentRuns(HostSlot slot, java.util.function.Consumer<List<Run>> then) {
            then.accept(recent);
        }
        final List<HostSlot> brokenLocks = new java.util.ArrayList<>();
        final List<HostSlot> rolledBack = new java.util.ArrayList<>();

        @Override
        public void release(Build build) {
            released.add(build.number());
        }

        @Override
        public void deploy(Release release) {
            deployed.add(release.label());
        }

        @Override
        public void rollback(Run run) {
        }

        @Override
        public void openLog(Card card) {
            logs.add(card);
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
