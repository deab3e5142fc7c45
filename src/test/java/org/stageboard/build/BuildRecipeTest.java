package org.stageboard.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.BuildStep;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;
import org.stageboard.core.StageboardException;
import org.stageboard.core.StepStatus;
import org.stageboard.testing.GitFixture;

/** Recipes with steps, the commit's stageboard.json, the cache and its bypass, the clean environment and dependency caches. */
class BuildRecipeTest {

    @TempDir
    Path tmp;

    private Catalog catalog;
    private ArtifactStore store;
    private BuildStage builds;
    private GitFixture repo;

    @BeforeEach
    void setUp() {
        catalog = Catalog.open(tmp.resolve("home/catalog"));
        store = new ArtifactStore(tmp.resolve("home/artifacts"));
        builds = new BuildStage(catalog, store, tmp.resolve("home/logs"), tmp.resolve("home/work"), tmp.resolve("home/caches"),
                new ProcessRunner(Duration.ofSeconds(1)));
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    @AfterEach
    void tearDown() {
        repo.close();
        catalog.close();
    }

    private Project project(Recipe recipe) {
        return catalog.projects().add("demo", repo.dir(), "main", recipe);
    }

    private static Recipe steps(List<String> globs, String... nameAndCommand) {
        List<RecipeStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndCommand.length; i += 2) {
            steps.add(new RecipeStep(nameAndCommand[i], nameAndCommand[i + 1]));
        }
        return new Recipe(steps, globs, Map.of(), List.of());
    }

