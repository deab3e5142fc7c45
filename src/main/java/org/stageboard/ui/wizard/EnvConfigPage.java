package org.stageboard.ui.wizard;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.ui.FieldMarks;

/** Binds the config page (env-config.fxml): one row per variable, a secret is typed masked. */
final class EnvConfigPage {

    @FXML private VBox rows;
    @FXML private Button add;

    private final EnvironmentWizardModel model;
    private final ValidationSupport validation;
    final WizardPage pane;

    EnvConfigPage(EnvironmentWizardModel model, ValidationSupport validation) {
        this.model = model;
        this.validation = validation;
        this.pane = new WizardPage("Config variables (optional): what the app reads from its environment.", "env-config.fxml", this,
                model.configReason());
        add.setOnAction(e -> model.addVariable());
        model.variables().addListener((ListChangeListener<ConfigVariable>) c -> {
            boolean rowsChanged = false;
            while (c.next()) {
                rowsChanged |= c.wasAdded() || c.wasRemoved(); // not a value typed in a row: that row stays
            }
            if (rowsChanged) {
                render();
            }
        });
        if (model.variables().isEmpty()) {
            model.addVariable();
        }
        render();
    }

    private void render() {
        rows.getChildren().clear();
        for (ConfigVariable variable : model.variables()) {
            TextField key = new TextField();
            key.setPromptText("KEY, e.g. DATABASE_URL");
            key.textProperty().bindBidirectional(variable.keyProperty());
            key.getStyleClass().add("variable-key");
            TextField plain = new TextField();
            plain.setPromptText("value");
            plain.textProperty().bindBidirectional(variable.valueProperty());
            PasswordField masked = new PasswordField();
            masked.setPromptText("secret value");
            masked.textProperty().bindBidirectional(variable.valueProperty());
            plain.visibleProperty().bind(variable.secretProperty().not());
            masked.visibleProperty().bind(variable.secretProperty());
            StackPane value = new StackPane(plain, masked);
            value.getStyleClass().add("variable-value");
            HBox.setHgrow(value, Priority.ALWAYS);
            CheckBox secret = new CheckBox("secret");
            secret.selectedProperty().bindBidirectional(variable.secretProperty());
            secret.getStyleClass().add("variable-secret");
            Button remove = new Button("Remove");
            remove.setOnAction(e -> model.variables().remove(variable));
            HBox row = new HBox(6, key, value, secret, remove);
            row.getStyleClass().add("wizard-variable");
            rows.getChildren().add(row);
            FieldMarks.register(validation, key, (String text) -> text == null || text.isBlank()
                    ? java.util.Optional.<String>empty() : model.keyProblem(text));
        }
    }
}
