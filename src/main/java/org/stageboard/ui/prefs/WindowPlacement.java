package org.stageboard.ui.prefs;

import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.stageboard.ui.MainViewModel;
import org.stageboard.ui.theme.ActiveTheme;
import org.stageboard.ui.theme.Theme;

/**
 * Puts the window where it was last time (size, position, maximized, theme) and saves that, with
 * the project shown, when it closes. A position on a screen that is no longer there is dropped:
 * the window opens centred instead.
 */
public final class WindowPlacement {

    private WindowPlacement() {
    }

    /** Applies the remembered theme, size and position to the stage before it shows. */
    public static void restore(Stage stage, WindowPrefs prefs) {
        ActiveTheme.set(Theme.named(prefs.theme()));
        boolean placed = prefs.hasPosition() && onSomeScreen(prefs);
        // The screen it was on, else the primary one: the window never opens larger than that screen (a laptop's 768 px).
        Rectangle2D screen = placed ? Screen.getScreensForRectangle(titleBar(prefs)).get(0).getVisualBounds() : Screen.getPrimary().getVisualBounds();
        Rectangle2D bounds = fit(prefs, screen);
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        if (placed) {
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.maximized());
    }

    /**
     * The remembered bounds kept inside {@code screen}: no larger than it, and moved back onto it
     * (a smaller screen since, or a position saved half off it). Without a remembered position
     * the result's position is the screen's corner (the window is then centred).
     */
    static Rectangle2D fit(WindowPrefs prefs, Rectangle2D screen) {
        double width = Math.min(prefs.width(), screen.getWidth());
        double height = Math.min(prefs.height(), screen.getHeight());
        if (!prefs.hasPosition()) {
            return new Rectangle2D(screen.getMinX(), screen.getMinY(), width, height);
        }
        double x = Math.max(screen.getMinX(), Math.min(prefs.x(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(prefs.y(), screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }

    /** Saves the window's bounds, the project shown and the theme in {@code home} when the stage is hidden. */
    public static void rememberOnClose(Stage stage, MainViewModel model, Path home, WindowPrefs start) {
        stage.setOnHidden(e -> {
            WindowPrefs now = current(stage, model, start);
            try {
                now.save(home);
            } catch (java.io.UncheckedIOException ignored) {
                // Not remembering the window's size is no reason to fail closing it.
            }
        });
    }

    /** What the window shows now, as preferences (the bounds before it was maximized stay when it is). */
    static WindowPrefs current(Stage stage, MainViewModel model, WindowPrefs before) {
        WindowPrefs prefs = stage.isMaximized() ? before.withBounds(before.x(), before.y(), before.width(), before.height(), true)
                : before.withBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        String project = model.projectProperty().get() == null ? before.lastProject() : model.projectProperty().get().name();
        return prefs.withLastProject(project).withTheme(ActiveTheme.get().id());
    }

    private static boolean onSomeScreen(WindowPrefs prefs) {
        return !Screen.getScreensForRectangle(titleBar(prefs)).isEmpty();
    }

    private static Rectangle2D titleBar(WindowPrefs prefs) {
        return new Rectangle2D(prefs.x() + 20, prefs.y(), Math.max(1, prefs.width() - 40), 30);
    }
}
