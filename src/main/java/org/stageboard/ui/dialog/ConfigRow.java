package org.stageboard.ui.dialog;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.stageboard.core.ConfigEntry;

/** One editable key/value row; a secret's value is typed and shown masked. */
final class ConfigRow extends HBox {

    private final TextField key = new TextField();
    private final TextField plain = new TextField();
    private final PasswordField masked = new PasswordField();
    private final CheckBox secret = new CheckBox("secret");

    ConfigRow(ConfigEntry entry, Runnable remove) {
        super(6);
        getStyleClass().add("config-row");
        key.setPromptText("KEY");
        key.setPrefWidth(180);
        key.getStyleClass().add("config-key");
        plain.setPromptText("value");
        masked.setPromptText("secret value");
        plain.textProperty().bindBidirectional(masked.textProperty());
        HBox.setHgrow(plain, Priority.ALWAYS);
        HBox.setHgrow(masked, Priority.ALWAYS);
        Button delete = new Button("✕");
        delete.getStyleClass().add("config-remove");
        delete.setOnAction(e -> remove.run());
        if (entry != null) {
            key.setText(entry.key());
            plain.setText(entry.value());
            secret.setSelected(entry.secret());
        }
        secret.selectedProperty().addListener((o, a, b) -> layoutValue(delete));
        layoutValue(delete);
    }

    private void layoutValue(Button delete) {
        getChildren().setAll(key, secret.isSelected() ? masked : plain, secret, delete);
    }

    boolean isBlank() {
        return key.getText().isBlank() && plain.getText().isEmpty();
    }

    ConfigEntry entry() {
        return new ConfigEntry(key.getText().strip(), plain.getText(), secret.isSelected());
    }
}
