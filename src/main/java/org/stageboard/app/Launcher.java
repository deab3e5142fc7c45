package org.stageboard.app;

import javafx.application.Application;
import org.stageboard.cli.StageboardCli;

/**
 * The entry point: with arguments it runs the CLI ({@code stageboard build}, …) and exits with
 * its code; without, it opens the window. A plain class, not the {@code Application}, so that a
 * classpath launch finds the JavaFX runtime on the classpath instead of asking for modules.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(StageboardCli.execute(args));
        }
        StageboardApp.openInBackground();
        Application.launch(StageboardApp.class, args);
    }
}