    @Test
    void eachStepHasItsOwnStatusDurationAndLogAndTheCatalogKeepsTheRecipe() throws Exception {
        String sha = repo.write("a.txt", "a").commit("a");
        Project project = project(steps(List.of("out/**"), "test", "echo testing-output", "lint", "echo lint-output",
                "package", "mkdir -p out && cp a.txt out/ && echo packaging-output"));
        assertThat(catalog.projects().get(project.id()).recipe()).isEqualTo(project.recipe());

        Build build = builds.build(project, sha, true, "ada", Progress.NONE);

        assertThat(build.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(build.recipeSource()).isEqualTo("catalog");
        List<BuildStep> stepRows = catalog.buildSteps().forBuild(build.id());
        assertThat(stepRows).extracting(BuildStep::name).containsExactly("test", "lint", "package");
        assertThat(stepRows).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(s.exitCode()).isZero();
            assertThat(s.startedAt()).isNotNull();
            assertThat(s.finishedAt()).isAfterOrEqualTo(s.startedAt());
        });
        assertThat(Files.readString(stepRows.get(0).log())).isEqualTo("testing-output\n");
        assertThat(Files.readString(stepRows.get(1).log())).isEqualTo("lint-output\n");
        assertThat(Files.readString(stepRows.get(2).log())).isEqualTo("packaging-output\n");
        assertThat(Files.readString(build.log())).contains("testing-output").contains("lint-output").contains("== step lint: echo lint-output");
        assertThat(BuildStageTest.untar(store.path(build.artifactSha256()))).containsKey("out/a.txt");
    }

    @Test
    void aFailingStepFailsTheBuildAndTheStepsAfterItNeverRun() throws Exception {
        String sha = repo.write("a.txt", "a").commit("a");
        Path ran = tmp.resolve("package-ran");
        Project project = project(steps(List.of("**"), "test", "echo 'expected 2 but was 3'; exit 4", "package", "touch " + ran));

        Build build = builds.build(project, sha, true, "ada", Progress.NONE);

        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.exitCode()).isEqualTo(4);
        assertThat(build.message()).startsWith("Step 'test' exited with code 4").contains("expected 2 but was 3");
        assertThat(build.artifactSha256()).isNull();
        List<BuildStep> stepRows = catalog.buildSteps().forBuild(build.id());
        assertThat(stepRows).extracting(BuildStep::status).containsExactly(StepStatus.FAILED, StepStatus.SKIPPED);
        assertThat(stepRows.get(0).exitCode()).isEqualTo(4);
        assertThat(stepRows.get(1).startedAt()).isNull();
        assertThat(ran).doesNotExist();
    }

    @Test
    void theCommitsStageboardJsonOverridesTheProjectsRecipe() throws Exception {
        Project project = project(new Recipe("echo from-catalog > which.txt", List.of("which.txt")));
        String plain = repo.write("a.txt", "a").commit("no recipe file");
        String withFile = repo.write("stageboard.json", """
                {"steps": [{"name": "check", "run": "test -f a.txt"},
                           {"name": "package", "run": "echo from-file > which.txt && echo \\"$GREETING\\" >> which.txt"}],
                 "artifacts": ["which.txt"],
                 "env": {"GREETING": "hello from the recipe"}}
                """).commit("recipe file");

        Build fromCatalog = builds.build(project, plain, true, "ada", Progress.NONE);
        Build fromFile = builds.build(project, withFile, true, "ada", Progress.NONE);

        assertThat(BuildStageTest.untar(store.path(fromCatalog.artifactSha256())).get("which.txt")).isEqualTo("from-catalog\n");
        assertThat(fromFile.recipeSource()).isEqualTo("stageboard.json");
        assertThat(BuildStageTest.untar(store.path(fromFile.artifactSha256())).get("which.txt")).isEqualTo("from-file\nhello from the recipe\n");
        assertThat(catalog.buildSteps().forBuild(fromFile.id())).extracting(BuildStep::name).containsExactly("check", "package");
        assertThat(Files.readString(fromFile.log())).contains("recipe from the commit's stageboard.json");
    }

    @Test
    void aBadStageboardJsonIsRefusedNamingItsLineAndNothingIsRecorded() {
        Project project = project(new Recipe("true", List.of("**")));
        String sha = repo.write("stageboard.json", "{\n  \"steps\": [\n    {\"name\": \"test\" \"run\": \"make\"}\n  ],\n  \"artifacts\": [\"**\"]\n}\n")
                .commit("broken recipe file");
        assertThatThrownBy(() -> builds.build(project, sha, true, "ada", Progress.NONE))
                .isInstanceOf(StageboardException.class)
                .hasMessageStartingWith("stageboard.json of commit " + sha.substring(0, 7) + ", line 3, column 21:");
        assertThat(catalog.builds().forProject(project.id())).isEmpty();
    }

    @Test
    void theSameTreeAndRecipeIsCachedFromTheFirstBuildAndAChangedTreeOrRecipeMisses() throws Exception {
        Path counter = tmp.resolve("runs.txt");
        Project project = project(new Recipe("echo run >> " + counter + " && cp a.txt out.txt", List.of("out.txt")));
        String first = repo.write("a.txt", "a").commit("a");
        Build b1 = builds.build(project, first, true, "ada", Progress.NONE);
        assertThat(b1.cached()).isFalse();

        String sameTree = repo.commit("empty commit, same tree");
        Build b2 = builds.build(project, sameTree, true, "ada", Progress.NONE);
        assertThat(b2.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(b2.cached()).isTrue();
        assertThat(b2.cachedFrom()).isEqualTo(1);
        assertThat(b2.artifactSha256()).isEqualTo(b1.artifactSha256());
        assertThat(catalog.buildSteps().forBuild(b2.id())).isEmpty();
        assertThat(Files.readString(b2.log())).contains("cached").contains("build #1");
        // a cache hit of a cache hit names the build that really ran
        Build b3 = builds.build(project, sameTree, true, "ada", Progress.NONE);
        assertThat(b3.cachedFrom()).isEqualTo(1);
        assertThat(Files.readAllLines(counter)).hasSize(1);

        String changedTree = repo.write("a.txt", "b").commit("b");
        Build b4 = builds.build(project, changedTree, true, "ada", Progress.NONE);
        assertThat(b4.cached()).isFalse();
        assertThat(Files.readAllLines(counter)).hasSize(2);

        Project sameRepoOtherRecipe = catalog.projects().updateRecipe(project.id(), "main",
                new Recipe("echo run >> " + counter + " && cp a.txt out.txt && true", List.of("out.txt")));
        Build b5 = builds.build(sameRepoOtherRecipe, changedTree, true, "ada", Progress.NONE);
        assertThat(b5.cached()).isFalse();
        assertThat(Files.readAllLines(counter)).hasSize(3);
    }

    @Test
    void forceRebuildsEvenWhenCached() throws Exception {
        Path counter = tmp.resolve("runs.txt");
        Project project = project(new Recipe("echo run >> " + counter + " && cp a.txt out.txt", List.of("out.txt")));
        String sha = repo.write("a.txt", "a").commit("a");
        builds.build(project, sha, true, "ada", Progress.NONE);
        Build forced = builds.build(project, sha, false, "ada", Progress.NONE);
        assertThat(forced.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(forced.cached()).isFalse();
        assertThat(Files.readAllLines(counter)).hasSize(2);
        assertThat(Files.readString(forced.log())).contains("cache bypassed");
    }

    @Test
    void stepsGetACleanEnvironmentWithWhatTheRecipeDeclares() throws Exception {
        String sha = repo.write("a.txt", "a").commit("a");
        Project project = project(new Recipe(List.of(new RecipeStep("env", "env > env.txt")), List.of("env.txt"),
                Map.of("APP_MODE", "ci"), List.of()));
        Build build = builds.build(project, sha, true, "ada", Progress.NONE);
        String envText = BuildStageTest.untar(store.path(build.artifactSha256())).get("env.txt");
        Set<String> names = new TreeSet<>();
        Arrays.stream(envText.split("\n")).forEach(line -> names.add(line.substring(0, line.indexOf('='))));
        // sh itself adds PWD (and may add SHLVL, _); nothing of this JVM's environment passes
        names.removeAll(Set.of("PWD", "SHLVL", "_", "OLDPWD"));
        assertThat(names).containsExactlyInAnyOrder("PATH", "HOME", "LANG", "APP_MODE", "STAGEBOARD_COMMIT", "STAGEBOARD_BUILD",
                "STAGEBOARD_PROJECT", "STAGEBOARD_STEP");
        assertThat(envText).contains("APP_MODE=ci").contains("STAGEBOARD_STEP=env").contains("STAGEBOARD_COMMIT=" + sha);
        assertThat(System.getenv().keySet()).as("the JVM has variables that were not passed on").isNotEmpty()
                .anyMatch(k -> !names.contains(k));
    }

    @Test
    void dependencyCachesAreKeptPerProjectBetweenBuilds() throws Exception {
        Project project = project(new Recipe(List.of(new RecipeStep("fetch",
                "test -f \"$HOME/.m2/repository/dep.jar\" && echo hit > result.txt || { echo miss > result.txt;"
                        + " mkdir -p \"$HOME/.m2/repository\" && echo dep > \"$HOME/.m2/repository/dep.jar\"; }; echo \"$MAVEN_OPTS\" >> result.txt")),
                List.of("result.txt"), Map.of(), List.of(".m2")));
        String one = repo.write("a.txt", "a").commit("a");
        Build first = builds.build(project, one, true, "ada", Progress.NONE);
        String two = repo.write("a.txt", "b").commit("b");
        Build second = builds.build(project, two, true, "ada", Progress.NONE);
        Path cacheHome = tmp.resolve("home/caches/demo/home").toAbsolutePath();
        assertThat(BuildStageTest.untar(store.path(first.artifactSha256())).get("result.txt"))
                .isEqualTo("miss\n-Dmaven.repo.local=" + cacheHome.resolve(".m2/repository") + "\n");
        assertThat(BuildStageTest.untar(store.path(second.artifactSha256())).get("result.txt")).startsWith("hit\n");
        assertThat(cacheHome.resolve(".m2/repository/dep.jar")).exists();
    }

    @Test
    void withCachesTheBuildsHomeStillHasTheUsersToolSettings() throws Exception {
        // A user whose pip index and npm registry are set in their home (found by the second new-user trial: pip went to
        // its default index and the build failed, because HOME was the cache home without the user's pip.conf).
        Path userHome = tmp.resolve("user-home");
        Files.createDirectories(userHome.resolve(".config/pip"));
        Files.writeString(userHome.resolve(".config/pip/pip.conf"), "[global]\nindex-url = file:///mirror/simple\n");
        Files.writeString(userHome.resolve(".npmrc"), "registry=http://127.0.0.1:4873/\n");
        BuildStage withUser = new BuildStage(catalog, store, tmp.resolve("home/logs"), tmp.resolve("home/work"), tmp.resolve("home/caches"),
                new ProcessRunner(Duration.ofSeconds(1)), userHome);
        Project project = project(new Recipe(List.of(new RecipeStep("install",
                "{ cat \"$HOME/.config/pip/pip.conf\"; cat \"$HOME/.npmrc\"; test -e \"$HOME/.gitconfig\" && echo git || echo no-git; } > result.txt")),
                List.of("result.txt"), Map.of(), List.of(".cache/pip")));
        Build first = withUser.build(project, repo.write("a.txt", "a").commit("a"), true, "ada", Progress.NONE);
        assertThat(first.status()).as(first.message()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(BuildStageTest.untar(store.path(first.artifactSha256())).get("result.txt"))
                .isEqualTo("[global]\nindex-url = file:///mirror/simple\nregistry=http://127.0.0.1:4873/\nno-git\n");
        assertThat(Files.readString(first.log())).contains("your tools' settings are used").contains(".config/pip/pip.conf, .npmrc");

        // the links follow the user's files: a changed one is read as it is now, a removed one is gone from the build's HOME
        Files.writeString(userHome.resolve(".config/pip/pip.conf"), "[global]\nindex-url = file:///other/simple\n");
        Files.delete(userHome.resolve(".npmrc"));
        Build second = withUser.build(project, repo.write("a.txt", "b").commit("b"), true, "ada", Progress.NONE);
        assertThat(second.status()).as(second.message()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(BuildStageTest.untar(store.path(second.artifactSha256())).get("result.txt"))
                .isEqualTo("[global]\nindex-url = file:///other/simple\nno-git\n");
        assertThat(Files.readString(second.log())).contains(".config/pip/pip.conf").doesNotContain("pip.conf, .npmrc");
        assertThat(tmp.resolve("home/caches/demo/home/.npmrc")).doesNotExist();
        assertThat(Files.readString(tmp.resolve("home/caches/demo/home/.config/pip/pip.conf"))).contains("file:///other/simple");
    }

    @Test
    void submodulesAndLfsPointersAreReportedInTheLogAndTheRecord() throws Exception {
        Project project = project(new Recipe("true", List.of("**")));
        String sha = repo.write("big.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:" + "b".repeat(64) + "\nsize 99\n")
                .write("a.txt", "a").commit("lfs pointer");
        Build build = builds.build(project, sha, true, "ada", Progress.NONE);
        assertThat(build.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(build.notes()).contains("Git LFS pointer").contains("big.bin");
        assertThat(Files.readString(build.log())).contains("note: 1 Git LFS pointer file");
    }
}
