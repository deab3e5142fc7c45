package org.stageboard.ui.wizard;

import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Host;
import org.stageboard.core.SshConfigHost;
import org.stageboard.ui.FieldMarks;
import org.stageboard.ui.KeyFileFields;
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
        baseDir.textProperty().bindBidirectional(model.baseDirProperty());
        KeyFileFields.bind(model.key(), keyFile, chooseKey, passphrase, rememberPassphrase, passphraseLabel, validation, executor);
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
        FieldMarks.register(validation, hostName, model::hostNameProblem);
        FieldMarks.register(validation, address, model::addressProblem);
        FieldMarks.register(validation, sshPort, model::sshPortProblem);
        FieldMarks.register(validation, user, model::userProblem);
        FieldMarks.register(validation, baseDir, model::baseDirProblem);
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
