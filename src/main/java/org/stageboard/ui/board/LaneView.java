package org.stageboard.ui.board;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One stage of the board: a header that names it and what it produces, then its cards or a sentence on what it does. */
final class LaneView extends VBox {

    private final BoardViewModel board;
    private final CardActions actions;
    private final VBox cards = new VBox(8);
    private final Label empty;
    private final ScrollPane scroll;

    LaneView(Lane lane, BoardViewModel board, CardActions actions) {
        this.board = board;
        this.actions = actions;
        setId(lane.id());
        getStyleClass().addAll("lane", lane.id());
        Label title = new Label(lane.title());
        title.getStyleClass().add("lane-title");
        Label produces = new Label(lane.produces());
        produces.getStyleClass().add("lane-subtitle");
        VBox header = new VBox(2, title, produces);
        header.getStyleClass().add("lane-header");

        empty = new Label(lane.emptyText());
        empty.getStyleClass().add("lane-empty");
        empty.setWrapText(true);
        cards.getStyleClass().add("lane-cards");
        cards.setFillWidth(true);
        getChildren().add(header);
        if (lane == Lane.RUN) {
            // Hosts, then this catalog's runs, in one scrolling column: many hosts never squeeze the runs out.
            Label runs = new Label("Runs by this catalog, newest first");
            runs.getStyleClass().add("runs-title");
            VBox column = new VBox(6, new HostsSection(board, actions), runs, empty, cards);
            column.setFillWidth(true);
            scroll = new ScrollPane(column);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("lane-scroll");
            VBox.setVgrow(scroll, Priority.ALWAYS);
            getChildren().add(scroll);
        } else {
            scroll = new ScrollPane(cards);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("lane-scroll");
            StackPane body = new StackPane(scroll, empty);
            StackPane.setAlignment(empty, javafx.geometry.Pos.TOP_LEFT);
            VBox.setVgrow(body, Priority.ALWAYS);
            getChildren().add(body);
        }

        board.cards(lane).addListener((ListChangeListener<Card>) change -> rebuild(lane));
        board.selectedCommitProperty().addListener((o, a, b) -> {
            restyle();
            revealJourney();
        });
        board.selectedCardProperty().addListener((o, a, b) -> restyle());
        rebuild(lane);
    }

    private void rebuild(Lane lane) {
        cards.getChildren().setAll(board.cards(lane).stream().map(this::cardView).toList());
        empty.setVisible(cards.getChildren().isEmpty());
        empty.setManaged(cards.getChildren().isEmpty());
        restyle();
    }

    private CardView cardView(Card card) {
        CardView view = new CardView(card, actions);
        // A filter, so that pressing a card's own button selects the card too.
        view.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> board.selectCard(card));
        return view;
    }

    /** Scrolls so that the selected commit's newest card in this lane can be seen, if it cannot. */
    private void revealJourney() {
        cards.getChildren().stream().map(CardView.class::cast)
                .filter(view -> board.highlightOf(view.card()) == Highlight.IN_JOURNEY)
                .findFirst().ifPresent(view -> {
                    double content = scroll.getContent().getBoundsInLocal().getHeight();
                    double viewport = scroll.getViewportBounds().getHeight();
                    if (content <= viewport) {
                        return;
                    }
                    double top = (content - viewport) * scroll.getVvalue();
                    // Cards may sit below other content of the scrolling column (the Run lane's hosts).
                    double offset = cards == scroll.getContent() ? 0 : cards.getBoundsInParent().getMinY();
                    double y = offset + view.getBoundsInParent().getMinY();
                    if (y < top || offset + view.getBoundsInParent().getMaxY() > top + viewport) {
                        scroll.setVvalue(Math.min(1, Math.max(0, (y - 8) / (content - viewport))));
                    }
                });
    }

    private void restyle() {
        Card selected = board.selectedCardProperty().get();
        for (var node : cards.getChildren()) {
            CardView view = (CardView) node;
            view.show(board.highlightOf(view.card()), view.card().sameAs(selected));
        }
    }
}
