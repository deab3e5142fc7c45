package org.stageboard.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/**
 * The window's look: AtlantaFX's Primer theme in light or dark. The theme is the application's
 * user-agent stylesheet (it applies to every window, dialogs included); Stageboard's own
 * stylesheet only uses the theme's looked-up colours, so it reads well in both.
 */
public enum Theme {
    LIGHT, DARK;

    /** The AtlantaFX stylesheet of this theme. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** Makes this the look of every window of the application (on the FX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet());
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** The theme named so ({@code light}, {@code dark}); light for anything else. */
    public static Theme named(String name) {
        return name != null && name.trim().toUpperCase(Locale.ROOT).equals("DARK") ? DARK : LIGHT;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
