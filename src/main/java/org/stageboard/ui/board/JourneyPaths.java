package org.stageboard.ui.board;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;

/**
 * Draws the selection's journey over the lanes: a curve from each card to the next one it leads
 * to (commit → build → release → host), from the right edge of one to the left edge of the other,
 * computed from the cards' bounds in scene coordinates after every layout pass (so it follows
 * scrolling and resizing). A card scrolled out of its lane's view is pinned to the lane's edge;
 * one not laid out at all (far down a virtualized list) has no curve.
 */
final class JourneyPaths {

    private final Pane overlay;
    private final Parent lanes;
    private final BoardViewModel board;
    private final Map<Journey.Link, CubicCurve> curves = new LinkedHashMap<>();
    private final Label ghost = new Label();

    JourneyPaths(Pane overlay, Parent lanes, BoardViewModel board) {
        this.overlay = overlay;
        this.lanes = lanes;
        this.board = board;
        ghost.getStyleClass().add("drag-ghost");
        ghost.setManaged(false);
        ghost.setVisible(false);
        overlay.getChildren().add(ghost);
    }

    /** Shows the dragged card's title under the pointer (scene coordinates), or hides it (null). */
    void ghost(String text, double sceneX, double sceneY) {
        if (text == null) {
            ghost.setVisible(false);
            return;
        }
        ghost.setText(text);
        ghost.autosize();
        Point2D at = overlay.sceneToLocal(sceneX, sceneY);
        ghost.relocate(at.getX() + 12, at.getY() + 8);
        ghost.setVisible(true);
    }

    /** Recomputes the curves; called after each layout pulse. Sets only what changed, so it settles. */
    void draw() {
        Journey journey = board.journeyProperty().get();
        Map<String, Node> nodes = new HashMap<>();
        if (!journey.links().isEmpty()) {
            collect(lanes, journey, nodes);
        }
        Set<Journey.Link> drawn = new HashSet<>();
        for (Journey.Link link : journey.links()) {
            Node from = nodes.get(link.from());
            Node to = nodes.get(link.to());
            if (from == null || to == null) {
                continue;
            }
            Point2D start = edge(from, true);
            Point2D end = edge(to, false);
            if (start == null || end == null) {
                continue;
            }
            CubicCurve curve = curves.computeIfAbsent(link, l -> {
                CubicCurve c = new CubicCurve();
                c.getStyleClass().add("journey-path");
                c.setId("path-" + l.from().replace(':', '-') + "-" + l.to().replace(':', '-'));
                c.setUserData(l);
                c.setManaged(false);
                overlay.getChildren().add(0, c);
                return c;
            });
            double bend = Math.max(24, (end.getX() - start.getX()) / 2);
            set(curve, start.getX(), start.getY(), start.getX() + bend, start.getY(), end.getX() - bend, end.getY(), end.getX(), end.getY());
            drawn.add(link);
        }
        curves.entrySet().removeIf(entry -> {
            if (drawn.contains(entry.getKey())) {
                return false;
            }
            overlay.getChildren().remove(entry.getValue());
            return true;
        });
    }

    private static void set(CubicCurve c, double x1, double y1, double cx1, double cy1, double cx2, double cy2, double x2, double y2) {
        c.setStartX(x1);
        c.setStartY(y1);
        c.setControlX1(cx1);
        c.setControlY1(cy1);
        c.setControlX2(cx2);
        c.setControlY2(cy2);
        c.setEndX(x2);
        c.setEndY(y2);
    }

    /** The nodes on screen that carry a key of the journey (visible cells of the virtualized lists only). */
    private static void collect(Node node, Journey journey, Map<String, Node> found) {
        if (!node.isVisible()) {
            return;
        }
        Object key = node.getProperties().get(BoardView.KEY);
        if (key instanceof String k && journey.contains(k)) {
            found.putIfAbsent(k, node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, journey, found);
            }
        }
    }

    /** The middle of the node's right (or left) edge in overlay coordinates, its height kept inside its scrolling lane. */
    private Point2D edge(Node node, boolean right) {
        if (node.getScene() == null) {
            return null;
        }
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        double y = (bounds.getMinY() + bounds.getMaxY()) / 2;
        Node clip = scroller(node);
        if (clip != null) {
            Bounds view = clip.localToScene(clip.getLayoutBounds());
            y = Math.max(view.getMinY() + 4, Math.min(view.getMaxY() - 4, y));
        }
        Point2D local = overlay.sceneToLocal(right ? bounds.getMaxX() : bounds.getMinX(), y);
        return local;
    }

    private static Node scroller(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane || n instanceof ListView) {
                return n;
            }
        }
        return null;
    }
}
