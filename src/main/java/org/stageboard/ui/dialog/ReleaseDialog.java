package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/** Release (release.fxml): chooses the environment a build is released to, showing the config version the release will snapshot. */
public final class ReleaseDialog {

    @FXML private ComboBox<Environment> environment;
    @FXML private Label config;

    private ReleaseDialog() {
    }

    public static Optional<Environment> show(Window owner, Build build, List<Environment> environments,
                                             SetupViewModel setup, TaskExecutor executor) {
        ReleaseDialogModel model = new ReleaseDialogModel(setup, build, environments);
        ReleaseDialog view = new ReleaseDialog();
        FxmlDialog<Environment> dialog = new FxmlDialog<>(owner, "Release build #" + build.number(),
                "Release build #" + build.number() + " (" + build.shortSha() + "): its artifact plus one environment's config.",
                "release.fxml", view, model.reason(), "Release");
        Choices.labelled(view.environment, Environment::name).setItems(model.environments());
        view.environment.valueProperty().bindBidirectional(model.environmentProperty());
        view.config.textProperty().bind(model.configProperty());
        Runnable read = () -> {
            Environment chosen = model.environmentProperty().get();
            model.readingConfig();
            if (chosen != null) {
                executor.call(() -> model.currentConfig(chosen), current -> {
                    model.configRead(chosen, current);
                    dialog.fit();
                }, failure -> model.configFailed(chosen, ErrorText.of(failure)));
            }
        };
        model.environmentProperty().addListener((o, was, now) -> read.run());
        read.run();
        return dialog.showAndWait(executor, model::save);
    }
}
