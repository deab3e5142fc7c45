package org.stageboard.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.DetectedRecipe;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;

/**
 * The New project wizard without its window: the repository folder (checked as a git repository
 * as it is typed), the name, the branch (from the repository's branches), and the recipe
 * detected from the branch's files for the user to confirm or edit. Each page has a reason Next
 * is disabled (empty when it may go on). Nothing is saved before {@link #finish()}.
 */
public final class ProjectWizardModel {

    private final Stageboard engine;
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty branch = new SimpleStringProperty(this, "branch", "");
    private final StringProperty steps = new SimpleStringProperty(this, "steps", "");
    private final StringProperty globs = new SimpleStringProperty(this, "globs", "");
    private final StringProperty caches = new SimpleStringProperty(this, "caches", "");
    private final StringProperty detection = new SimpleStringProperty(this, "detection", "");
    private final ObservableList<String> branches = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Project> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final StringBinding sourceReason;
    private final StringBinding recipeReason;
    private String suggestedName = "";
    private String detectedSteps = "";
    private String detectedGlobs = "";
    private String detectedCaches = "";
    private java.util.Map<String, String> detectedEnv = java.util.Map.of();
    /** The current folder's problem, worked out once per change (it opens the repository). */
    private final StringProperty folderProblem = new SimpleStringProperty(this, "folderProblem", "");

