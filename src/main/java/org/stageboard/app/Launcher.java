package org.stageboard.app;

import javafx.application.Application;

/**
 * The entry point. A plain class, not the {@code Application}, so that a classpath launch finds
 * the JavaFX runtime on the classpath instead of asking for modules.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // The command line goes here: when args are given, run the CLI instead of the window.
        Application.launch(StageboardApp.class, args);
    }
}
