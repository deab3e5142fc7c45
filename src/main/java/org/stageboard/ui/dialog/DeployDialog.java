package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.BiConsumer;
import javafx.scene.control.ComboBox;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.StageboardException;
import org.stageboard.ui.task.TaskExecutor;

/** Chooses which host of the release's environment the release is put to work on. */
public final class DeployDialog {

    private DeployDialog() {
    }

    /** {@code loadHosts} fetches the environment's hosts in the background and hands them over. */
    public static Optional<DeployTarget> show(Window owner, Release release, BiConsumer<Release, Consumer<List<Host>>> loadHosts,
                                      TaskExecutor executor) {
        FormDialog<DeployTarget> form = new FormDialog<>(owner, "Deploy " + release.label(),
                "Deploy " + release.label() + " (build #" + release.buildNumber() + " + config v" + release.configVersion() + ")",
                "Deploy");
        ComboBox<Host> host = Choices.hosts(List.of());
        host.setId("deployHost");
        host.setPromptText("loading the hosts of " + release.environmentName() + "…");
        form.row("Host", host);
        javafx.scene.control.CheckBox all = new javafx.scene.control.CheckBox(
                "every host of " + release.environmentName() + ", one after another (stops at the first failure)");
        all.setId("deployAllHosts");
        all.setDisable(true);
        host.disableProperty().bind(all.selectedProperty());
        form.row("", all);
        form.note("Upload the artifact, unpack, write .env, switch 'current', start, health check; "
                + "if the health check fails the previous release is restored.");
        loadHosts.accept(release, hosts -> {
            host.getItems().setAll(hosts);
            if (hosts.isEmpty()) {
                form.showError("No host is attached to " + release.environmentName()
                        + ": add one under Hosts ▸ Add host…, trust its key, and attach it.");
            } else {
                host.getSelectionModel().select(0);
            }
            all.setDisable(hosts.size() < 2);
        });
        return form.showAndWait(executor, () -> {
            if (all.isSelected()) {
                return DeployTarget::all;
            }
            Host chosen = host.getValue();
            if (chosen == null) {
                throw new StageboardException("Choose the host to deploy to.");
            }
            return () -> DeployTarget.one(chosen);
        });
    }
}
