package org.stageboard.ui.theme;

import javafx.scene.control.ToggleButton;
import org.kordamp.ikonli.javafx.FontIcon;
import org.stageboard.ui.tips.Tips;

/**
 * The toolbar's light/dark switch: a moon in light mode, a sun in dark mode (the tooltip says
 * which theme it switches to). Switching applies the theme at once to every window ({@link ActiveTheme}); the app
 * remembers it between starts.
 */
public final class ThemeToggle extends ToggleButton {

    public ThemeToggle() {
        ActiveTheme.ensureApplied();
        setId("themeToggle");
        getStyleClass().add("theme-toggle");
        Tips.lazy(this, () -> Tips.wrapping(tip(ActiveTheme.get()), 360));
        ActiveTheme.property().addListener(new javafx.beans.value.WeakChangeListener<>(listener));
        show(ActiveTheme.get());
        setOnAction(e -> ActiveTheme.set(ActiveTheme.get().other()));
    }

    private final javafx.beans.value.ChangeListener<Theme> listener = (o, before, now) -> show(now);

    private void show(Theme theme) {
        setSelected(theme == Theme.DARK);
        setGraphic(new FontIcon(theme == Theme.DARK ? "fth-sun" : "fth-moon"));
        // Icon only (the toolbar is full); the words are in the tooltip and for screen readers.
        setAccessibleText(theme == Theme.DARK ? "Light theme" : "Dark theme");
        if (getTooltip() != null) {
            getTooltip().setText(tip(theme));
        }
    }

    private static String tip(Theme theme) {
        return theme == Theme.DARK ? "Switch to the light theme" : "Switch to the dark theme";
    }
}
