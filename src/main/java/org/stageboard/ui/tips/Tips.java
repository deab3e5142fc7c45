package org.stageboard.ui.tips;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * Tooltips made when the pointer first comes over their node, not when the window is built: a
 * Tooltip is a popup window of its own, and the few dozen of a board (toolbar, cards, host slots)
 * took a noticeable part of the opening window's time on a cold start. The tooltip is installed
 * by the first mouse-entered event and then behaves as any other (the pointer's next move starts
 * its show delay).
 */
public final class Tips {

    private Tips() {
    }

    /** A wrapping tooltip with {@code text}, shown after 400 ms, made on first hover. */
    public static void text(Node node, String text) {
        lazy(node, () -> wrapping(text, 360));
    }

    /** A wrapping tooltip made by {@code make} on first hover (for long texts, e.g. a failure's evidence). */
    public static void lazy(Node node, Supplier<Tooltip> make) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                node.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tooltip = make.get();
                if (node instanceof Control control) {
                    control.setTooltip(tooltip);
                } else {
                    Tooltip.install(node, tooltip);
                }
            }
        };
        node.addEventFilter(MouseEvent.MOUSE_ENTERED, first);
    }

    /** A tooltip that wraps at {@code maxWidth} and shows after 400 ms. */
    public static Tooltip wrapping(String text, double maxWidth) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(Duration.millis(400));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(maxWidth);
        return tooltip;
    }
}
