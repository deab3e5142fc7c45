package org.stageboard.ui.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.application.Platform;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Release;
import org.stageboard.ui.tips.Tips;

/**
 * The board (laid out in {@code board.fxml}): commits, then Build, Release (a row per environment)
 * and Run (a row per environment with a slot per host), the journey of the selection drawn over the
 * lanes, and the detail pane. Binds to {@link BoardViewModel}; what a drop or a key means is decided there.
 */
public final class BoardView extends BorderPane {

    /** Node property holding a node's journey key (see {@link Journey}). */
    static final String KEY = "journey-key";

    private final BoardViewModel board;
    private final CardActions actions;
    private final JourneyPaths paths;
    private boolean syncing;
    private final BoardDrags drags;
    /** True while a key moves the selection: only then is the newly selected card scrolled into view (a click never scrolls). */
    private boolean byKey;

    @FXML private StackPane surface;
    @FXML private HBox lanes;
    @FXML private ListView<CommitInfo> commits;
    @FXML private Button moreCommits;
    @FXML private Label buildTitle;
    @FXML private Label buildProduces;
    @FXML private ListView<Card> builds;
    @FXML private Label buildEmpty;
    @FXML private Button olderBuilds;
    @FXML private Label releaseTitle;
    @FXML private Label releaseProduces;
    @FXML private ScrollPane releaseScroll;
    @FXML private Label releaseEmpty;
    @FXML private VBox releaseRows;
    @FXML private Label runTitle;
    @FXML private Label runProduces;
    @FXML private Label hostsReading;
    @FXML private Button readHostsButton;
    @FXML private ScrollPane runScroll;
    @FXML private Label runEmpty;
    @FXML private VBox runRows;
    @FXML private Pane journeyPaths;
    @FXML private Label dropHint;
    @FXML private Label detailTitle;
    @FXML private VBox detailLines;

    /** The commit cells the list made (it makes a few and reuses them). */
    private final java.util.Map<CommitCell, Boolean> commitCells = new java.util.WeakHashMap<>();

