package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.StageboardException;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/** Chooses the environment a build is released to, showing the config version the release will snapshot. */
public final class ReleaseDialog {

    private ReleaseDialog() {
    }

    public static Optional<Environment> show(Window owner, Build build, List<Environment> environments,
                                             SetupViewModel setup, TaskExecutor executor) {
        FormDialog<Environment> form = new FormDialog<>(owner, "Release build #" + build.number(),
                "Release build #" + build.number() + " (" + build.shortSha() + "): its artifact plus one environment's config.",
                "Release");
        ComboBox<Environment> environment = Choices.environments(environments);
        environment.setId("releaseEnvironment");
        form.row("Environment", environment);
        Label config = new Label();
        config.setId("releaseConfig");
        config.setWrapText(true);
        config.setMaxWidth(420);
        config.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.row("Config", config);
        form.note("The release is numbered per environment and never changes: new code or new config makes a new release.");
        Runnable load = () -> {
            Environment chosen = environment.getValue();
            if (chosen == null) {
                config.setText("");
                return;
            }
            config.setText("reading…");
            executor.call(() -> setup.currentConfig(chosen), current -> {
                if (chosen != environment.getValue()) {
                    return;
                }
                config.setText(current.map(c -> "config v" + c.version() + " will be snapshotted: "
                        + (c.entries().isEmpty() ? "no keys" : String.join(", ",
                        c.entries().values().stream().map(ConfigEntry::toString).toList())))
                        .orElse("no config yet: the release will run without environment variables"));
                form.fit();
            }, failure -> config.setText(ErrorText.of(failure)));
        };
        environment.valueProperty().addListener((o, a, b) -> load.run());
        load.run();
        return form.showAndWait(executor, () -> {
            Environment chosen = environment.getValue();
            if (chosen == null) {
                throw new StageboardException("Choose the environment to release to.");
            }
            return () -> chosen;
        });
    }
}
