package org.stageboard.ui.board;

import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stageboard.core.CommitInfo;

/** A commit in the left column: short SHA and age, subject, author. */
final class CommitCell extends ListCell<CommitInfo> {

    private final Label sha = new Label();
    private final Label age = new Label();
    private final Label subject = new Label();
    private final Label author = new Label();
    private final Label badge = new Label();
    private final java.util.function.Function<String, CommitBadge> badges;
    private final VBox box;

    private final BoardViewModel board;

    CommitCell(java.util.function.Function<String, CommitBadge> badges, BoardViewModel board) {
        this.badges = badges;
        this.board = board;
        sha.getStyleClass().add("commit-sha");
        age.getStyleClass().add("commit-age");
        subject.getStyleClass().add("commit-subject");
        subject.setWrapText(true);
        author.getStyleClass().add("commit-author");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        badge.getStyleClass().add("commit-badge");
        badge.setWrapText(true);
        box = new VBox(2, new HBox(6, sha, gap, age), subject, author, badge);
        box.getStyleClass().add("commit");
        getStyleClass().add("commit-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(CommitInfo commit, boolean empty) {
        super.updateItem(commit, empty);
        show(commit, empty);
    }

    /**
     * Shows the cell's commit again as the board now is (its badge, its place in the journey),
     * in the same nodes: a refresh of the board or a new selection does not replace the cells
     * under the pointer (a click or press begun on one then still lands on it).
     */
    void reshow() {
        show(getItem(), isEmpty());
    }

    private void show(CommitInfo commit, boolean empty) {
        getStyleClass().removeAll("in-journey", "dimmed");
        if (empty || commit == null) {
            getProperties().remove(BoardView.KEY);
            setGraphic(null);
            setText(null);
            return;
        }
        sha.setText(commit.shortSha());
        age.setText(Formats.ago(commit.time(), Instant.now()));
        subject.setText(commit.subject());
        author.setText(commit.author());
        CommitBadge shown = badges.apply(commit.sha());
        badge.setText(shown.text());
        badge.setVisible(!shown.text().isEmpty());
        badge.setManaged(!shown.text().isEmpty());
        badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        badge.getStyleClass().add(shown.state().styleClass().replace("state-", "badge-"));
        Highlight highlight = board.highlightOfCommit(commit.sha());
        if (highlight != Highlight.NONE) {
            getStyleClass().add(highlight == Highlight.IN_JOURNEY ? "in-journey" : "dimmed");
        }
        getProperties().put(BoardView.KEY, Journey.commit(commit.sha()));
        setText(null);
        setGraphic(box);
    }
}
