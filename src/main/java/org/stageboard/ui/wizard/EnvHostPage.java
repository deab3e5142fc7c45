package org.stageboard.ui.wizard;

import java.io.File;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Host;
import org.stageboard.core.SshConfigHost;
import org.stageboard.ui.task.TaskExecutor;

/** Binds the New environment wizard's host page (env-host.fxml) to its view model. */
final class EnvHostPage {

    @FXML private ComboBox<SshConfigHost> sshConfig;
    @FXML private ComboBox<Host> savedHost;
    @FXML private Label sshConfigNote;
    @FXML private TextField hostName;
    @FXML private TextField address;
    @FXML private TextField sshPort;
    @FXML private TextField user;
    @FXML private TextField keyFile;
    @FXML private Button chooseKey;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private javafx.scene.control.CheckBox rememberPassphrase;
    @FXML private TextField baseDir;

    final WizardPage pane;

    EnvHostPage(EnvironmentWizardModel model, ValidationSupport validation, TaskExecutor executor) {
        this.pane = new WizardPage("Which host runs it? Type it in, or pick it from ~/.ssh/config.", "env-host.fxml", this,
                model.hostReason());
        sshConfig.setItems(model.sshConfigHosts());
        sshConfig.setConverter(converter(h -> h.alias() + "  (" + (h.user() == null ? "" : h.user() + "@") + h.address()
                + (h.portOrDefault() == 22 ? "" : ":" + h.portOrDefault()) + (h.hasUnsupported() ? ", has unsupported settings" : "") + ")"));
        sshConfig.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.pick(now);
            }
        });
        sshConfig.setDisable(model.sshConfigHosts().isEmpty());
        savedHost.getItems().setAll(model.savedHosts());
        savedHost.setConverter(converter(h -> h.name() + "  (" + h.display() + ")"));
        savedHost.setDisable(model.savedHosts().isEmpty());
        savedHost.valueProperty().addListener((o, was, now) -> model.useSavedHost(now));
        sshConfigNote.textProperty().bind(model.sshConfigNoteProperty());
        hostName.textProperty().bindBidirectional(model.hostNameProperty());
        address.textProperty().bindBidirectional(model.addressProperty());
        sshPort.textProperty().bindBidirectional(model.sshPortProperty());
        user.textProperty().bindBidirectional(model.userProperty());
        keyFile.textProperty().bindBidirectional(model.keyFileProperty());
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        baseDir.textProperty().bindBidirectional(model.baseDirProperty());
        rememberPassphrase.selectedProperty().bindBidirectional(model.rememberPassphraseProperty());
        javafx.beans.binding.BooleanBinding asked = javafx.beans.binding.Bindings.createBooleanBinding(model::passphraseNeeded,
                model.keyStateProperty(), model.savedHostProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {passphrase, passphraseLabel, rememberPassphrase}) {
            n.visibleProperty().bind(asked);
            n.managedProperty().bind(n.visibleProperty());
        }
        // The passphrase is tried on the key in the background once typing pauses (a key derivation takes a moment).
        PauseTransition passphrasePause = new PauseTransition(Duration.millis(300));
        Runnable checkPassphrase = () -> {
            String typed = model.passphraseProperty().get();
            if (model.passphraseNeeded() && typed != null && !typed.isEmpty()) {
                executor.call(() -> model.checkPassphrase(typed), problem -> {
                    model.passphraseChecked(typed, problem);
                    validation.revalidate(passphrase);
                }, failure -> { });
            }
        };
        passphrasePause.setOnFinished(e -> checkPassphrase.run());
        model.passphraseProperty().addListener((o, was, now) -> passphrasePause.playFromStart());
        model.keyStateProperty().addListener((o, was, now) -> {
            validation.revalidate(passphrase);
            passphrasePause.playFromStart();
        });
        chooseKey.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Private key file");
            File ssh = new File(System.getProperty("user.home"), ".ssh");
            if (ssh.isDirectory()) {
                chooser.setInitialDirectory(ssh);
            }
            File picked = chooser.showOpenDialog(pane.getScene().getWindow());
            if (picked != null) {
                model.keyFileProperty().set(picked.getAbsolutePath());
            }
        });
        // An unknown host name is found by a DNS look-up in the background, once typing pauses.
        PauseTransition pause = new PauseTransition(Duration.millis(400));
        pause.setOnFinished(e -> {
            String typed = model.addressProperty().get();
            if (model.addressProblem(typed).isEmpty()) {
                executor.call(() -> model.lookUp(typed), problem -> {
                    model.lookedUp(typed, problem);
                    validation.revalidate(address);
                }, failure -> { });
            }
        });
        model.addressProperty().addListener((o, was, now) -> pause.playFromStart());
        Validators.register(validation, hostName, model::hostNameProblem);
        Validators.register(validation, address, model::addressProblem);
        Validators.register(validation, sshPort, model::sshPortProblem);
        Validators.register(validation, user, model::userProblem);
        Validators.register(validation, keyFile, model::keyFileProblem);
        Validators.register(validation, passphrase, model::passphraseProblem);
        Validators.register(validation, baseDir, model::baseDirProblem);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
