package org.stageboard.ui.dialog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.event.ActionEvent;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/**
 * A set-up dialog whose fields are laid out in an FXML file next to this class and bound by a
 * controller to a view model. Under the fields: the view model's reason the values cannot be
 * saved (the confirm button is disabled while there is one), and the engine's message when saving
 * failed. Saving runs in the background; on failure the dialog stays open.
 */
public final class FxmlDialog<T> {

    private final Dialog<T> dialog = new Dialog<>();
    private final Label error = label("dialogError", "form-error");
    private final ButtonType confirm;
    private final StringBinding reason;
    private final javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty(false);

    public FxmlDialog(Window owner, String title, String header, String fxml, Object controller, StringBinding reason, String confirmText) {
        org.stageboard.ui.theme.ActiveTheme.ensureApplied();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        this.reason = reason;
        confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        confirmButton().setId("dialogConfirm");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("dialogCancel");
        dialog.setResultConverter(button -> null);
        dialog.getDialogPane().getStyleClass().add("form-dialog");
        // The theme caps dialogs at 600 pixels: wrapped text is measured at the width it gets.
        dialog.getDialogPane().setPrefWidth(600);
        dialog.setResizable(true);
        Label why = label("dialogReason", "form-warning");
        why.textProperty().bind(reason);
        why.visibleProperty().bind(reason.isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        confirmButton().disableProperty().bind(reason.isNotEmpty().or(busy));
        dialog.getDialogPane().setContent(new VBox(10, load(fxml, controller), why, error));
        reason.addListener((o, was, now) -> fit());
    }

    public Dialog<T> dialog() {
        return dialog;
    }

    public Button confirmButton() {
        return (Button) dialog.getDialogPane().lookupButton(confirm);
    }

    /** Also keeps the confirm button disabled while {@code condition} holds (e.g. nothing to do), without a reason shown. */
    public FxmlDialog<T> disableConfirmWhile(javafx.beans.value.ObservableBooleanValue condition) {
        confirmButton().disableProperty().unbind();
        confirmButton().disableProperty().bind(reason.isNotEmpty().or(busy).or(condition));
        return this;
    }

    /**
     * Shows the dialog and waits. Confirm runs {@code save} in the background: its result closes the
     * dialog; its failure is shown in the dialog, which stays open for another try.
     */
    public Optional<T> showAndWait(TaskExecutor executor, Supplier<T> save) {
        confirmButton().addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            error.setText("");
            busy.set(true);
            executor.call(() -> {
                T result = save.get();
                if (result == null) {
                    throw new IllegalStateException("no result");
                }
                return result;
            }, result -> {
                busy.set(false);
                dialog.setResult(result);
                dialog.close();
            }, failure -> {
                busy.set(false);
                error.setText(ErrorText.of(failure));
                fit();
            });
        });
        return dialog.showAndWait();
    }

    /** Shows a failure of the dialog's own background work (e.g. reading its choices). */
    void showError(String text) {
        error.setText(text);
        fit();
    }

    /** Grows (or shrinks) the dialog to its content once it is laid out, e.g. after a note or a reason appeared. */
    void fit() {
        javafx.application.Platform.runLater(() -> {
            javafx.scene.Scene scene = dialog.getDialogPane().getScene();
            if (scene != null && scene.getWindow() != null) {
                scene.getWindow().sizeToScene();
            }
        });
    }

    private static Label label(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(580);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Loads a dialog layout from this package's resources with the given controller. */
    static Parent load(String fxml, Object controller) {
        URL url = FxmlDialog.class.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("The dialog layout " + fxml + " is missing from the application's resources.");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the dialog " + fxml + ": " + e.getMessage(), e);
        }
    }
}
