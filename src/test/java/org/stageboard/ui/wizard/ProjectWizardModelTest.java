package org.stageboard.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/** The New project wizard's view model, without JavaFX running, on real repositories and a real catalog. */
class ProjectWizardModelTest {

    @TempDir
    Path temp;

    private Stageboard engine;

    @BeforeEach
    void open() {
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aFolderIsCheckedAsAGitRepositoryAsItIsTyped() throws Exception {
        ProjectWizardModel model = new ProjectWizardModel(engine);
        assertThat(model.sourceReason().get()).isEqualTo("Choose the folder of the project's git repository.");

        Path plain = Files.createDirectories(temp.resolve("plain"));
        model.folderProperty().set(plain.toString());
        assertThat(model.sourceReason().get()).contains(plain.toString()).contains("not a git repository");
        assertThat(model.branches()).isEmpty();

        Path empty = temp.resolve("empty");
        GitFixture.init(empty).close();
        model.folderProperty().set(empty.toString());
        assertThat(model.sourceReason().get()).contains("has no commits yet");

        model.folderProperty().set(temp.resolve("missing").toString());
        assertThat(model.sourceReason().get()).contains("does not exist");
    }

    @Test
    void aMavenRepositoryFillsNameBranchesAndTheDetectedRecipeThenFinishSavesIt() {
        Path repo = temp.resolve("Shop API");
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("pom.xml", "<project/>\n").write("mvnw", "#!/bin/sh\n").commit("Initial commit");
        }
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(repo.toFile())) {
            git.branchCreate().setName("release").call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        ProjectWizardModel model = new ProjectWizardModel(engine);
        model.folderProperty().set(repo.toString());

        assertThat(model.branches()).containsExactly("main", "release");
        assertThat(model.branchProperty().get()).as("the current branch").isEqualTo("main");
        assertThat(model.nameProperty().get()).as("from the folder's name").isEqualTo("shop-api");
        assertThat(model.detectionProperty().get()).startsWith("Detected maven");
        assertThat(model.stepsProperty().get()).isEqualTo("test: ./mvnw -B -q test\npackage: ./mvnw -B -q package -DskipTests");
        assertThat(model.globsProperty().get()).isEqualTo("target/*.jar");
        assertThat(model.cachesProperty().get()).isEqualTo(".m2");
        assertThat(model.sourceReason().get()).isEmpty();
        assertThat(model.recipeReason().get()).isEmpty();

        model.nameProperty().set("shop/api");
        assertThat(model.sourceReason().get()).contains("cannot contain '/'");
        model.nameProperty().set("shop-api");
        model.branchProperty().set("nope");
        assertThat(model.sourceReason().get()).contains("no branch 'nope'").contains("main, release");
        model.branchProperty().set("release");

        model.stepsProperty().set("  ");
        assertThat(model.recipeReason().get()).startsWith("Give at least one build step");
        model.stepsProperty().set("Bad Step: make");
        assertThat(model.recipeReason().get()).as("not a step name: one bare command").isEmpty();
        model.stepsProperty().set("test: ./mvnw -B -q test\n./mvnw -B -q package -DskipTests");
        model.globsProperty().set(" , ");
        assertThat(model.recipeReason().get()).contains("artifact paths are empty");
        model.globsProperty().set("target/*.jar");
        model.cachesProperty().set("../outside");
        assertThat(model.recipeReason().get()).contains("not a valid cache folder");
        model.cachesProperty().set(".m2");
        assertThat(model.recipeReason().get()).isEmpty();

        assertThat(engine.projects()).as("nothing saved before Finish").isEmpty();
        Project project = model.finish();
        assertThat(project.name()).isEqualTo("shop-api");
        assertThat(project.branch()).isEqualTo("release");
        assertThat(project.recipe()).isEqualTo(new Recipe(List.of(new RecipeStep("test", "./mvnw -B -q test"),
                new RecipeStep("step2", "./mvnw -B -q package -DskipTests")), List.of("target/*.jar"), java.util.Map.of(), List.of(".m2")));
        assertThat(engine.projects()).extracting(Project::name).containsExactly("shop-api");

        ProjectWizardModel again = new ProjectWizardModel(engine);
        again.folderProperty().set(repo.toString());
        assertThat(again.sourceReason().get()).isEqualTo("A project named 'shop-api' already exists: pick another name.");
        assertThatThrownBy(again::finish).hasMessageContaining("already exists");
    }

    @Test
    void editedStepsAreKeptWhenTheBranchChangesAndNothingKnownSaysWhatWasLookedFor() {
        Path repo = temp.resolve("site");
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("notes.txt", "hello\n").commit("Initial commit");
        }
        ProjectWizardModel model = new ProjectWizardModel(engine);
        model.folderProperty().set(repo.toString());
        assertThat(model.detectionProperty().get()).startsWith("No known build found (looked for pom.xml");
        assertThat(model.recipeReason().get()).startsWith("Give at least one build step");
        model.stepsProperty().set("mkdir -p dist && cp notes.txt dist/");
        model.globsProperty().set("dist/**");
        model.branchProperty().set("main");
        assertThat(model.stepsProperty().get()).isEqualTo("mkdir -p dist && cp notes.txt dist/");
        assertThat(model.recipe().plain()).isTrue();
    }

    @Test
    void cancellingSavesNothing() {
        Path repo = temp.resolve("app");
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("package.json", "{\"scripts\":{\"build\":\"vite build\"}}\n").commit("Initial commit");
        }
        ProjectWizardModel model = new ProjectWizardModel(engine);
        model.folderProperty().set(repo.toString());
        assertThat(model.sourceReason().get()).isEmpty();
        assertThat(model.recipeReason().get()).isEmpty();
        // The wizard is closed without Finish: the model is dropped.
        assertThat(model.savedProperty().get()).isNull();
        assertThat(engine.projects()).isEmpty();
    }
}
