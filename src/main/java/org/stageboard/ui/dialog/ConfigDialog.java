package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.ui.ConfigRows;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/** Edit config (config.fxml): an environment's config as rows bound to a {@link ConfigEditModel}; saving makes a new immutable config version. */
public final class ConfigDialog {

    @FXML private Label version;
    @FXML private VBox rows;
    @FXML private Button add;

    private ConfigDialog() {
    }

    public static Optional<ConfigVersion> show(Window owner, Environment environment, SetupViewModel setup, TaskExecutor executor) {
        ConfigEditModel model = new ConfigEditModel(setup, environment);
        ConfigDialog view = new ConfigDialog();
        FxmlDialog<ConfigVersion> dialog = new FxmlDialog<>(owner, "Config of " + environment.name(),
                "Config of " + environment.name() + ": the environment variables its releases run with.", "config.fxml", view,
                model.reason(), "Save as new version");
        view.version.textProperty().bind(model.versionProperty());
        ConfigRows.bind(model.variables(), view.rows, view.add, new ValidationSupport());
        executor.call(model::read, current -> {
            model.loaded(current);
            dialog.fit();
        }, failure -> dialog.showError(ErrorText.of(failure)));
        return dialog.showAndWait(executor, model::save);
    }
}
