package org.stageboard.ui;

import java.util.Map;
import javafx.scene.control.Labeled;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Feather icon beside each main toolbar button's word, looked up by the button's id. */
final class ToolbarIcons {

    static final Map<String, String> ICONS = Map.of(
            "addProjectButton", "fth-plus",
            "buildButton", "fth-box",
            "releaseButton", "fth-tag",
            "deployButton", "fth-upload-cloud",
            "rollbackButton", "fth-rotate-ccw",
            "environmentsMenu", "fth-layers",
            "hostsMenu", "fth-server",
            "refreshButton", "fth-refresh-cw");

    private ToolbarIcons() {
    }

    /** Buttons shown as their icon alone (the toolbar is full); the word stays for screen readers and in the tooltip. */
    static final java.util.Set<String> ICON_ONLY = java.util.Set.of("refreshButton");

    static void decorate(Labeled... controls) {
        for (Labeled control : controls) {
            String icon = ICONS.get(control.getId());
            if (icon != null) {
                FontIcon graphic = new FontIcon(icon);
                graphic.getStyleClass().add("toolbar-icon");
                control.setGraphic(graphic);
                if (ICON_ONLY.contains(control.getId())) {
                    control.setAccessibleText(control.getText());
                    control.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                }
            }
        }
    }
}
