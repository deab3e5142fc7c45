package org.stageboard.ui.board;

import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import org.stageboard.core.Build;
import org.stageboard.core.Release;

/**
 * Dragging on the board: a build card onto an environment's row in Release releases it there; a
 * release card onto a host slot or a row in Run deploys it. The view model decides what a drop
 * means ({@link BoardViewModel#decideDrop}); this follows the pointer, marks the target under it,
 * draws the dragged card's ghost and hands the decision to the card actions.
 */
final class BoardDrags {

    private static final String DROP = "drop-target";

    private final BoardViewModel board;
    private final CardActions actions;
    private final JourneyPaths paths;
    private Card pressed;
    private double pressX;
    private double pressY;
    private Node hovered;

    BoardDrags(BoardViewModel board, CardActions actions, JourneyPaths paths) {
        this.board = board;
        this.actions = actions;
        this.paths = paths;
    }

    /** A card was pressed: it may become a drag once the pointer moves a few pixels. */
    void pressed(Card card, MouseEvent e) {
        pressed = card;
        pressX = e.getSceneX();
        pressY = e.getSceneY();
    }

    /** A row or slot a dragged card can be dropped on; the view model says what the drop means. */
    static void dropTarget(Node node, DropTarget target) {
        node.getProperties().put(DROP, target);
    }

    /**
     * Dragging is a press on a build or release card, a move beyond a few pixels and a release
     * over a row or host slot: followed on the whole board from the events' pick results, so it
     * works the same with a mouse, a touchpad or a test robot.
     */
    void follow(Node surface) {
        surface.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragMoved);
        surface.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (e.isPrimaryButtonDown()) {
                dragMoved(e);
            }
        });
        surface.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            Card card = pressed;
            pressed = null;
            if (card == null) {
                return;
            }
            boolean moved = board.dragged() == card || (far(e) && board.startDrag(card));
            hover(null);
            paths.ghost(null, 0, 0);
            if (!moved) {
                board.endDrag();
                return;
            }
            Node node = targetAt(e);
            if (node == null) {
                board.endDrag();
                return;
            }
            DropTarget target = (DropTarget) node.getProperties().get(DROP);
            DropDecision decision = board.drop(target);
            // After this release has been handled: a dialog opened from within it would take the press state with it.
            javafx.application.Platform.runLater(() -> act(card, target, decision));
        });
    }

    private void dragMoved(MouseEvent e) {
        if (pressed == null) {
            return;
        }
        if (board.dragged() == null && (!far(e) || !board.startDrag(pressed))) {
            return;
        }
        paths.ghost(pressed.title(), e.getSceneX(), e.getSceneY());
        Node node = targetAt(e);
        hover(node);
        if (node != null) {
            board.hover((DropTarget) node.getProperties().get(DROP));
        }
    }

    private boolean far(MouseEvent e) {
        return Math.hypot(e.getSceneX() - pressX, e.getSceneY() - pressY) > 6;
    }

    private void hover(Node node) {
        if (hovered != null && hovered != node) {
            hovered.getStyleClass().removeAll("drop-ok", "drop-refused");
        }
        hovered = node;
        if (node != null) {
            node.getStyleClass().removeAll("drop-ok", "drop-refused");
            boolean ok = board.decideDrop(board.dragged(), (DropTarget) node.getProperties().get(DROP)).allowed();
            node.getStyleClass().add(ok ? "drop-ok" : "drop-refused");
        }
    }

    /** The innermost row or slot under the pointer, or null. */
    private static Node targetAt(MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n.getProperties().get(DROP) instanceof DropTarget) {
                return n;
            }
        }
        return null;
    }

    private void act(Card card, DropTarget target, DropDecision decision) {
        switch (decision.action()) {
            case RELEASE -> actions.release((Build) card.item(), target.environment());
            case DEPLOY_HOST -> actions.deploy((Release) card.item(), target.slot().host());
            case DEPLOY_ENVIRONMENT -> actions.deploy((Release) card.item());
            case NONE -> {
            }
        }
    }
}
