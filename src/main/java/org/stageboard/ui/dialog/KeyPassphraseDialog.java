package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Asks for a host key's passphrase (key-passphrase.fxml) before work on the host: a wrong one is
 * said in the dialog, which asks again; Cancel gives empty (nothing is started).
 */
public final class KeyPassphraseDialog {

    @FXML private Label question;
    @FXML private PasswordField passphrase;
    @FXML private CheckBox remember;

    private KeyPassphraseDialog() {
    }

    public static Optional<Host> show(Window owner, KeyPassphraseModel model, TaskExecutor executor) {
        KeyPassphraseDialog view = new KeyPassphraseDialog();
        FxmlDialog<Host> dialog = new FxmlDialog<>(owner, "Key passphrase", "Passphrase for host " + model.host().name(),
                "key-passphrase.fxml", view, model.reason(), "Unlock");
        view.question.setText(model.question());
        view.passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        view.remember.setText(KeyPassphraseModel.REMEMBER);
        view.remember.selectedProperty().bindBidirectional(model.rememberProperty());
        javafx.application.Platform.runLater(view.passphrase::requestFocus);
        try {
            return dialog.showAndWait(executor, model::submit);
        } finally {
            model.clear();
        }
    }
}
