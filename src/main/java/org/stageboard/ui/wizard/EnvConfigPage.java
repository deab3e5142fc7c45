package org.stageboard.ui.wizard;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.ui.ConfigRows;

/** Binds the config page (env-config.fxml): one row per variable, a secret is typed masked ({@link ConfigRows}). */
final class EnvConfigPage {

    @FXML private VBox rows;
    @FXML private Button add;

    final WizardPage pane;

    EnvConfigPage(EnvironmentWizardModel model, ValidationSupport validation) {
        this.pane = new WizardPage("Config variables (optional): what the app reads from its environment.", "env-config.fxml", this,
                model.configReason());
        if (model.variables().isEmpty()) {
            model.addVariable();
        }
        ConfigRows.bind(model.configVariables(), rows, add, validation);
    }
}
