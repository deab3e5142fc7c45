package org.stageboard.ui.dialog;

import java.util.Optional;
import java.util.List;
import java.util.OptionalInt;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Environment;
import org.stageboard.ui.FieldMarks;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Run settings (run-settings.fxml): binds the fields of an environment's run settings, in titled
 * sections, to a {@link RunSettingsDialogModel}; each field is marked with its problem as typed and
 * Save is disabled with the reason shown until there is none, then saves in the background. The
 * rollout's number fields are editable only in the rollout mode that uses them, with a note beside
 * each, and a sentence under the mode says what the rollout will do.
 */
public final class RunSettingsDialog {

    /** Room the dialog's header, reason and buttons take around the sections on the screen (sections taller than the rest scroll). */
    private static final double AROUND_SECTIONS = 260;
    /** Two columns of sections, within a 1280-pixel screen. */
    private static final int WIDTH = 1100;

    @FXML private ScrollPane scroll;
    @FXML private HBox sections;
    @FXML private TextField start;
    @FXML private TextArea processes;
    @FXML private TextField scale;
    @FXML private ComboBox<String> supervision;
    @FXML private TextField releaseCommand;
    @FXML private TextField beforeSwitch;
    @FXML private TextField afterSwitch;
    @FXML private TextField health;
    @FXML private TextField timeout;
    @FXML private TextField shared;
    @FXML private TextField keep;
    @FXML private ComboBox<String> rolloutMode;
    @FXML private Label rolloutSentence;
    @FXML private TextField parallelism;
    @FXML private TextField batch;
    @FXML private TextField pause;
    @FXML private Label parallelismNote;
    @FXML private Label batchNote;
    @FXML private Label pauseNote;
    @FXML private ComboBox<String> onFailure;

    private RunSettingsDialog() {
    }

    /** Shows the dialog and waits: the environment with its new settings, or empty when cancelled (nothing saved). */
    public static Optional<Environment> show(Window owner, Environment environment, SetupViewModel setup, TaskExecutor executor) {
        return show(owner, new RunSettingsDialogModel(setup, environment), executor);
    }

    /** As {@link #show(Window, Environment, SetupViewModel, TaskExecutor)}, the rollout's sentence counting the environment's hosts. */
    public static Optional<Environment> show(Window owner, Environment environment, OptionalInt hostCount, SetupViewModel setup,
                                             TaskExecutor executor) {
        return show(owner, new RunSettingsDialogModel(setup, environment, hostCount), executor);
    }

    public static Optional<Environment> show(Window owner, RunSettingsDialogModel model, TaskExecutor executor) {
        String name = model.environment().name();
        RunSettingsDialog view = new RunSettingsDialog();
        FxmlDialog<Environment> dialog = new FxmlDialog<>(owner, "Run settings of " + name,
                "How " + name + "'s next releases run on its hosts. Releases made before keep their settings.",
                "run-settings.fxml", view, model.reason(), "Save");
        // Wider than the theme's dialogs (its stylesheet caps them at 600 pixels), for the two columns of sections.
        dialog.dialog().getDialogPane().setStyle("-fx-max-width: " + WIDTH + "px;");
        dialog.dialog().getDialogPane().setPrefWidth(WIDTH);
        for (String message : new String[] {"#dialogReason", "#dialogError"}) {
            ((javafx.scene.control.Label) dialog.dialog().getDialogPane().lookup(message)).setMaxWidth(WIDTH - 40);
        }
        view.bind(model);
        ScrollHeight.follow(view.scroll, view.sections, AROUND_SECTIONS, dialog::fit);
        return dialog.showAndWait(executor, model::save);
    }

    private void bind(RunSettingsDialogModel model) {
        ValidationSupport validation = new ValidationSupport();
        text(validation, start, model.startProperty(), model::startProblem);
        processes.textProperty().bindBidirectional(model.processesProperty());
        FieldMarks.register(validation, processes, model::processesProblem);
        text(validation, scale, model.scaleProperty(), model::scaleProblem);
        // The start command and the scale are checked against the process list too.
        model.processesProperty().addListener((o, was, now) -> {
            validation.revalidate(start);
            validation.revalidate(scale);
        });
        choice(supervision, model.supervisions(), model.supervisionProperty());
        text(validation, health, model.healthProperty(), model::healthProblem);
        text(validation, timeout, model.healthTimeoutProperty(), model::healthTimeoutProblem);
        releaseCommand.textProperty().bindBidirectional(model.releaseCommandProperty());
        beforeSwitch.textProperty().bindBidirectional(model.beforeSwitchProperty());
        afterSwitch.textProperty().bindBidirectional(model.afterSwitchProperty());
        text(validation, shared, model.sharedProperty(), model::sharedProblem);
        text(validation, keep, model.keepProperty(), model::keepProblem);
        choice(rolloutMode, RunSettingsDialogModel.ROLLOUT_MODES, model.rolloutModeProperty());
        rolloutSentence.textProperty().bind(model.rolloutSentence());
        rolloutField(validation, model, RolloutField.PARALLELISM, parallelism, parallelismNote);
        rolloutField(validation, model, RolloutField.BATCH_SIZE, batch, batchNote);
        rolloutField(validation, model, RolloutField.PAUSE, pause, pauseNote);
        // A field the new mode does not use loses its mark; one it uses is checked again.
        model.rolloutModeProperty().addListener((o, was, now) -> List.of(parallelism, batch, pause).forEach(validation::revalidate));
        choice(onFailure, RunSettingsDialogModel.ON_FAILURE, model.onFailureProperty());
        javafx.application.Platform.runLater(start::requestFocus);
    }

    private static void text(ValidationSupport validation, TextField field, javafx.beans.property.StringProperty value,
                             java.util.function.Function<String, Optional<String>> check) {
        field.textProperty().bindBidirectional(value);
        FieldMarks.register(validation, field, check);
    }

    private static void rolloutField(ValidationSupport validation, RunSettingsDialogModel model, RolloutField field, TextField input,
                                     Label note) {
        text(validation, input, model.property(field), value -> model.rolloutProblem(field, value));
        input.disableProperty().bind(model.used(field).not());
        note.textProperty().bind(model.note(field));
    }

    private static void choice(ComboBox<String> combo, java.util.List<String> items, javafx.beans.property.StringProperty value) {
        combo.getItems().setAll(items);
        combo.valueProperty().bindBidirectional(value);
    }
}
