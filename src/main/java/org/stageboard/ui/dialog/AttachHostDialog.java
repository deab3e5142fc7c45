package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.stage.Window;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.StageboardException;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/** Attaches a host to an environment, so that the environment's releases can be deployed there. */
public final class AttachHostDialog {

    private AttachHostDialog() {
    }

    public static Optional<Environment> show(Window owner, List<Environment> environments, Host preselected,
                                             SetupViewModel setup, TaskExecutor executor) {
        FormDialog<Environment> form = new FormDialog<>(owner, "Attach host",
                "Which environment's releases should run on which host?", "Attach");
        ComboBox<Environment> environment = Choices.environments(environments);
        environment.setId("attachEnvironment");
        ComboBox<Host> host = Choices.hosts(List.of());
        host.setId("attachHost");
        form.row("Environment", environment);
        form.row("Host", host);
        executor.call(setup::hosts, hosts -> {
            host.getItems().setAll(hosts);
            Host pick = preselected == null ? null
                    : hosts.stream().filter(h -> h.id() == preselected.id()).findFirst().orElse(null);
            host.getSelectionModel().select(pick != null ? pick : hosts.isEmpty() ? null : hosts.get(0));
        }, failure -> form.showError(ErrorText.of(failure)));
        return form.showAndWait(executor, () -> {
            Environment e = environment.getValue();
            Host h = host.getValue();
            if (e == null || h == null) {
                throw new StageboardException("Choose an environment and a host.");
            }
            return () -> setup.attachHost(e, h);
        });
    }
}
