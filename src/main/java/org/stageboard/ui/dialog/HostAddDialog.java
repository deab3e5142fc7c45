package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Host;
import org.stageboard.ui.FieldMarks;
import org.stageboard.ui.KeyFileFields;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Add host (add-host.fxml): binds the fields to a {@link HostAddModel}; Add host is disabled with
 * the reason shown until every field is right, then adds the host in the background. Trusting its
 * key is the next, separate step ({@link TrustHostKeyDialog}).
 */
public final class HostAddDialog {

    @FXML private TextField name;
    @FXML private TextField address;
    @FXML private TextField port;
    @FXML private TextField user;
    @FXML private TextField keyFile;
    @FXML private Button chooseKey;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private CheckBox remember;
    @FXML private TextField baseDir;

    private HostAddDialog() {
    }

    /** Shows the dialog and waits: the host added, or empty when cancelled (nothing saved). */
    public static Optional<Host> show(Window owner, HostAddModel model, TaskExecutor executor) {
        HostAddDialog view = new HostAddDialog();
        FxmlDialog<Host> dialog = new FxmlDialog<>(owner, "Add host",
                "A host is a machine Stageboard reaches over SSH to run releases.", "add-host.fxml", view, model.reason(), "Add host");
        ValidationSupport validation = new ValidationSupport();
        view.name.textProperty().bindBidirectional(model.nameProperty());
        FieldMarks.register(validation, view.name, model::nameProblem);
        HostFormFields.bind(model, validation, view.address, view.port, view.user, view.baseDir);
        KeyFileFields.bind(model.key(), view.keyFile, view.chooseKey, view.passphrase, view.remember, view.passphraseLabel, validation, executor);
        model.key().passphraseAskedProperty().addListener((o, was, now) -> dialog.fit());
        Platform.runLater(view.name::requestFocus);
        try {
            return dialog.showAndWait(executor, model::save);
        } finally {
            model.key().clear();
        }
    }
}
