package org.stageboard.ui.board;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stageboard.core.CommitInfo;

/** The board: the commits at the left, then the lanes Build, Release and Run. */
public final class BoardView extends HBox {

    private final ListView<CommitInfo> commits = new ListView<>();
    private boolean syncing;

    public BoardView(BoardViewModel board, CardActions actions) {
        super(12);
        getStyleClass().add("board");
        setId("board");

        commits.setId("commits");
        commits.setCellFactory(list -> new CommitCell(sha -> CommitBadge.of(board.snapshotProperty().get(), sha)));
        commits.setItems(board.commits());
        commits.setPlaceholder(new Label("No commits: choose or add a project."));
        commits.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (!syncing && now != null) {
                board.selectCommit(now.sha());
            }
        });
        board.selectedCommitProperty().addListener((o, before, now) -> select(board, now));
        board.commits().addListener((javafx.collections.ListChangeListener<CommitInfo>) c ->
                select(board, board.selectedCommitProperty().get()));

        Label title = new Label("Commits");
        title.getStyleClass().add("lane-title");
        Label subtitle = new Label("the codebase, newest first");
        subtitle.getStyleClass().add("lane-subtitle");
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("lane-header");
        VBox column = new VBox(header, commits);
        column.getStyleClass().addAll("lane", "commits-column");
        column.setId("lane-commits");
        VBox.setVgrow(commits, Priority.ALWAYS);
        column.setMinWidth(250);
        column.setPrefWidth(290);
        column.setMaxWidth(340);
        getChildren().add(column);

        for (Lane lane : Lane.values()) {
            LaneView view = new LaneView(lane, board, actions);
            view.setMinWidth(220);
            view.setPrefWidth(300);
            view.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(view, Priority.ALWAYS);
            getChildren().add(view);
        }
    }

    private void select(BoardViewModel board, String sha) {
        syncing = true;
        try {
            CommitInfo match = sha == null ? null
                    : board.commits().stream().filter(c -> c.sha().equals(sha)).findFirst().orElse(null);
            if (match == null) {
                commits.getSelectionModel().clearSelection();
            } else if (commits.getSelectionModel().getSelectedItem() != match) {
                commits.getSelectionModel().select(match);
                commits.scrollTo(match);
            }
        } finally {
            syncing = false;
        }
    }
}
