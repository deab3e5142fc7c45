package org.stageboard.ui;

import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;

/**
 * Shows {@link ConfigVariables} as editable rows (key, value, secret, Remove) in a form: a secret's
 * value is typed and shown masked; each key is marked with its problem as typed. Rows are drawn
 * again when one is added or removed, not while a value is typed. Used by the New environment
 * wizard's config page and Edit config.
 */
public final class ConfigRows {

    private ConfigRows() {
    }

    public static void bind(ConfigVariables model, VBox rows, Button add, ValidationSupport validation) {
        add.setOnAction(e -> model.add());
        model.rows().addListener((ListChangeListener<ConfigVariable>) c -> {
            boolean rowsChanged = false;
            while (c.next()) {
                rowsChanged |= c.wasAdded() || c.wasRemoved(); // not a value typed in a row: that row stays
            }
            if (rowsChanged) {
                render(model, rows, validation);
            }
        });
        render(model, rows, validation);
    }

    private static void render(ConfigVariables model, VBox rows, ValidationSupport validation) {
        rows.getChildren().clear();
        for (ConfigVariable variable : model.rows()) {
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
            remove.getStyleClass().add("variable-remove");
            remove.setOnAction(e -> model.rows().remove(variable));
            HBox row = new HBox(6, key, value, secret, remove);
            row.getStyleClass().add("config-row");
            rows.getChildren().add(row);
            FieldMarks.register(validation, key, (String text) -> text == null || text.isBlank() ? Optional.<String>empty() : model.keyProblem(text));
        }
    }
}
