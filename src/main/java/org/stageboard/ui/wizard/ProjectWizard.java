package org.stageboard.ui.wizard;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Project;

/** The New project wizard: repository, name and branch; then the detected recipe. Finish adds the project. */
public final class ProjectWizard {

    private ProjectWizard() {
    }

    /** Shows the wizard and waits; the project when Finish saved it, empty when cancelled (nothing saved). */
    public static Optional<Project> show(Window owner, ProjectWizardModel model, String stylesheet) {
        Wizard wizard = new Wizard(owner, "New project");
        wizard.setReadSettings(false);
        ValidationSupport validation = new ValidationSupport();
        ProjectSourcePage source = new ProjectSourcePage(model, validation);
        ProjectRecipePage recipe = new ProjectRecipePage(model, validation);
        recipe.pane.onFinish(model::finish);
        for (WizardPage page : new WizardPage[] {source.pane, recipe.pane}) {
            if (stylesheet != null) {
                page.getStylesheets().add(stylesheet);
            }
        }
        wizard.setFlow(new Wizard.LinearFlow(source.pane, recipe.pane));
        Optional<ButtonType> result = wizard.showAndWait();
        return result.filter(b -> b == ButtonType.FINISH).map(b -> model.savedProperty().get());
    }
}
