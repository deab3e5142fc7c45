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

    static void decorate(Labeled... controls) {
        for (Labeled control : controls) {
            String icon = ICONS.get(control.getId());
            if (icon != null) {
                FontIcon graphic = new FontIcon(icon);
                graphic.getStyleClass().add("toolbar-icon");
                control.setGraphic(graphic);
            }
        }
    }
}
