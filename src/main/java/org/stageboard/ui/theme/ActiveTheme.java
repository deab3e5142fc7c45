package org.stageboard.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The theme the application shows now. It is one for the whole application (a user-agent
 * stylesheet applies to every window), so it is held once: setting it applies it; the toolbar's
 * switch and the remembered preferences both go through here. Use on the FX thread.
 */
public final class ActiveTheme {

    private static final ObjectProperty<Theme> THEME = new SimpleObjectProperty<>(Theme.LIGHT);

    static {
        THEME.addListener((o, before, now) -> now.apply());
    }

    private ActiveTheme() {
    }

    public static ObjectProperty<Theme> property() {
        return THEME;
    }

    public static Theme get() {
        return THEME.get();
    }

    /**
     * Applies the current theme unless the application has a user-agent stylesheet already:
     * Stageboard's stylesheet uses the theme's colours, so a view shown without a theme (a view
     * on its own, in a test) would have none.
     */
    public static void ensureApplied() {
        if (javafx.application.Application.getUserAgentStylesheet() == null) {
            THEME.get().apply();
        }
    }

    /** Shows the application in this theme (applied even when it is already the current one). */
    public static void set(Theme theme) {
        if (theme == THEME.get()) {
            theme.apply();
        } else {
            THEME.set(theme);
        }
    }
}
