package org.stageboard.ui.wizard;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Binds the connection page (env-connection.fxml): on entering it asks the host for its key in
 * the background; Trust this key pins it (the explicit action); Test connection runs the checks.
 */
final class EnvConnectionPage {

    @FXML private Label target;
    @FXML private Label keyType;
    @FXML private Label fingerprint;
    @FXML private Label verdict;
    @FXML private Button trust;
    @FXML private Button test;
    @FXML private VBox checks;

    private final EnvironmentWizardModel model;
    private final TaskExecutor executor;
    final WizardPage pane;

    EnvConnectionPage(EnvironmentWizardModel model, TaskExecutor executor) {
        this.model = model;
        this.executor = executor;
        this.pane = new WizardPage("Test the connection: compare the host's key, trust it, then test.", "env-connection.fxml", this,
                model.connectionReason());
        pane.onEnter(this::entered);
        model.hostKeyProperty().addListener((o, was, now) -> showKey(now));
        model.checks().addListener((ListChangeListener<ConnectionCheck>) c -> showChecks());
        trust.setOnAction(e -> {
            trust.setDisable(true);
            pane.clearFailure();
            executor.call(model::trust, model::trusted, failure -> {
                trust.setDisable(false);
                pane.showFailure().accept(failure);
            });
        });
        test.setOnAction(e -> {
            test.setDisable(true);
            test.setText("Testing…");
            pane.clearFailure();
            executor.call(model::testConnection, result -> {
                model.tested(result);
                test.setText("Test again");
                test.setDisable(false);
            }, failure -> {
                test.setText("Test connection");
                test.setDisable(false);
                pane.showFailure().accept(failure);
            });
        });
        showKey(null);
    }

    private void entered() {
        target.setText(model.userProperty().get() + "@" + model.addressProperty().get() + ":" + model.sshPortProperty().get()
                + ", base folder " + model.baseDirProperty().get());
        showChecks();
        if (model.hostKeyProperty().get() == null) {
            fingerprint.setText("asking the host for its key…");
            executor.call(model::scanHostKey, model::hostKeySeen, failure -> {
                fingerprint.setText("—");
                pane.showFailure().accept(failure);
            });
        }
    }

    private void showKey(HostKeyCheck check) {
        verdict.getStyleClass().removeAll("form-warning", "form-ok");
        if (check == null) {
            keyType.setText("…");
            verdict.setText("");
            trust.setDisable(true);
            test.setDisable(true);
            return;
        }
        keyType.setText(check.keyType());
        fingerprint.setText(check.fingerprint());
        switch (check.status()) {
            case TRUSTED -> {
                verdict.setText("This key is trusted.");
                verdict.getStyleClass().add("form-ok");
            }
            case UNKNOWN -> verdict.setText("First connection to " + check.hostName() + ". Compare this fingerprint with the one "
                    + "the host's administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before you trust it.");
            case CHANGED -> {
                verdict.setText("WARNING: the host's key has CHANGED since it was trusted (" + check.pinnedFingerprint()
                        + "). Someone may be intercepting the connection, or the host was reinstalled. Trust it only if its "
                        + "administrator confirms this fingerprint.");
                verdict.getStyleClass().add("form-warning");
            }
        }
        pane.fit();
        trust.setDisable(check.status() == HostKeyCheck.Status.TRUSTED);
        test.setDisable(check.status() != HostKeyCheck.Status.TRUSTED);
    }

    private void showChecks() {
        checks.getChildren().clear();
        for (ConnectionCheck check : model.checks()) {
            Label line = new Label(symbol(check.outcome()) + "  " + check.what() + ": " + check.detail());
            line.setId("check-" + check.what().replace(' ', '-'));
            line.getStyleClass().add("connection-check");
            line.getStyleClass().add(switch (check.outcome()) {
                case OK -> "form-ok";
                case WARNING -> "form-warning";
                case FAILED -> "form-error";
                case SKIPPED -> "form-note";
            });
            line.setWrapText(true);
            line.setMaxWidth(600);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            checks.getChildren().add(line);
        }
        pane.fit();
        if (model.checks().isEmpty() && model.hostKeyProperty().get() != null) {
            test.setText("Test connection");
        }
    }

    private static String symbol(ConnectionCheck.Outcome outcome) {
        return switch (outcome) {
            case OK -> "OK";
            case WARNING -> "WARNING";
            case FAILED -> "FAILED";
            case SKIPPED -> "SKIPPED";
        };
    }
}
