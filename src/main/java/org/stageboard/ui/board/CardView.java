package org.stageboard.ui.board;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.stageboard.core.Build;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.ui.tips.Tips;

/** One card: identity on the first line, state on the second, and the next action as a button. */
final class CardView extends VBox {

    private final Card card;

    CardView(Card card, CardActions actions) {
        this.card = card;
        getStyleClass().addAll("card", card.state().styleClass());
        setUserData(card);
        Label title = new Label(card.title());
        title.getStyleClass().add("card-title");
        Label detail = new Label(card.detail());
        detail.getStyleClass().add("card-detail");
        // A build's detail is one line (the Build lane is a list whose cells do not grow): cut by letter, not by word.
        detail.setWrapText(!(card.item() instanceof Build));
        getChildren().addAll(title, detail);
        String why = messageOf(card);
        if (why != null && !why.isBlank()) {
            Tips.lazy(this, () -> {
                javafx.scene.control.Tooltip tooltip = Tips.wrapping(why, 520);
                // Long enough to read the evidence (health answers, app log lines) of a failed run.
                tooltip.setShowDuration(javafx.util.Duration.seconds(60));
                return tooltip;
            });
        }
        // Wraps in a narrow lane rather than cutting the buttons' words.
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6);
        buttons.getStyleClass().add("card-actions");
        if (card.item() instanceof Build build && build.succeeded()) {
            buttons.getChildren().add(button("Release…", "card-release", () -> actions.release(build)));
            if (build.cached()) {
                buttons.getChildren().add(button("Rebuild", "card-rebuild", () -> actions.rebuild(build)));
            }
        } else if (card.item() instanceof Build build && !build.status().active()) {
            buttons.getChildren().add(button("Rebuild", "card-rebuild", () -> actions.rebuild(build)));
        } else if (card.item() instanceof Release release) {
            buttons.getChildren().add(button("Deploy…", "card-deploy", () -> actions.deploy(release)));
            buttons.getChildren().add(button("Details", "card-details", () -> actions.details(release)));
            buttons.getChildren().add(button("Promote…", "card-promote", () -> actions.promote(release)));
        } else if (card.item() instanceof Run run && run.status() == RunStatus.LIVE) {
            buttons.getChildren().add(button("Rollback", "card-rollback", () -> actions.rollback(run)));
        }
        if (logOf(card) != null) {
            buttons.getChildren().add(button("Log", "card-log", () -> actions.openLog(card)));
        }
        if (!buttons.getChildren().isEmpty()) {
            getChildren().add(buttons);
        }
    }

    Card card() {
        return card;
    }

    void show(Highlight highlight, boolean selected) {
        highlight.applyTo(getStyleClass(), selected);
    }

    private static String messageOf(Card card) {
        if (card.item() instanceof Build build) {
            return build.message();
        }
        if (card.item() instanceof Run run) {
            return run.message();
        }
        return null;
    }

    static Path logOf(Card card) {
        if (card.item() instanceof Build build) {
            return build.log();
        }
        if (card.item() instanceof Run run) {
            return run.log();
        }
        return null;
    }

    /** A card's small button; its click acts and goes no further (the card's own click selects it). */
    static Button button(String text, String styleClass, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().addAll("card-button", styleClass);
        button.setOnAction(e -> {
            action.run();
            e.consume();
        });
        return button;
    }
}
