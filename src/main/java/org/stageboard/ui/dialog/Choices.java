package org.stageboard.ui.dialog;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;

/** Combo boxes of engine records, labelled for people. */
public final class Choices {

    private Choices() {
    }

    public static ComboBox<Environment> environments(List<Environment> items) {
        return combo(items, Environment::name);
    }

    public static ComboBox<Host> hosts(List<Host> items) {
        return combo(items, Choices::hostLabel);
    }

    /** Asks the user to pick one item. */
    public static <T> java.util.Optional<T> choose(javafx.stage.Window owner, String title, String header, List<T> items,
                                                   Function<T, String> label) {
        javafx.scene.control.Dialog<T> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        ComboBox<T> combo = combo(items, label);
        combo.setPrefWidth(360);
        combo.setId("choice");
        javafx.scene.layout.StackPane content = new javafx.scene.layout.StackPane(combo);
        content.setPadding(new javafx.geometry.Insets(12, 12, 4, 12));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == javafx.scene.control.ButtonType.OK ? combo.getValue() : null);
        return dialog.showAndWait();
    }

    public static <T> ComboBox<T> combo(List<T> items, Function<T, String> label) {
        ComboBox<T> combo = labelled(new ComboBox<>(), label);
        combo.getItems().setAll(items);
        combo.setMaxWidth(Double.MAX_VALUE);
        if (!items.isEmpty()) {
            combo.getSelectionModel().select(0);
        }
        return combo;
    }

    /** Shows each item of a combo box (e.g. one laid out in FXML) as {@code label} says. */
    public static <T> ComboBox<T> labelled(ComboBox<T> combo, Function<T, String> label) {
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        combo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label.apply(item));
            }
        });
        return combo;
    }

    /** How a host is shown in a choice: its name, where it is, and whether its key is trusted yet. */
    public static String hostLabel(Host h) {
        return h.name() + "  (" + h.display() + (h.hostKeyFingerprint() == null ? ", key not trusted yet" : "") + ")";
    }
}
