package org.stageboard.ui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.FieldChecks;
import org.stageboard.ui.wizard.ProjectWizardModel;

/**
 * The Edit project dialog without its window: name, repository folder, branch and recipe (build
 * steps, artifact globs, dependency caches), each checked as typed. The engine refuses a new name
 * once the project was deployed, and records each change in the project's history.
 */
public final class ProjectEditModel {

    private final Stageboard engine;
    private final Project project;
    private final List<String> otherNames;
    private final StringProperty name;
    private final StringProperty folder;
    private final StringProperty branch;
    private final StringProperty steps;
    private final StringProperty globs;
    private final StringProperty caches;
    private final ObservableList<String> branches = FXCollections.observableArrayList();
    private final StringProperty folderProblem = new SimpleStringProperty(this, "folderProblem", "");
    private final StringBinding reason;

    public ProjectEditModel(Stageboard engine, Project project) {
        this.engine = engine;
        this.project = project;
        this.otherNames = engine.projects().stream().filter(p -> p.id() != project.id()).map(Project::name).toList();
        this.name = new SimpleStringProperty(this, "name", project.name());
        this.folder = new SimpleStringProperty(this, "folder", project.repository().toString());
        this.branch = new SimpleStringProperty(this, "branch", project.branch());
        this.steps = new SimpleStringProperty(this, "steps", ProjectWizardModel.stepsText(project.recipe()));
        this.globs = new SimpleStringProperty(this, "globs", String.join(", ", project.recipe().artifactGlobs()));
        this.caches = new SimpleStringProperty(this, "caches", String.join(", ", project.recipe().caches()));
        folder.addListener((o, was, now) -> readFolder());
        readFolder();
        this.reason = Bindings.createStringBinding(() -> problem().orElse(""), name, folder, folderProblem, branch, branches, steps, globs, caches);
    }

    public Project project() {
        return project;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty branchProperty() {
        return branch;
    }

    /** The repository's branches, read from the folder as it is typed. */
    public ObservableList<String> branches() {
        return branches;
    }

    /** One build step per line: {@code name: command}, or a bare command. */
    public StringProperty stepsProperty() {
        return steps;
    }

    public StringProperty globsProperty() {
        return globs;
    }

    public StringProperty cachesProperty() {
        return caches;
    }

    public StringBinding reason() {
        return reason;
    }

    public Optional<String> nameProblem(String value) {
        String v = FieldChecks.text(value);
        return FieldChecks.first(() -> FieldChecks.name("project", v),
                () -> otherNames.contains(v) ? Optional.of("A project named '" + v + "' already exists: pick another name.") : Optional.empty());
    }

    public Optional<String> folderProblem(String value) {
        if (FieldChecks.text(value).equals(FieldChecks.text(folder.get()))) {
            return folderProblem.get().isEmpty() ? Optional.empty() : Optional.of(folderProblem.get());
        }
        return inspect(value).problem();
    }

    public Optional<String> branchProblem(String value) {
        String v = FieldChecks.text(value);
        if (!folderProblem.get().isEmpty()) {
            return Optional.of("Choose the repository folder first: its branches are listed here.");
        }
        if (v.isEmpty()) {
            return Optional.of("Choose the branch to build" + (branches.isEmpty() ? "." : ", e.g. " + branches.get(0) + "."));
        }
        return branches.contains(v) ? Optional.empty()
                : Optional.of("The repository has no branch '" + v + "': choose one of " + String.join(", ", branches) + ".");
    }

    public Optional<String> stepsProblem(String value) {
        return FieldChecks.problem(() -> ProjectWizardModel.parseSteps(value));
    }

    public Optional<String> globsProblem(String value) {
        return FieldChecks.problem(() -> new Recipe("true", Recipe.parseGlobs(FieldChecks.text(value))));
    }

    public Optional<String> cachesProblem(String value) {
        return FieldChecks.problem(() -> Recipe.parseGlobs(FieldChecks.text(value)).stream().map(Recipe::checkCacheFolder).toList());
    }

    public Optional<String> problem() {
        return FieldChecks.first(() -> nameProblem(name.get()), () -> folderProblem(folder.get()), () -> branchProblem(branch.get()),
                () -> stepsProblem(steps.get()), () -> globsProblem(globs.get()), () -> cachesProblem(caches.get()));
    }

    /** The recipe as typed (the recipe's environment variables are kept); throws with the reason. */
    public Recipe recipe() {
        return project.recipe().withSteps(ProjectWizardModel.parseSteps(steps.get()))
                .withArtifactGlobs(Recipe.parseGlobs(FieldChecks.text(globs.get())))
                .withCaches(Recipe.parseGlobs(FieldChecks.text(caches.get())));
    }

    /** Saves what changed (recorded in history); blocking: run it in the background. */
    public Project save() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        String n = FieldChecks.text(name.get());
        Path repo = Path.of(FieldChecks.text(folder.get()));
        String b = FieldChecks.text(branch.get());
        Recipe recipe = recipe();
        boolean sameRepo = repo.toAbsolutePath().normalize().equals(project.repository().toAbsolutePath().normalize());
        return engine.updateProject(project, n.equals(project.name()) ? null : n, sameRepo ? null : repo,
                b.equals(project.branch()) && sameRepo ? null : b, recipe.equals(project.recipe()) ? null : recipe);
    }

    private void readFolder() {
        Inspection found = inspect(folder.get());
        folderProblem.set(found.problemText);
        String keep = FieldChecks.text(branch.get());
        branches.setAll(found.branches);
        if (!branches.isEmpty() && !branches.contains(keep)) {
            branch.set(branches.get(0));
        }
    }

    private record Inspection(List<String> branches, String problemText) {
        Optional<String> problem() {
            return problemText.isEmpty() ? Optional.empty() : Optional.of(problemText);
        }
    }

    private Inspection inspect(String value) {
        String v = FieldChecks.text(value);
        if (v.isEmpty()) {
            return new Inspection(List.of(), "Choose the folder of the project's git repository.");
        }
        Path path = FieldChecks.path(v);
        if (path == null) {
            return new Inspection(List.of(), "'" + v + "' is not a folder path.");
        }
        try {
            List<String> found = engine.branches(path);
            return found.isEmpty() ? new Inspection(List.of(), "The repository " + path + " has no commits yet: commit first.")
                    : new Inspection(found, "");
        } catch (StageboardException e) {
            return new Inspection(List.of(), e.getMessage());
        }
    }
}
