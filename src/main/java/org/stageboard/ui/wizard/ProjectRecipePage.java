package org.stageboard.ui.wizard;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.ui.FieldMarks;

/** Binds the New project wizard's recipe page (project-recipe.fxml) to its view model. */
final class ProjectRecipePage {

    @FXML private Label detection;
    @FXML private TextArea steps;
    @FXML private TextField globs;
    @FXML private TextField caches;

    final WizardPage pane;

    ProjectRecipePage(ProjectWizardModel model, ValidationSupport validation) {
        this.pane = new WizardPage("How is it built? Confirm or edit the detected recipe.", "project-recipe.fxml", this,
                model.recipeReason());
        detection.textProperty().bind(model.detectionProperty());
        steps.textProperty().bindBidirectional(model.stepsProperty());
        globs.textProperty().bindBidirectional(model.globsProperty());
        caches.textProperty().bindBidirectional(model.cachesProperty());
        FieldMarks.register(validation, steps, model::stepsProblem);
        FieldMarks.register(validation, globs, model::globsProblem);
        FieldMarks.register(validation, caches, model::cachesProblem);
    }
}
