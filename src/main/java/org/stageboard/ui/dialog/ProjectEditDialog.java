package org.stageboard.ui.dialog;

import java.io.File;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.core.Project;
import org.stageboard.ui.FieldMarks;
import org.stageboard.ui.task.TaskExecutor;

/** Edit project (edit-project.fxml): binds the fields to a {@link ProjectEditModel}; Save runs in the background. */
public final class ProjectEditDialog {

    @FXML private TextField name;
    @FXML private TextField folder;
    @FXML private Button chooseFolder;
    @FXML private ComboBox<String> branch;
    @FXML private TextArea steps;
    @FXML private TextField globs;
    @FXML private TextField caches;

    private ProjectEditDialog() {
    }

    public static Optional<Project> show(Window owner, ProjectEditModel model, TaskExecutor executor) {
        ProjectEditDialog view = new ProjectEditDialog();
        FxmlDialog<Project> dialog = new FxmlDialog<>(owner, "Edit project " + model.project().name(),
                "Project " + model.project().name() + ": where its code is and how it is built. Changes are recorded in history.",
                "edit-project.fxml", view, model.reason(), "Save");
        view.bind(model, dialog);
        return dialog.showAndWait(executor, model::save);
    }

    private void bind(ProjectEditModel model, FxmlDialog<Project> dialog) {
        name.textProperty().bindBidirectional(model.nameProperty());
        folder.textProperty().bindBidirectional(model.folderProperty());
        branch.setItems(model.branches());
        branch.getEditor().textProperty().bindBidirectional(model.branchProperty());
        branch.setValue(model.branchProperty().get());
        branch.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.branchProperty().set(now);
            }
        });
        steps.textProperty().bindBidirectional(model.stepsProperty());
        globs.textProperty().bindBidirectional(model.globsProperty());
        caches.textProperty().bindBidirectional(model.cachesProperty());
        chooseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Repository folder");
            File now = new File(model.folderProperty().get());
            if (now.isDirectory()) {
                chooser.setInitialDirectory(now);
            }
            File picked = chooser.showDialog(dialog.dialog().getDialogPane().getScene().getWindow());
            if (picked != null) {
                model.folderProperty().set(picked.getAbsolutePath());
            }
        });
        ValidationSupport validation = new ValidationSupport();
        FieldMarks.register(validation, name, model::nameProblem);
        FieldMarks.register(validation, folder, model::folderProblem);
        FieldMarks.register(validation, steps, model::stepsProblem);
        FieldMarks.register(validation, globs, model::globsProblem);
        FieldMarks.register(validation, caches, model::cachesProblem);
    }
}
