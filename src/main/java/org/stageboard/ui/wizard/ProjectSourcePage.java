package org.stageboard.ui.wizard;

import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.ui.FieldMarks;

/** Binds the New project wizard's first page (project-source.fxml) to its view model. */
final class ProjectSourcePage {

    @FXML private TextField folder;
    @FXML private Button chooseFolder;
    @FXML private TextField name;
    @FXML private ComboBox<String> branch;

    private final ProjectWizardModel model;
    final WizardPage pane;

    ProjectSourcePage(ProjectWizardModel model, ValidationSupport validation) {
        this.model = model;
        this.pane = new WizardPage("Which repository? Name the project and the branch to build.", "project-source.fxml", this,
                model.sourceReason());
        folder.textProperty().bindBidirectional(model.folderProperty());
        name.textProperty().bindBidirectional(model.nameProperty());
        branch.setItems(model.branches());
        branch.valueProperty().bindBidirectional(model.branchProperty());
        chooseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder of the git repository");
            File picked = chooser.showDialog(pane.getScene().getWindow());
            if (picked != null) {
                model.folderProperty().set(picked.getAbsolutePath());
            }
        });
        FieldMarks.register(validation, folder, model::folderProblem);
        FieldMarks.register(validation, name, model::nameProblem);
        FieldMarks.register(validation, branch, model::branchProblem);
        model.branches().addListener((javafx.collections.ListChangeListener<String>) c -> validation.revalidate(branch));
    }
}
