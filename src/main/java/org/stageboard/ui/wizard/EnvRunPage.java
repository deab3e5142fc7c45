package org.stageboard.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.StageboardException;
import org.stageboard.ui.FieldMarks;

/** Binds the run page (env-run.fxml): start command, app port, health check and its timeout. */
final class EnvRunPage {

    @FXML private TextField start;
    @FXML private TextField port;
    @FXML private TextField health;
    @FXML private TextField timeout;
    @FXML private Label healthUrl;

    final WizardPage pane;

    EnvRunPage(EnvironmentWizardModel model, ValidationSupport validation) {
        this.pane = new WizardPage("How does the app start, and how is its health checked?", "env-run.fxml", this, model.runReason());
        start.textProperty().bindBidirectional(model.startCommandProperty());
        port.textProperty().bindBidirectional(model.appPortProperty());
        health.textProperty().bindBidirectional(model.healthProperty());
        timeout.textProperty().bindBidirectional(model.timeoutProperty());
        healthUrl.textProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return "Checked on the host as " + model.runSettings().healthUrl();
            } catch (StageboardException e) {
                return "";
            }
        }, model.startCommandProperty(), model.appPortProperty(), model.healthProperty(), model.timeoutProperty()));
        FieldMarks.register(validation, start, model::startCommandProblem);
        FieldMarks.register(validation, port, model::appPortProblem);
        FieldMarks.register(validation, health, model::healthProblem);
        FieldMarks.register(validation, timeout, model::timeoutProblem);
    }
}
