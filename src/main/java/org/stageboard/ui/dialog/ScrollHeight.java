package org.stageboard.ui.dialog;

import javafx.application.Platform;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;

/**
 * Sizes a dialog's scroll pane to its content as laid out (wrapped text included), up to what the
 * screen leaves once the rest of the dialog is there; taller content scrolls.
 */
final class ScrollHeight {

    private ScrollHeight() {
    }

    /**
     * @param around the height the dialog's header, other fields and buttons take besides the scroll pane
     * @param fit    grows or shrinks the dialog's window to its new size
     */
    static void follow(ScrollPane scroll, Region content, double around, Runnable fit) {
        double most = Math.max(200, Screen.getPrimary().getVisualBounds().getHeight() - around);
        scroll.setMaxHeight(most);
        // The content's height changes during a layout pass, when a new size would not reach the
        // dialog's parents: it is taken after the pass.
        content.heightProperty().addListener((o, was, now) -> Platform.runLater(() -> {
            double wanted = Math.min(content.getHeight(), most);
            if (Math.abs(wanted - scroll.getPrefViewportHeight()) > 0.5) {
                scroll.setPrefViewportHeight(wanted);
                fit.run();
            }
        }));
    }
}
