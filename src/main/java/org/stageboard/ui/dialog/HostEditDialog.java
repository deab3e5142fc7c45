package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Host;
import org.stageboard.ui.FieldMarks;
import org.stageboard.ui.KeyFileFields;
import org.stageboard.ui.task.TaskExecutor;

/** Edit host (edit-host.fxml): binds the fields to a {@link HostEditModel}; Save runs in the background. */
public final class HostEditDialog {

    @FXML private TextField address;
    @FXML private TextField port;
    @FXML private TextField user;
    @FXML private TextField keyFile;
    @FXML private Button chooseKey;
    @FXML private TextField baseDir;
    @FXML private Label unpinNote;

    private HostEditDialog() {
    }

    public static Optional<Host> show(Window owner, HostEditModel model, TaskExecutor executor) {
        HostEditDialog view = new HostEditDialog();
        FxmlDialog<Host> dialog = new FxmlDialog<>(owner, "Edit host " + model.host().name(),
                "How Stageboard reaches " + model.host().name() + " (" + model.host().display() + "). Changes are recorded in history.",
                "edit-host.fxml", view, model.reason(), "Save");
        view.bind(model, dialog);
        return dialog.showAndWait(executor, model::save);
    }

    private void bind(HostEditModel model, FxmlDialog<Host> dialog) {
        ValidationSupport validation = new ValidationSupport();
        HostFormFields.bind(model, validation, address, port, user, baseDir);
        KeyFileFields.bindFile(model.keyFileProperty(), keyFile, chooseKey);
        FieldMarks.register(validation, keyFile, model::keyFileProblem);
        unpinNote.setText(model.unpinNote());
        unpinNote.visibleProperty().bind(model.unpinsKey());
        unpinNote.managedProperty().bind(unpinNote.visibleProperty());
        unpinNote.visibleProperty().addListener((o, was, now) -> dialog.fit());
    }
}
