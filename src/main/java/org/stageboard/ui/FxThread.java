package org.stageboard.ui;

import javafx.application.Platform;

/** The one way onto the JavaFX application thread: inline when already on it, else queued. */
public final class FxThread {
    private FxThread() {
    }

    public static void run(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }
}
