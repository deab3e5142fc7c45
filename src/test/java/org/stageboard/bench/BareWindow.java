package org.stageboard.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The baseline of the board benchmark: a bare JavaFX window (one label) started the way the app
 * starts (a plain main class launching the {@code Application}, as {@code org.stageboard.app.Launcher}
 * does), which prints {@code bare-ready} after the layout pass of the first pulse once it is shown, then exits.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new BorderPane(new Label("bare JavaFX window")), 1280, 800));
            Scene scene = stage.getScene();
            stage.show();
            // Ready after the layout pass of the first pulse, as the app's probe (org.stageboard.app.ReadyProbe).
            Runnable[] ready = new Runnable[1];
            ready[0] = () -> {
                scene.removePostLayoutPulseListener(ready[0]);
                System.out.println("bare-ready");
                System.out.flush();
                Platform.exit();
            };
            scene.addPostLayoutPulseListener(ready[0]);
            Platform.requestNextPulse();
        }
    }
}
