package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Environment;
import org.stageboard.ui.FieldMarks;
import org.stageboard.ui.task.TaskExecutor;

/** Rename environment (rename-environment.fxml): binds the name to an {@link EnvironmentRenameModel}. */
public final class EnvironmentRenameDialog {

    @FXML private TextField name;

    private EnvironmentRenameDialog() {
    }

    public static Optional<Environment> show(Window owner, EnvironmentRenameModel model, TaskExecutor executor) {
        EnvironmentRenameDialog view = new EnvironmentRenameDialog();
        FxmlDialog<Environment> dialog = new FxmlDialog<>(owner, "Rename " + model.environment().name(),
                "A new name for environment " + model.environment().name() + ". Recorded in history.",
                "rename-environment.fxml", view, model.reason(), "Rename");
        view.name.textProperty().bindBidirectional(model.nameProperty());
        ValidationSupport validation = new ValidationSupport();
        FieldMarks.register(validation, view.name, model::nameProblem);
        return dialog.showAndWait(executor, model::save);
    }
}
