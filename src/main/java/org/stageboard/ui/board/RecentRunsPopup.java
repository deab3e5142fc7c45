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

/** A host's recent runs in a small popup under the board: status, time, who, and each run's log. */
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
        if (runs.isEmpty()) {
            list.getChildren().add(new Label("No run yet."));
        }
        Popup popup = new Popup();
        popup.setAutoHide(true);
        for (Run run : runs) {
            Card card = snapshot == null ? null : board.cardMaker().runCard(snapshot, run);
            Label text = new Label((card == null ? "run " + run.id() : card.text()) + " · by " + run.actor());
            text.getStyleClass().add("recent-run-text");
            if (card != null) {
                text.getStyleClass().add(card.state().styleClass());
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
            HBox row = new HBox(8, text, gap);
            row.getStyleClass().add("recent-run");
            row.setUserData(run);
            if (run.log() != null && card != null) {
                Button log = CardView.button("Log", "recent-run-log", () -> {
                    popup.hide();
                    actions.openLog(card);
                });
                row.getChildren().add(log);
            }
            list.getChildren().add(row);
        }
        list.setMaxWidth(560);
        popup.getContent().add(list);
        Bounds at = owner.localToScreen(owner.getBoundsInLocal());
        popup.show(owner, Math.max(0, at.getMaxX() - 560), at.getMaxY() + 4);
    }
}
