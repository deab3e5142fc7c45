package org.stageboard.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.stageboard.ui.theme.ActiveTheme;
import org.stageboard.ui.theme.Theme;

/**
 * For the screenshot programs (WizardScreens, SetupScreens): starts JavaFX in the theme the app
 * shows (AtlantaFX Primer, {@code light} or {@code dark}), and drives the real views from outside
 * the FX thread: find a node by id in any window, act on the FX thread, wait for a condition.
 */
final class ScreenHarness {

    private ScreenHarness() {
    }

    /** Starts JavaFX and applies the theme named ({@code light} or {@code dark}) as the app does. */
    static void start(String theme) throws Exception {
        Platform.startup(() -> { });
        fx(() -> ActiveTheme.set(Theme.named(theme)));
    }

    static Node lookup(String id) {
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null) {
                Node node = window.getScene().lookup(id);
                if (node != null) {
                    return node;
                }
            }
        }
        return null;
    }

    static void fx(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
    }

    static void await(BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 300; i++) {
            boolean[] ok = new boolean[1];
            fx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the view did not get there");
    }

    /** Clicks the button with this id once it is there and enabled (e.g. a wizard's Next). */
    static void fire(String id) throws Exception {
        await(() -> lookup(id) != null && !lookup(id).isDisabled());
        fx(() -> ((Button) lookup(id)).fire());
    }

    /** Lets the view settle (layout, validation marks), then says "ready" for the screenshot. */
    static void ready() throws Exception {
        Thread.sleep(1500);
        System.out.println("ready");
    }
}
