package org.stageboard.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Work the window does once something has been laid out: it runs on the FX thread right after the
 * scene's next layout pass (a pulse's CSS and layout are done; the frame is then drawn), once.
 * The window reads its hosts this way only after the first board is drawn, and the start probe
 * says ready this way.
 */
public final class AfterLayout {

    private AfterLayout() {
    }

    /** Runs {@code work} once, after the next layout pass of {@code scene} (a pulse is asked for). */
    public static void once(Scene scene, Runnable work) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            work.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
