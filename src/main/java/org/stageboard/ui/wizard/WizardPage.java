package org.stageboard.ui.wizard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.stageboard.ui.ErrorText;

/**
 * One page of a wizard: its layout loaded from an FXML file next to this class and bound by a
 * page object, and under it the reason the page may not go on (its view model's words). While
 * there is a reason, the wizard's Next / Finish button is disabled.
 */
final class WizardPage extends WizardPane {

    private final StringBinding reason;
    private final StringProperty failure = new SimpleStringProperty("");
    private Runnable onEnter = () -> { };
    private Supplier<Object> onFinish;
    private boolean finishHooked;

    WizardPage(String header, String fxml, Object page, StringBinding reason) {
        this.reason = reason;
        setHeaderText(header);
        setId("wizardPage-" + fxml.replace(".fxml", ""));
        Label why = note("wizardReason", "form-warning");
        why.textProperty().bind(reason);
        why.visibleProperty().bind(reason.isNotEmpty());
        reason.addListener((o, was, now) -> fit());
        Label error = note("wizardError", "form-error");
        error.textProperty().bind(failure);
        error.visibleProperty().bind(failure.isNotEmpty());
        VBox content = new VBox(12, load(fxml, page), why, error);
        content.setPrefWidth(640);
        setContent(content);
    }

    /** Runs each time the page is shown (e.g. to start asking a host for its key). */
    WizardPage onEnter(Runnable action) {
        this.onEnter = action;
        return this;
    }

    /**
     * Makes this the last page: Finish runs {@code action} (the only save); when it throws, the
     * wizard stays open and shows why.
     */
    WizardPage onFinish(Supplier<Object> action) {
        this.onFinish = action;
        return this;
    }

    @Override
    public void onEnteringPage(Wizard wizard) {
        wizard.invalidProperty().unbind();
        wizard.invalidProperty().bind(reason.isNotEmpty());
        failure.set("");
        onEnter.run();
        fit();
        Platform.runLater(() -> {
            nameButtons();
            if (onFinish != null) {
                hookFinish();
            }
        });
    }

    /** Ids for the wizard's buttons (wizardNext, wizardPrevious, wizardFinish, wizardCancel): for tests and styling. */
    private void nameButtons() {
        for (ButtonType type : getButtonTypes()) {
            javafx.scene.Node button = lookupButton(type);
            if (button != null) {
                String text = type == ButtonType.FINISH ? "Finish" : type == ButtonType.CANCEL ? "Cancel" : type.getText().strip();
                button.setId("wizard" + text);
            }
        }
    }

    private void hookFinish() {
        Button finish = (Button) lookupButton(ButtonType.FINISH);
        if (finish == null || finishHooked) {
            return;
        }
        finishHooked = true;
        finish.addEventFilter(ActionEvent.ACTION, event -> {
            failure.set("");
            try {
                onFinish.get();
            } catch (RuntimeException e) {
                event.consume();
                failure.set(ErrorText.of(e));
            }
        });
    }

    /** Lets a page show a failure of its own (e.g. a host that could not be reached). */
    Consumer<Throwable> showFailure() {
        return e -> {
            failure.set(ErrorText.of(e));
            fit();
        };
    }

    /** Grows (or shrinks) the wizard's window to the page after content arrived from the background. */
    void fit() {
        Platform.runLater(() -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().sizeToScene();
            }
        });
    }

    void clearFailure() {
        failure.set("");
    }

    private static Label note(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(600);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static Parent load(String fxml, Object page) {
        URL url = WizardPage.class.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("The wizard page layout " + fxml + " is missing from the application's resources.");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(page);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the wizard page " + fxml + ": " + e.getMessage(), e);
        }
    }
}
