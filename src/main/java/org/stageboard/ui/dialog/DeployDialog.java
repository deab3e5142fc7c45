package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.StageboardException;

/**
 * Chooses which host of the release's environment the release is put to work on, and shows the
 * plan first: per host, what runs now and what would run, the upload, config changes, the lock and
 * the releases pruned. Deploy is enabled once the plan has been read.
 */
public final class DeployDialog {

    private DeployDialog() {
    }

    public static Optional<DeployTarget> show(Window owner, DeployDialogModel model) {
        Release release = model.release();
        FormDialog<DeployTarget> form = new FormDialog<>(owner, "Deploy " + release.label(),
                "Deploy " + release.label() + " (build #" + release.buildNumber() + " + config v" + release.configVersion() + ")",
                "Deploy");
        ComboBox<Host> host = Choices.hosts(List.of());
        host.setId("deployHost");
        host.setPromptText("loading the hosts of " + release.environmentName() + "…");
        form.row("Host", host);
        CheckBox all = new CheckBox("every host of " + release.environmentName() + ", as its rollout says (Environments ▸ Run settings…)");
        all.setId("deployAllHosts");
        all.setDisable(true);
        host.disableProperty().bind(all.selectedProperty());
        form.row("", all);

        Label status = new Label();
        status.setId("deployPlanStatus");
        status.getStyleClass().add("form-note");
        status.textProperty().bind(model.planStatusProperty());
        status.visibleProperty().bind(model.planStatusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        VBox plan = new VBox(8);
        plan.setId("deployPlan");
        plan.getStyleClass().add("deploy-plan");
        form.addContent(new VBox(4, title("Plan — read from the hosts, nothing changed yet"), status, plan));
        form.note("Then: upload the artifact, unpack, write .env, switch 'current', start, health check; "
                + "if the health check fails the previous release is restored.");

        Runnable showPlan = () -> {
            plan.getChildren().clear();
            Map<String, List<String>> plans = model.plansProperty().get();
            plans.forEach((name, lines) -> {
                if (all.isSelected() || host.getValue() == null || host.getValue().name().equals(name)) {
                    Label text = new Label(String.join("\n", lines));
                    text.getStyleClass().add("plan-lines");
                    text.setWrapText(true);
                    text.setMaxWidth(540);
                    text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    plan.getChildren().add(new VBox(2, title(name), text));
                }
            });
            form.fit();
        };
        model.plansProperty().addListener((o, a, b) -> showPlan.run());
        host.valueProperty().addListener((o, a, b) -> showPlan.run());
        all.selectedProperty().addListener((o, a, b) -> showPlan.run());
        model.hosts().addListener((ListChangeListener<Host>) change -> {
            host.getItems().setAll(model.hosts());
            if (model.hosts().isEmpty()) {
                form.showError("No host is attached to " + release.environmentName()
                        + ": add one under Hosts ▸ Add host…, trust its key, and attach it.");
            } else {
                host.getSelectionModel().select(model.firstChoice());
            }
            all.setDisable(model.hosts().size() < 2);
        });
        model.hostsLoadedProperty().addListener((o, a, loaded) -> {
            if (loaded && model.hosts().isEmpty()) {
                form.showError("No host is attached to " + release.environmentName()
                        + ": add one under Hosts ▸ Add host…, trust its key, and attach it.");
            }
        });
        form.confirmButton().setDisable(true);
        model.plannedProperty().addListener((o, a, planned) -> form.confirmButton().setDisable(!planned));
        model.load();
        return form.showAndWait(model.executor(), () -> {
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

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("plan-title");
        return label;
    }
}
