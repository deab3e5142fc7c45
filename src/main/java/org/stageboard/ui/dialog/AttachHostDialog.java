package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.stage.Window;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/** Attach host (attach-host.fxml): binds the choices to an {@link AttachHostModel}, so the environment's releases can be deployed there. */
public final class AttachHostDialog {

    @FXML private ComboBox<Environment> environment;
    @FXML private ComboBox<Host> host;

    private AttachHostDialog() {
    }

    public static Optional<Environment> show(Window owner, List<Environment> environments, Host preselected,
                                             SetupViewModel setup, TaskExecutor executor) {
        AttachHostModel model = new AttachHostModel(setup, environments, preselected);
        AttachHostDialog view = new AttachHostDialog();
        FxmlDialog<Environment> dialog = new FxmlDialog<>(owner, "Attach host", "Which environment's releases should run on which host?",
                "attach-host.fxml", view, model.reason(), "Attach");
        Choices.labelled(view.environment, Environment::name).setItems(model.environments());
        view.environment.valueProperty().bindBidirectional(model.environmentProperty());
        Choices.labelled(view.host, Choices::hostLabel).setItems(model.hosts());
        view.host.valueProperty().bindBidirectional(model.hostProperty());
        executor.call(model::readHosts, model::hostsRead, failure -> dialog.showError(ErrorText.of(failure)));
        return dialog.showAndWait(executor, model::save);
    }
}