    public ProjectWizardModel(Stageboard engine) {
        this.engine = engine;
        folder.addListener((o, was, now) -> folderChanged());
        branch.addListener((o, was, now) -> detect());
        folderChanged();
        sourceReason = Bindings.createStringBinding(() -> sourceProblem().orElse(""), folderProblem, name, branch, branches);
        recipeReason = Bindings.createStringBinding(() -> recipeProblem().orElse(""), steps, globs, caches);
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty branchProperty() {
        return branch;
    }

    /** The recipe's steps, one a line: {@code name: command}, or a bare command (then named build, step2, …). */
    public StringProperty stepsProperty() {
        return steps;
    }

    /** The artifact globs, comma separated. */
    public StringProperty globsProperty() {
        return globs;
    }

    /** Dependency cache folders kept between builds (relative to the build's HOME), comma separated, e.g. .m2. */
    public StringProperty cachesProperty() {
        return caches;
    }

    /** What detection found (or looked for), in words. */
    public StringProperty detectionProperty() {
        return detection;
    }

    public ObservableList<String> branches() {
        return branches;
    }

    /** Why the first page cannot go on, or "" when it can. */
    public StringBinding sourceReason() {
        return sourceReason;
    }

    /** Why Finish is disabled on the recipe page, or "". */
    public StringBinding recipeReason() {
        return recipeReason;
    }

    /** The project once {@link #finish()} saved it; null before (and after a cancel). */
    public ReadOnlyObjectProperty<Project> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    // --- checks ---------------------------------------------------------------------------

    public Optional<String> folderProblem(String value) {
        String v = Checks.text(value);
        if (v.isEmpty()) {
            return Optional.of("Choose the folder of the project's git repository.");
        }
        if (v.equals(Checks.text(folder.get()))) {
            return folderProblem.get().isEmpty() ? Optional.empty() : Optional.of(folderProblem.get());
        }
        return inspect(v).issue();
    }

    public Optional<String> nameProblem(String value) {
        return Checks.first(() -> Checks.name("project", value), () -> {
            String v = Checks.text(value);
            return engine.projects().stream().anyMatch(p -> p.name().equals(v))
                    ? Optional.of("A project named '" + v + "' already exists: pick another name.") : Optional.empty();
        });
    }

    public Optional<String> branchProblem(String value) {
        String v = Checks.text(value);
        if (branches.isEmpty()) {
            return Optional.of("Choose a repository with at least one commit first: its branches are listed here.");
        }
        if (v.isEmpty()) {
            return Optional.of("Choose the branch to build, e.g. " + branches.get(0) + ".");
        }
        return branches.contains(v) ? Optional.empty()
                : Optional.of("The repository has no branch '" + v + "': choose one of " + String.join(", ", branches) + ".");
    }

    public Optional<String> stepsProblem(String value) {
        return Checks.problem(() -> parseSteps(value));
    }

    public Optional<String> globsProblem(String value) {
        return Checks.problem(() -> new Recipe("true", Recipe.parseGlobs(Checks.text(value))));
    }

    public Optional<String> cachesProblem(String value) {
        return Checks.problem(() -> Recipe.parseGlobs(Checks.text(value)).stream().map(Recipe::checkCacheFolder).toList());
    }

    public Optional<String> sourceProblem() {
        return Checks.first(() -> folderProblem(folder.get()), () -> nameProblem(name.get()), () -> branchProblem(branch.get()));
    }

    public Optional<String> recipeProblem() {
        return Checks.first(() -> stepsProblem(steps.get()), () -> globsProblem(globs.get()), () -> cachesProblem(caches.get()));
    }

    /** The recipe as typed; throws with the reason when it is not valid. */
    public Recipe recipe() {
        return new Recipe(parseSteps(steps.get()), Recipe.parseGlobs(Checks.text(globs.get())), detectedEnv,
                Recipe.parseGlobs(Checks.text(caches.get())));
    }

    // --- finish ---------------------------------------------------------------------------

    /** Saves the project: the only write of the wizard. Throws with the reason when a page is not valid. */
    public Project finish() {
        Optional<String> problem = Checks.first(this::sourceProblem, this::recipeProblem);
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        Project project = engine.addProject(Checks.text(name.get()), Path.of(Checks.text(folder.get())), Checks.text(branch.get()), recipe());
        saved.set(project);
        return project;
    }

    // --- reacting to typing ---------------------------------------------------------------

    private void folderChanged() {
        String v = Checks.text(folder.get());
        Inspection inspection = v.isEmpty() ? new Inspection(List.of(), null, "Choose the folder of the project's git repository.") : inspect(v);
        folderProblem.set(inspection.problem);
        String keep = Checks.text(branch.get());
        branches.setAll(inspection.branches);
        if (!branches.contains(keep)) {
            branch.set(inspection.current != null && branches.contains(inspection.current) ? inspection.current
                    : branches.isEmpty() ? "" : branches.get(0));
        }
        if (!v.isEmpty() && inspection.problem.isEmpty()) {
            Path fileName = Path.of(v).getFileName();
            String suggestion = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-")
                    .replaceAll("^[^a-z0-9]+", "");
            if (Checks.text(name.get()).isEmpty() || Checks.text(name.get()).equals(suggestedName)) {
                name.set(suggestion);
            }
            suggestedName = suggestion;
        }
        detect();
    }

    /** Fills the recipe from detection, unless the user already changed what detection proposed. */
    private void detect() {
        String v = Checks.text(folder.get());
        if (v.isEmpty() || !folderProblem.get().isEmpty() || Checks.text(branch.get()).isEmpty() || !branches.contains(Checks.text(branch.get()))) {
            return;
        }
        Optional<DetectedRecipe> found;
        try {
            found = engine.detectRecipe(Path.of(v), Checks.text(branch.get()));
        } catch (StageboardException e) {
            detection.set("Could not look at the branch's files: " + e.getMessage());
            return;
        }
        boolean untouched = Checks.text(steps.get()).equals(detectedSteps) && Checks.text(globs.get()).equals(detectedGlobs)
                && Checks.text(caches.get()).equals(detectedCaches);
        if (found.isEmpty()) {
            detection.set("No known build found (looked for " + engine.detectionLookedFor() + "): type the build steps.");
            return;
        }
        DetectedRecipe recipe = found.get();
        List<String> missing = org.stageboard.pipeline.MissingTools.of(recipe.recipe());
        detection.set("Detected " + recipe.kind() + " (" + recipe.reason() + "): confirm or edit."
                + (missing.isEmpty() ? "" : " Note: " + String.join(" ", missing)));
        String newSteps = stepsText(recipe.recipe());
        String newGlobs = String.join(", ", recipe.recipe().artifactGlobs());
        String newCaches = String.join(", ", recipe.recipe().caches());
        if (untouched) {
            steps.set(newSteps);
            globs.set(newGlobs);
            caches.set(newCaches);
            detectedEnv = recipe.recipe().env();
        }
        detectedSteps = newSteps;
        detectedGlobs = newGlobs;
        detectedCaches = newCaches;
    }

    public static String stepsText(Recipe recipe) {
        if (recipe.steps().size() == 1 && recipe.steps().get(0).name().equals(Recipe.SINGLE_STEP)) {
            return recipe.steps().get(0).command();
        }
        return String.join("\n", recipe.steps().stream().map(s -> s.name() + ": " + s.command()).toList());
    }

    /** Lines {@code name: command} (name a simple word) or bare commands. */
    public static List<RecipeStep> parseSteps(String text) {
        List<RecipeStep> result = new ArrayList<>();
        List<String> lines = Checks.text(text).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new StageboardException("Give at least one build step: the command that builds the project, e.g. ./mvnw -q package -DskipTests.");
        }
        for (String line : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z][a-z0-9._-]{0,30}):\\s+(.+)").matcher(line);
            if (m.matches()) {
                result.add(new RecipeStep(m.group(1), m.group(2).strip()));
            } else {
                result.add(new RecipeStep(result.isEmpty() ? Recipe.SINGLE_STEP : "step" + (result.size() + 1), line));
            }
        }
        return result;
    }

    private record Inspection(List<String> branches, String current, String problem) {
        Optional<String> issue() {
            return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
        }
    }

    private Inspection inspect(String folderText) {
        Path path;
        try {
            path = Path.of(folderText);
        } catch (java.nio.file.InvalidPathException e) {
            return new Inspection(List.of(), null, "'" + folderText + "' is not a folder path.");
        }
        try {
            List<String> found = engine.branches(path);
            if (found.isEmpty()) {
                return new Inspection(List.of(), null, "The repository " + path + " has no commits yet: commit first, then add it.");
            }
            return new Inspection(found, engine.currentBranch(path), "");
        } catch (StageboardException e) {
            return new Inspection(List.of(), null, e.getMessage());
        }
    }
}
