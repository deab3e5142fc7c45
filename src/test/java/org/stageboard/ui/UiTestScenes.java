package org.stageboard.ui;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** For UI tests: an empty owner window with Stageboard's stylesheet. */
public final class UiTestScenes {

    private UiTestScenes() {
    }

    public static void empty(Stage stage, String stylesheet) {
        Scene scene = new Scene(new StackPane(), 300, 200);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.show();
    }
}
