package org.stageboard.ui.dialog;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** A question with one confirming button and Cancel, or a plain explanation: text that wraps, buttons with ids for tests. */
public final class Confirm {

    private Confirm() {
    }

    /** Asks; true when the user clicked {@code okText}. */
    public static boolean ask(Window owner, String title, String header, String text, String okText, String okId) {
        return ask(owner, title, header, text, okText, okId, ButtonType.CANCEL);
    }

    /**
     * As {@link #ask(Window, String, String, String, String, String)}, with the button that says no
     * named {@code noText}: for a question about cancelling, where a "Cancel" that means "no" would read both ways.
     */
    public static boolean ask(Window owner, String title, String header, String text, String okText, String okId, String noText) {
        return ask(owner, title, header, text, okText, okId, new ButtonType(noText, ButtonBar.ButtonData.CANCEL_CLOSE));
    }

    private static boolean ask(Window owner, String title, String header, String text, String okText, String okId, ButtonType no) {
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, owner, title, header, text, ok, no);
        alert.getDialogPane().lookupButton(ok).setId(okId);
        alert.getDialogPane().lookupButton(no).setId(okId + "Cancel");
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    /** Explains, with an OK button only. */
    public static void tell(Window owner, String title, String header, String text, String id) {
        Alert alert = alert(Alert.AlertType.INFORMATION, owner, title, header, text, ButtonType.OK);
        alert.getDialogPane().lookupButton(ButtonType.OK).setId(id);
        alert.showAndWait();
    }

    private static Alert alert(Alert.AlertType type, Window owner, String title, String header, String text, ButtonType... buttons) {
        Alert alert = new Alert(type, "", buttons);
        if (owner != null) {
            alert.initOwner(owner);
            if (owner.getScene() != null) {
                alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label content = new Label(text);
        content.setId("confirmText");
        content.setWrapText(true);
        content.setMaxWidth(560);
        content.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(620);
        alert.setResizable(true);
        return alert;
    }
}
