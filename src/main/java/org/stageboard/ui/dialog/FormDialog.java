package org.stageboard.ui.dialog;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/**
 * A dialog with labelled fields and one confirm button. The confirm action runs in the
 * background; while it fails the dialog stays open and shows the engine's message inline.
 */
public final class FormDialog<T> {

    private final Dialog<T> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final VBox content = new VBox(10);
    private final Label error = new Label();
    private final ButtonType confirm;
    private int rows;

    public FormDialog(Window owner, String title, String header, String confirmText) {
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(confirm).setId("dialogConfirm");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("dialogCancel");
        dialog.setResultConverter(button -> null);
        dialog.getDialogPane().getStyleClass().add("form-dialog");
        dialog.getDialogPane().setPrefWidth(600);
        dialog.setResizable(true);
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(320);
        grid.getColumnConstraints().addAll(labels, fields);
        error.getStyleClass().add("form-error");
        error.setId("dialogError");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.setVisible(false);
        error.setManaged(false);
        content.getChildren().addAll(grid, error);
        dialog.getDialogPane().setContent(content);
    }

    public Dialog<T> dialog() {
        return dialog;
    }

    public TextField field(String label, String id, String initial, String prompt) {
        TextField field = new TextField(initial);
        field.setId(id);
        field.setPromptText(prompt);
        row(label, field);
        return field;
    }

    /**
     * A path field with a "Choose…" button: {@code chooser} asks the user for a file or folder in
     * the dialog's window; a pick fills the field and is passed to {@code onPicked}.
     */
    public TextField pathField(String label, String id, String initial, String prompt,
                               java.util.function.Function<Window, java.io.File> chooser,
                               java.util.function.Consumer<java.io.File> onPicked) {
        TextField field = new TextField(initial);
        field.setId(id);
        field.setPromptText(prompt);
        Button choose = new Button("Choose…");
        choose.setId(id + "Choose");
        choose.setOnAction(e -> {
            java.io.File picked = chooser.apply(dialog.getDialogPane().getScene().getWindow());
            if (picked != null) {
                field.setText(picked.getAbsolutePath());
                onPicked.accept(picked);
            }
        });
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(6, field, choose);
        javafx.scene.layout.HBox.setHgrow(field, Priority.ALWAYS);
        row(label, line);
        return field;
    }

    public void row(String label, Node node) {
        Label name = new Label(label);
        name.getStyleClass().add("form-label");
        grid.addRow(rows++, name, node);
        GridPane.setHgrow(node, Priority.ALWAYS);
    }

    /** A line of explanation under the fields. */
    public Label note(String text) {
        Label note = new Label(text);
        note.getStyleClass().add("form-note");
        note.setWrapText(true);
        note.setMaxWidth(520);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        content.getChildren().add(content.getChildren().size() - 1, note);
        return note;
    }

    public void addContent(Node node) {
        content.getChildren().add(content.getChildren().size() - 1, node);
    }

    public Button confirmButton() {
        return (Button) dialog.getDialogPane().lookupButton(confirm);
    }

    public void showError(String text) {
        error.setText(text);
        error.setVisible(text != null && !text.isBlank());
        error.setManaged(error.isVisible());
        fit();
    }

    /** Grows (or shrinks) the dialog to its content after text arrived from the background. */
    public void fit() {
        javafx.scene.Scene scene = dialog.getDialogPane().getScene();
        if (scene != null && scene.getWindow() != null) {
            scene.getWindow().sizeToScene();
        }
    }

    /**
     * Shows the dialog and waits. On confirm, {@code prepare} reads the fields on the UI thread
     * and returns the work, which runs in the background: its result closes the dialog; its
     * failure is shown inline and the dialog stays open.
     */
    public Optional<T> showAndWait(TaskExecutor executor, Supplier<Supplier<T>> prepare) {
        Button button = confirmButton();
        button.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            showError(null);
            Supplier<T> action;
            try {
                action = prepare.get();
            } catch (RuntimeException e) {
                showError(ErrorText.of(e));
                return;
            }
            button.setDisable(true);
            Supplier<T> checked = () -> {
                T result = action.get();
                if (result == null) {
                    throw new IllegalStateException("no result");
                }
                return result;
            };
            executor.call(checked, result -> {
                dialog.setResult(result);
                dialog.close();
            }, failure -> {
                button.setDisable(false);
                showError(ErrorText.of(failure));
            });
        });
        return dialog.showAndWait();
    }
}