    public BoardView(BoardViewModel board, CardActions actions) {
        this.board = board;
        this.actions = actions;
        FXMLLoader loader = new FXMLLoader(BoardView.class.getResource("board.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("board.fxml could not be loaded: " + e.getMessage(), e);
        }
        paths = new JourneyPaths(journeyPaths, lanes, board);
        drags = new BoardDrags(board, actions, paths);
        setFocusTraversable(true);
        bindCommits();
        bindBuilds();
        bindReleases();
        bindRuns();
        bindDetails();
        drags.follow(this);
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof javafx.scene.control.ButtonBase)) {
                requestFocus();
            }
        });
        sceneProperty().addListener((o, before, scene) -> {
            if (before != null) {
                before.removePostLayoutPulseListener(paths::draw);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(paths::draw);
            }
        });
    }

    // --- commits ----------------------------------------------------------------------------

    private void bindCommits() {
        commits.setCellFactory(list -> {
            CommitCell cell = new CommitCell(sha -> CommitBadge.of(board.snapshotProperty().get(), sha), board);
            commitCells.put(cell, Boolean.TRUE);
            return cell;
        });
        commits.setItems(board.commits());
        Label noCommits = new Label("No commits: choose or add a project.");
        noCommits.setWrapText(true);
        noCommits.getStyleClass().add("lane-empty");
        commits.setPlaceholder(noCommits);
        commits.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (!syncing && now != null) {
                board.selectCommit(now.sha());
            }
        });
        board.selectedCommitProperty().addListener((o, before, now) -> selectCommit(now, true));
        // Added before the list's skin listens: the rows shown are still the old ones here.
        board.commits().addListener((ListChangeListener<CommitInfo>) c -> {
            keepCommitsScroll();
            selectCommit(board.selectedCommitProperty().get(), false);
            showMoreCommits();
        });
        // The cells shown are told, not made again (ListView.refresh would replace them under the pointer).
        board.journeyProperty().addListener((o, a, b) -> reshowCommits());
        board.snapshotProperty().addListener((o, a, b) -> reshowCommits());
        moreCommits.setOnAction(e -> board.loadMoreCommits());
        showMoreCommits();
    }

    private void reshowCommits() {
        commitCells.keySet().forEach(CommitCell::reshow);
    }

    private void showMoreCommits() {
        boolean more = board.mayHaveMoreCommits() && !board.commits().isEmpty();
        moreCommits.setVisible(more);
        moreCommits.setManaged(more);
    }

    /**
     * The commits changed (a refresh): the list stays where the user scrolled it, on the commit
     * that was at its top, even when new commits arrive above it; only a list scrolled to its top
     * stays at the top, so that a new commit shows there.
     */
    private void keepCommitsScroll() {
        if (!(commits.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || flow.getFirstVisibleCell() == null) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        Object top = first.getItem();
        boolean atTop = first.getIndex() <= 0 && flow.getPosition() <= 0;
        if (atTop) {
            Platform.runLater(() -> commits.scrollTo(0));
        } else if (top instanceof CommitInfo commit) {
            Platform.runLater(() -> board.commits().stream().filter(c -> c.sha().equals(commit.sha())).findFirst()
                    .ifPresent(commits::scrollTo));
        }
    }

    /** Selects the commit in the list; scrolls to it only when the selection itself changed ({@code reveal}), not on a refresh. */
    private void selectCommit(String sha, boolean reveal) {
        syncing = true;
        try {
            CommitInfo match = sha == null ? null
                    : board.commits().stream().filter(c -> c.sha().equals(sha)).findFirst().orElse(null);
            if (match == null) {
                commits.getSelectionModel().clearSelection();
            } else if (commits.getSelectionModel().getSelectedItem() != match) {
                commits.getSelectionModel().select(match);
                if (reveal) {
                    commits.scrollTo(match);
                }
            }
        } finally {
            syncing = false;
        }
    }

    // --- builds -----------------------------------------------------------------------------

    private void bindBuilds() {
        buildTitle.setText(Lane.BUILD.title());
        buildProduces.setText(Lane.BUILD.produces());
        builds.setItems(board.cards(Lane.BUILD));
        builds.setCellFactory(list -> new CardCell());
        builds.setFocusTraversable(false);
        builds.setPlaceholder(new Region());
        Runnable show = () -> {
            boolean none = board.cards(Lane.BUILD).isEmpty();
            buildEmpty.setText(board.emptyText(Lane.BUILD));
            buildEmpty.setVisible(none);
            buildEmpty.setManaged(none);
            int older = board.olderBuilds();
            olderBuilds.setText("Show older builds (" + older + " more)");
            olderBuilds.setVisible(older > 0);
            olderBuilds.setManaged(older > 0);
        };
        board.cards(Lane.BUILD).addListener((ListChangeListener<Card>) c -> show.run());
        board.snapshotProperty().addListener((o, a, b) -> show.run());
        olderBuilds.setOnAction(e -> board.showOlderBuilds());
        board.selectedCardProperty().addListener((o, a, card) -> {
            if (card != null && card.lane() == Lane.BUILD && byKey) {
                int index = indexOf(board.cards(Lane.BUILD), card);
                if (index >= 0 && !visibleInList(card)) {
                    builds.scrollTo(index);
                }
            }
        });
        show.run();
    }

    private boolean visibleInList(Card card) {
        return builds.lookupAll(".card").stream().filter(n -> n.getUserData() instanceof Card c && c.sameAs(card))
                .anyMatch(n -> {
                    Bounds list = builds.localToScene(builds.getLayoutBounds());
                    Bounds node = n.localToScene(n.getLayoutBounds());
                    return node.getMinY() >= list.getMinY() && node.getMaxY() <= list.getMaxY();
                });
    }

    private static int indexOf(java.util.List<Card> cards, Card card) {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).sameAs(card)) {
                return i;
            }
        }
        return -1;
    }

    /** A virtualized build card: restyled when the selection or journey changes. */
    private final class CardCell extends ListCell<Card> {

        CardCell() {
            setPrefWidth(0);
            board.journeyProperty().addListener((o, a, b) -> restyle());
            board.selectedCardProperty().addListener((o, a, b) -> restyle());
        }

        @Override
        protected void updateItem(Card card, boolean empty) {
            super.updateItem(card, empty);
            setText(null);
            if (empty || card == null) {
                setGraphic(null);
                return;
            }
            setGraphic(cardView(card));
        }

        private void restyle() {
            if (getGraphic() instanceof CardView view) {
                view.show(board.highlightOf(view.card()), view.card().sameAs(board.selectedCardProperty().get()));
            }
        }
    }

    private CardView cardView(Card card) {
        CardView view = new CardView(card, actions);
        view.getProperties().put(KEY, Journey.of(card));
        // A filter, so that clicking a card's own button selects the card too. On click, not on press: a
        // selection may change what is around (a notice goes away), and the button must still be under the release.
        view.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> board.selectCard(card));
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isPrimaryButtonDown()) {
                drags.pressed(card, e);
            }
        });
        view.show(board.highlightOf(card), card.sameAs(board.selectedCardProperty().get()));
        return view;
    }

    // --- releases ---------------------------------------------------------------------------

    private void bindReleases() {
        releaseTitle.setText(Lane.RELEASE.title());
        releaseProduces.setText(Lane.RELEASE.produces());
        board.releaseRows().addListener((ListChangeListener<ReleaseRow>) c -> rebuildReleases());
        board.journeyProperty().addListener((o, a, b) -> restyle(releaseRows));
        board.selectedCardProperty().addListener((o, a, card) -> {
            restyle(releaseRows);
            if (card != null && card.lane() == Lane.RELEASE && byKey) {
                reveal(releaseScroll, find(releaseRows, Journey.of(card)));
            }
        });
        rebuildReleases();
    }

    private void rebuildReleases() {
        releaseRows.getChildren().clear();
        for (ReleaseRow row : board.releaseRows()) {
            Label name = new Label(row.environment().name());
            name.getStyleClass().add("env-row-title");
            Label count = new Label(row.total() == 0 ? "" : row.cards().size() + " of " + row.total());
            count.getStyleClass().add("env-row-count");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            VBox box = new VBox(6, new HBox(6, name, gap, count));
            box.getStyleClass().addAll("env-row", "release-row");
            box.setId("release-row-" + row.environment().name());
            box.setUserData(row.environment());
            if (row.cards().isEmpty()) {
                Label empty = new Label(board.emptyReleaseRow(row.environment()));
                empty.getStyleClass().add("env-row-empty");
                empty.setWrapText(true);
                box.getChildren().add(empty);
            }
            row.cards().forEach(card -> box.getChildren().add(cardView(card)));
            if (row.older() > 0) {
                Button older = new Button("Show older (" + row.older() + " more)");
                older.getStyleClass().addAll("link-button", "lane-more");
                older.setId("older-" + row.environment().name());
                older.setOnAction(e -> board.showOlderReleases(row.environment()));
                box.getChildren().add(older);
            }
            BoardDrags.dropTarget(box, DropTarget.releaseRow(row.environment()));
            releaseRows.getChildren().add(box);
        }
        boolean none = board.releaseRows().stream().allMatch(r -> r.cards().isEmpty());
        releaseEmpty.setText(board.emptyText(Lane.RELEASE));
        releaseEmpty.setVisible(none);
        releaseEmpty.setManaged(none);
        restyle(releaseRows);
    }

    private void restyle(VBox rows) {
        Card selected = board.selectedCardProperty().get();
        for (Node node : rows.lookupAll(".card")) {
            if (node instanceof CardView view) {
                view.show(board.highlightOf(view.card()), view.card().sameAs(selected));
            }
        }
        for (Node node : rows.lookupAll(".host-slot")) {
            if (node instanceof HostSlotView view) {
                view.show(board.highlightOf(view.slot()), board.isSelected(view.slot()));
            }
        }
    }

    // --- runs -------------------------------------------------------------------------------

    private void bindRuns() {
        runTitle.setText(Lane.RUN.title());
        runProduces.setText(Lane.RUN.produces());
        hostsReading.visibleProperty().bind(board.readingHostsProperty());
        readHostsButton.setOnAction(e -> actions.readHosts());
        readHostsButton.disableProperty().bind(board.readingHostsProperty());
        Tips.text(readHostsButton, "Ask every host what runs there now (F5): current release, app process, health, lock, ledger.");
        board.hosts().addListener((ListChangeListener<EnvironmentHosts>) c -> rebuildRuns());
        board.snapshotProperty().addListener((o, a, b) -> rebuildRuns());
        board.journeyProperty().addListener((o, a, b) -> restyle(runRows));
        board.selectedSlotProperty().addListener((o, a, slot) -> {
            restyle(runRows);
            if (slot != null && byKey) {
                reveal(runScroll, find(runRows, Journey.host(slot)));
            }
        });
        rebuildRuns();
    }

    private void rebuildRuns() {
        runRows.getChildren().clear();
        for (EnvironmentHosts row : board.hosts()) {
            Label name = new Label(row.environment().name());
            name.getStyleClass().add("env-row-title");
            Label count = new Label(row.slots().size() == 1 ? "1 host" : row.slots().size() + " hosts");
            count.getStyleClass().add("env-row-count");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            VBox box = new VBox(6, new HBox(6, name, gap, count));
            box.getStyleClass().addAll("env-row", "run-row");
            box.setId("run-row-" + row.environment().name());
            box.setUserData(row.environment());
            if (row.slots().isEmpty()) {
                Label empty = new Label("No host attached yet: Hosts ▸ Attach host to environment…");
                empty.getStyleClass().add("env-row-empty");
                empty.setWrapText(true);
                box.getChildren().add(empty);
            }
            for (HostSlot slot : row.slots()) {
                Node[] owner = new Node[1];
                HostSlotView view = new HostSlotView(slot, board.clock(), actions, board.catalogLine(slot),
                        () -> RecentRunsPopup.open(owner[0], slot, board, actions));
                owner[0] = view;
                view.getProperties().put(KEY, Journey.host(slot));
                view.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> board.selectSlot(slot));
                BoardDrags.dropTarget(view, DropTarget.host(slot));
                box.getChildren().add(view);
            }
            BoardDrags.dropTarget(box, DropTarget.runRow(row.environment()));
            runRows.getChildren().add(box);
        }
        boolean none = board.hosts().stream().allMatch(r -> r.slots().isEmpty());
        String empty = board.emptyText(Lane.RUN);
        runEmpty.setText(empty);
        runEmpty.setVisible(none || board.hosts().isEmpty());
        runEmpty.setManaged(runEmpty.isVisible());
        restyle(runRows);
    }

    // --- details ----------------------------------------------------------------------------

    private void bindDetails() {
        dropHint.textProperty().bind(board.dropHintProperty());
        dropHint.visibleProperty().bind(board.dropHintProperty().isNotEmpty());
        board.detailProperty().addListener((o, a, detail) -> showDetail(detail));
        board.selectedCardProperty().addListener((o, a, card) -> {
            if (card != null && card.item() instanceof Release release) {
                Release live = board.hosts().stream().filter(r -> r.environment().id() == release.environmentId())
                        .flatMap(r -> r.slots().stream()).map(board::runningOn).flatMap(java.util.Optional::stream)
                        .filter(r -> r.id() != release.id()).findFirst().orElse(null);
                actions.releasePage(release, live, lines -> board.appendDetail(release, lines));
            }
        });
        showDetail(board.detailProperty().get());
    }

    private void showDetail(BoardViewModel.Detail detail) {
        detailTitle.setText(detail.title());
        detailLines.getChildren().setAll(detail.lines().stream().map(line -> {
            Label label = new Label(line);
            label.getStyleClass().add("detail-line");
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            return label;
        }).toList());
    }

    // --- keyboard ---------------------------------------------------------------------------

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        KeyCode code = e.getCode();
        boolean plain = !e.isShortcutDown() && !e.isAltDown();
        if (!plain) {
            return;
        }
        byKey = true;
        try {
            keyPressed(e, code);
        } finally {
            byKey = false;
        }
    }

    private void keyPressed(KeyEvent e, KeyCode code) {
        switch (code) {
            case UP -> board.move(BoardViewModel.Direction.UP);
            case DOWN -> board.move(BoardViewModel.Direction.DOWN);
            case LEFT -> board.move(BoardViewModel.Direction.LEFT);
            case RIGHT -> board.move(BoardViewModel.Direction.RIGHT);
            case TAB -> {
                boolean inRun = board.selectedSlotProperty().get() != null;
                boolean inCommits = board.selectedCardProperty().get() == null && board.selectedSlotProperty().get() == null;
                if (e.isShiftDown() ? inCommits : inRun) {
                    return; // lets the focus leave the board
                }
                board.move(e.isShiftDown() ? BoardViewModel.Direction.LEFT : BoardViewModel.Direction.RIGHT);
            }
            case ENTER -> open();
            case R -> board.selectedSuccessfulBuild().ifPresent(actions::release);
            case D -> board.selectedRelease().ifPresent(actions::deploy);
            case ESCAPE -> board.clearSelection();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Enter: a release's page, a host's recent runs, a build's log. */
    private void open() {
        Card card = board.selectedCardProperty().get();
        HostSlot slot = board.selectedSlotProperty().get();
        if (slot != null) {
            Node view = find(runRows, Journey.host(slot));
            RecentRunsPopup.open(view == null ? this : view, slot, board, actions);
        } else if (card != null && card.item() instanceof Release release) {
            actions.details(release);
        } else if (card != null && card.item() instanceof Build) {
            actions.openLog(card);
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    private static Node find(Node root, String key) {
        if (key.equals(root.getProperties().get(KEY))) {
            return root;
        }
        if (root instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = find(child, key);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Scrolls so that the node can be seen, if it cannot. */
    private static void reveal(ScrollPane scroll, Node node) {
        if (node == null) {
            return;
        }
        scroll.layout();
        Node content = scroll.getContent();
        double height = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (height <= viewport) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = (height - viewport) * scroll.getVvalue();
        if (bounds.getMinY() < top || bounds.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(1, Math.max(0, (bounds.getMinY() - 8) / (height - viewport))));
        }
    }
}
