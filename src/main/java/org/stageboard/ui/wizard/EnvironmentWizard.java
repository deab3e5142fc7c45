package org.stageboard.ui.wizard;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Environment;
import org.stageboard.ui.task.TaskExecutor;

/**
 * The New environment wizard: name and promotion order; host; connection test; how the app
 * runs; config. Finish saves it all; Cancel saves nothing ({@link EnvironmentWizardModel#cancelNote()}).
 */
public final class EnvironmentWizard {

    private EnvironmentWizard() {
    }

    /** Shows the wizard and waits; the environment when Finish saved it, empty when cancelled. */
    public static Optional<Environment> show(Window owner, EnvironmentWizardModel model, TaskExecutor executor, String stylesheet,
                                             Path sshConfig) {
        Wizard wizard = new Wizard(owner, "New environment");
        wizard.setReadSettings(false);
        model.loadSshConfig(sshConfig);
        ValidationSupport validation = new ValidationSupport();
        WizardPage[] pages = {
            new EnvNamePage(model, validation).pane,
            new EnvHostPage(model, validation, executor).pane,
            new EnvConnectionPage(model, executor).pane,
            new EnvRunPage(model, validation).pane,
            new EnvConfigPage(model, validation).pane,
        };
        pages[pages.length - 1].onFinish(model::finish);
        for (WizardPage page : pages) {
            if (stylesheet != null) {
                page.getStylesheets().add(stylesheet);
            }
        }
        wizard.setFlow(new Wizard.LinearFlow(pages));
        Optional<ButtonType> result = wizard.showAndWait();
        return result.filter(b -> b == ButtonType.FINISH).map(b -> model.savedProperty().get());
    }
}
