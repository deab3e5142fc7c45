package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.stageboard.core.Project;
import org.stageboard.ui.task.TaskExecutor;

/** Adds a project: a local git repository and the recipe that builds it. */
public final class AddProjectDialog {

    private AddProjectDialog() {
    }

    public static Optional<Project> show(Window owner, SetupViewModel setup, TaskExecutor executor) {
        FormDialog<Project> form = new FormDialog<>(owner, "Add project",
                "A project is a git repository on this computer and the recipe that builds it.", "Add project");
        TextField name = form.field("Name", "projectName", "", "e.g. shop-api (lower-case, digits, - . _)");
        TextField folder = form.pathField("Repository", "projectFolder", "", "folder of the git repository", window -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder of the git repository");
            return chooser.showDialog(window);
        }, picked -> {
            if (name.getText().isBlank()) {
                name.setText(picked.getName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
            }
        });
        TextField branch = form.field("Branch", "projectBranch", "", "empty: the repository's current branch");
        TextField command = form.field("Build command", "projectCommand", "", "e.g. ./mvnw -q package -DskipTests");
        TextField globs = form.field("Artifact files", "projectGlobs", "", "globs, comma separated, e.g. target/*.jar");
        form.note("The build command runs in a clean export of a commit; the files matching the globs are packed into the artifact.");
        return form.showAndWait(executor, () -> {
            String n = name.getText();
            String f = folder.getText();
            String b = branch.getText();
            String c = command.getText();
            String g = globs.getText();
            return () -> setup.addProject(n, f, b, c, g);
        });
    }
}
