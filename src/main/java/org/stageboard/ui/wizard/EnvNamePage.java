package org.stageboard.ui.wizard;

import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.ui.FieldMarks;

/** Binds the New environment wizard's first page (env-name.fxml) to its view model. */
final class EnvNamePage {

    @FXML private TextField name;
    @FXML private ComboBox<String> place;

    final WizardPage pane;

    EnvNamePage(EnvironmentWizardModel model, ValidationSupport validation) {
        this.pane = new WizardPage("A new environment of " + model.project().name() + ": its name and place in the promotion order.",
                "env-name.fxml", this, model.nameReason());
        name.textProperty().bindBidirectional(model.nameProperty());
        place.setItems(model.places());
        place.valueProperty().bindBidirectional(model.placeProperty());
        FieldMarks.register(validation, name, model::nameProblem);
    }
}
