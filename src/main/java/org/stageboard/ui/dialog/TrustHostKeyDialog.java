package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Trust host key (trust-host-key.fxml): shows the key a host presents, asked for in the
 * background ({@link TrustHostKeyModel}), and pins it only on an explicit "Trust this key" click.
 * A key that differs from the pinned one is a warning; one already trusted leaves nothing to do.
 */
public final class TrustHostKeyDialog {

    @FXML private Label keyType;
    @FXML private Label fingerprint;
    @FXML private Label pinned;
    @FXML private Label verdict;

    private TrustHostKeyDialog() {
    }

    public static Optional<Host> show(Window owner, Host host, SetupViewModel setup, TaskExecutor executor) {
        TrustHostKeyModel model = new TrustHostKeyModel(setup, host);
        TrustHostKeyDialog view = new TrustHostKeyDialog();
        FxmlDialog<Host> dialog = new FxmlDialog<>(owner, "Trust host key", "Host key of " + host.name() + " (" + host.display() + ")",
                "trust-host-key.fxml", view, model.reason(), "Trust this key");
        dialog.confirmButton().setId("trustKeyButton");
        dialog.disableConfirmWhile(model.alreadyTrusted());
        view.pinned.setText(model.pinnedText());
        view.verdict.textProperty().bind(model.verdict());
        view.verdict.visibleProperty().bind(model.verdict().isNotEmpty());
        view.verdict.managedProperty().bind(view.verdict.visibleProperty());
        model.checkProperty().addListener((o, was, now) -> view.show(model, now));
        executor.call(model::ask, model::seen, failure -> {
            view.fingerprint.setText("—");
            model.failed(ErrorText.of(failure));
        });
        return dialog.showAndWait(executor, model::trust);
    }

    private void show(TrustHostKeyModel model, HostKeyCheck check) {
        keyType.setText(check.keyType());
        fingerprint.setText(check.fingerprint());
        pinned.setText(model.pinnedText());
        verdict.getStyleClass().removeAll("form-warning", "form-ok", "form-note");
        verdict.getStyleClass().add(model.changed() ? "form-warning" : check.status() == HostKeyCheck.Status.TRUSTED ? "form-ok" : "form-note");
    }
}
