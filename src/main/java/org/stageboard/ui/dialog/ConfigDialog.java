package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/** Edits an environment's config; saving makes a new immutable config version. */
public final class ConfigDialog {

    private ConfigDialog() {
    }

    public static Optional<ConfigVersion> show(Window owner, Environment environment, SetupViewModel setup, TaskExecutor executor) {
        FormDialog<ConfigVersion> form = new FormDialog<>(owner, "Config of " + environment.name(),
                "Config of " + environment.name() + ": the environment variables its releases run with.", "Save as new version");
        VBox rows = new VBox(6);
        rows.setId("configRows");
        Label version = form.note("Loading the current config…");
        version.setId("configVersion");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(220);
        scroll.setPrefViewportWidth(560);
        Button add = new Button("Add key");
        add.setId("configAdd");
        add.setOnAction(e -> addRow(rows, null));
        form.addContent(scroll);
        form.addContent(add);
        form.note("Saving makes a new config version; releases made before keep the version they snapshotted. "
                + "Secrets are encrypted in the catalog and masked in logs.");
        Set<String> before = new TreeSet<>();
        executor.call(() -> setup.currentConfig(environment), current -> {
            current.ifPresentOrElse(config -> {
                version.setText("Current: config v" + config.version() + " (" + config.entries().size() + " keys)");
                before.addAll(config.entries().keySet());
                config.entries().values().forEach(entry -> addRow(rows, entry));
            }, () -> version.setText("No config yet: the first save makes config v1."));
            if (rows.getChildren().isEmpty()) {
                addRow(rows, null);
            }
            form.fit();
        }, failure -> form.showError(ErrorText.of(failure)));
        return form.showAndWait(executor, () -> {
            List<ConfigEntry> entries = entries(rows);
            return () -> setup.saveConfig(environment, entries, before);
        });
    }

    private static void addRow(VBox rows, ConfigEntry entry) {
        ConfigRow[] row = new ConfigRow[1];
        row[0] = new ConfigRow(entry, () -> rows.getChildren().remove(row[0]));
        rows.getChildren().add(row[0]);
    }

    private static List<ConfigEntry> entries(VBox rows) {
        return rows.getChildren().stream().map(ConfigRow.class::cast).filter(r -> !r.isBlank()).map(ConfigRow::entry).toList();
    }
}
