package org.stageboard.ui;

import java.io.File;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Binds a form's private key fields to a {@link KeyFileField}: the key file with its Choose…
 * button, and the passphrase row and "Remember this passphrase" box, shown only while the key has
 * a passphrase the engine does not know. The passphrase is tried on the key in the background once
 * typing pauses (a key derivation takes a moment). Used by the wizard's host page and Add host.
 */
public final class KeyFileFields {

    private KeyFileFields() {
    }

    /** Binds the key file field and its Choose… button (which opens in ~/.ssh). */
    public static void bindFile(StringProperty file, TextField keyFile, Button choose) {
        keyFile.textProperty().bindBidirectional(file);
        choose.setOnAction(e -> {
            File picked = choose(keyFile.getScene().getWindow());
            if (picked != null) {
                file.set(picked.getAbsolutePath());
            }
        });
    }

    /**
     * Binds all the key's fields. {@code passphraseRow} are the nodes shown only while a
     * passphrase is asked for (its label, field and box).
     */
    public static void bind(KeyFileField model, TextField keyFile, Button choose, PasswordField passphrase, CheckBox remember,
                            Node passphraseLabel, ValidationSupport validation, TaskExecutor executor) {
        bindFile(model.fileProperty(), keyFile, choose);
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        remember.setText(KeyFileField.REMEMBER);
        remember.selectedProperty().bindBidirectional(model.rememberProperty());
        for (Node n : new Node[] {passphrase, passphraseLabel, remember}) {
            n.visibleProperty().bind(model.passphraseAskedProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        PauseTransition pause = new PauseTransition(Duration.millis(300));
        pause.setOnFinished(e -> {
            String typed = model.passphraseProperty().get();
            if (model.passphraseNeeded() && typed != null && !typed.isEmpty()) {
                executor.call(() -> model.checkPassphrase(typed), problem -> {
                    model.passphraseChecked(typed, problem);
                    validation.revalidate(passphrase);
                }, failure -> { });
            }
        });
        model.passphraseProperty().addListener((o, was, now) -> pause.playFromStart());
        model.stateProperty().addListener((o, was, now) -> {
            validation.revalidate(passphrase);
            pause.playFromStart();
        });
        FieldMarks.register(validation, keyFile, model::fileProblem);
        FieldMarks.register(validation, passphrase, model::passphraseProblem);
    }

    /** Asks for a private key file, starting in ~/.ssh; null when cancelled. */
    public static File choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Private key file");
        File ssh = new File(System.getProperty("user.home"), ".ssh");
        if (ssh.isDirectory()) {
            chooser.setInitialDirectory(ssh);
        }
        return chooser.showOpenDialog(owner);
    }
}
