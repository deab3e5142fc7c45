package org.stageboard.ui.board;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.stageboard.core.Run;
import org.stageboard.pipeline.BoardSnapshot;

/**
 * A host's recent runs in a small popup under the host slot (over it when there is more room
 * there): status, when each started (local time) and how long it took, who, and each run's log.
 * The popup stays inside the window and its screen: a long list scrolls.
 */
final class RecentRunsPopup {

    static final int LIMIT = 15;

    private RecentRunsPopup() {
    }

    private static Node row(Label text) {
        return text;
    }

    static void open(Node owner, HostSlot slot, BoardViewModel board, CardActions actions) {
        actions.recentRuns(slot, runs -> show(owner, slot, runs, board, actions));
    }

    private static void show(Node owner, HostSlot slot, List<Run> runs, BoardViewModel board, CardActions actions) {
        if (owner.getScene() == null) {
            return;
        }
        BoardSnapshot snapshot = board.snapshotProperty().get();
        VBox list = new VBox();
        list.setId("recentRuns");
        list.getStyleClass().add("recent-runs");
        list.getStylesheets().add(RecentRunsPopup.class.getResource("board.css").toExternalForm());
        list.getStylesheets().addAll(owner.getScene().getStylesheets());
        Label title = new Label("Recent runs of " + slot.environment().name() + " on " + slot.host().name());
        title.getStyleClass().add("detail-title");
        list.getChildren().add(title);
        VBox rows = new VBox(4);
        if (runs.isEmpty()) {
            rows.getChildren().add(new Label("No run yet."));
        }
        java.time.Clock clock = board.clock();
        Popup popup = new Popup();
        popup.setAutoHide(true);
        for (Run run : runs) {
            Card card = snapshot == null ? null : board.cardMaker().runCard(snapshot, run);
            Label text = new Label((card == null ? "run " + run.id() : card.text()) + " · by " + run.actor());
            text.getStyleClass().add("recent-run-text");
            if (card != null) {
                text.getStyleClass().add(card.state().styleClass());
                // The state's colour as a stripe on the left only, not the card's whole outline.
                text.setStyle("-fx-border-color: transparent transparent transparent " + stripe(card.state())
                        + "; -fx-border-width: 0 0 0 3; -fx-padding: 0 0 0 6;");
            }
            if (run.message() != null && !run.message().isBlank()) {
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(run.message());
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                tip.setShowDuration(javafx.util.Duration.seconds(60));
                javafx.scene.control.Tooltip.install(row(text), tip);
            }
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label time = new Label(when(run, clock));
            time.getStyleClass().add("recent-run-time");
            time.setStyle("-fx-text-fill: -color-fg-muted;");
            time.setMinWidth(Region.USE_PREF_SIZE);
            text.setMinWidth(0);
            HBox row = new HBox(8, text, gap, time);
            row.getStyleClass().add("recent-run");
            row.setStyle("-fx-border-color: -color-border-subtle; -fx-border-radius: 4; -fx-padding: 3 6 3 0;");
            row.setUserData(run);
            if (run.log() != null && card != null) {
                Button log = CardView.button("Log", "recent-run-log", () -> {
                    popup.hide();
                    actions.openLog(card);
                });
                row.getChildren().add(log);
            }
            rows.getChildren().add(row);
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent; -fx-padding: 0;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        list.getChildren().add(scroll);
        list.setPrefWidth(WIDTH);
        list.setMaxWidth(WIDTH);
        popup.getContent().add(list);
        place(popup, list, owner);
    }

    private static final double WIDTH = 560;
    private static final double MARGIN = 8;

    /**
     * Shows the popup under the owner, or over it when there is more room there, capped to the
     * room left inside the window and its screen (the list then scrolls).
     */
    private static void place(Popup popup, VBox list, Node owner) {
        Bounds at = owner.localToScreen(owner.getBoundsInLocal());
        javafx.stage.Window window = owner.getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(window.getX(), window.getY(),
                        Math.max(1, window.getWidth()), Math.max(1, window.getHeight())).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        double top = Math.max(screen.getMinY(), window.getY()) + MARGIN;
        double bottom = Math.min(screen.getMaxY(), window.getY() + window.getHeight()) - MARGIN;
        double left = Math.max(screen.getMinX(), window.getX()) + MARGIN;
        double right = Math.min(screen.getMaxX(), window.getX() + window.getWidth()) - MARGIN;
        list.applyCss();
        double wanted = list.prefHeight(WIDTH);
        double below = bottom - (at.getMaxY() + 4);
        double above = (at.getMinY() - 4) - top;
        boolean down = below >= wanted || below >= above;
        double height = Math.max(80, Math.min(wanted, down ? below : above));
        list.setPrefHeight(height);
        list.setMaxHeight(height);
        double x = Math.max(left, Math.min(at.getMaxX() - WIDTH, right - WIDTH));
        double y = down ? at.getMaxY() + 4 : at.getMinY() - 4 - height;
        popup.show(owner, x, y);
    }

    /** The state's colour, as the theme's looked-up colour (the popup is its own scene: the window's -sb-* colours are not there). */
    private static String stripe(CardState state) {
        return switch (state.styleClass()) {
            case "state-running" -> "-color-accent-fg";
            case "state-success" -> "-color-success-fg";
            case "state-failed" -> "-color-danger-fg";
            case "state-rolled-back" -> "-color-warning-fg";
            case "state-superseded" -> "-color-fg-subtle";
            default -> "-color-border-subtle";
        };
    }

    /** "10:42 · 1 min 5 s", "10:42 · running 2 min": when the run started (local time) and how long it took. */
    static String when(Run run, java.time.Clock clock) {
        java.time.Instant now = clock.instant();
        String started = Formats.clock(run.startedAt(), now, clock.getZone());
        if (run.finishedAt() == null) {
            return started + " · running " + Formats.duration(java.time.Duration.between(run.startedAt(), now));
        }
        return started + " · " + Formats.duration(java.time.Duration.between(run.startedAt(), run.finishedAt()));
    }
}
