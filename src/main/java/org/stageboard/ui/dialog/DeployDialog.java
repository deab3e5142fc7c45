package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.core.Release;

/**
 * Deploy (deploy.fxml): binds the host choice, "every host" and the plan to a
 * {@link DeployDialogModel}: the plan of the hosts chosen is shown as read from them; Deploy waits
 * for it and is disabled with the reason shown while there is no host to deploy to.
 */
public final class DeployDialog {

    /** Room the dialog's header, host choice, notes and buttons take around the plan on the screen. */
    private static final double AROUND_PLAN = 380;

    @FXML private ComboBox<Host> host;
    @FXML private CheckBox allHosts;
    @FXML private Label planStatus;
    @FXML private ScrollPane planScroll;
    @FXML private VBox plan;

    private DeployDialog() {
    }

    /** Shows the dialog and waits: where the release goes, or empty when cancelled (nothing deployed). */
    public static Optional<DeployTarget> show(Window owner, DeployDialogModel model) {
        Release release = model.release();
        DeployDialog view = new DeployDialog();
        FxmlDialog<DeployTarget> dialog = new FxmlDialog<>(owner, "Deploy " + release.label(),
                "Deploy " + release.label() + " (build #" + release.buildNumber() + " + config v" + release.configVersion() + ")",
                "deploy.fxml", view, model.reason(), "Deploy");
        dialog.disableConfirmWhile(model.waiting());
        view.bind(model, dialog);
        model.load();
        return dialog.showAndWait(model.executor(), model::save);
    }

    private void bind(DeployDialogModel model, FxmlDialog<DeployTarget> dialog) {
        Choices.labelled(host, Choices::hostLabel).setItems(model.hosts());
        host.setPromptText(model.hostsPrompt());
        host.valueProperty().bindBidirectional(model.hostProperty());
        host.disableProperty().bind(model.allHostsProperty());
        allHosts.setText(model.allHostsText());
        allHosts.selectedProperty().bindBidirectional(model.allHostsProperty());
        allHosts.disableProperty().bind(model.allHostsOffered().not());
        planStatus.textProperty().bind(model.planStatusProperty());
        planStatus.visibleProperty().bind(model.planStatusProperty().isNotEmpty());
        planStatus.managedProperty().bind(planStatus.visibleProperty());
        planScroll.visibleProperty().bind(Bindings.createBooleanBinding(() -> !model.shownPlans().get().isEmpty(), model.shownPlans()));
        planScroll.managedProperty().bind(planScroll.visibleProperty());
        // Many hosts' plans scroll rather than grow the dialog past the screen.
        ScrollHeight.follow(planScroll, plan, AROUND_PLAN, dialog::fit);
        model.shownPlans().addListener((o, was, now) -> {
            show(now);
            dialog.fit();
        });
        show(model.shownPlans().get());
    }

    private void show(Map<String, List<String>> plans) {
        plan.getChildren().clear();
        plans.forEach((name, lines) -> {
            Label text = new Label(String.join("\n", lines));
            text.getStyleClass().add("plan-lines");
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            text.setMinHeight(Region.USE_PREF_SIZE);
            Label title = new Label(name);
            title.getStyleClass().add("plan-title");
            plan.getChildren().add(new VBox(2, title, text));
        });
    }
}
