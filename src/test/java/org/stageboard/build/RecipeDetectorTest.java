package org.stageboard.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.DetectedRecipe;
import org.stageboard.core.RecipeStep;
import org.stageboard.testing.GitFixture;

/** Detection on real repositories made with JGit: what is committed on the branch head, never the working tree. */
class RecipeDetectorTest {

    @TempDir
    Path tmp;

    private final RecipeDetector detector = new RecipeDetector();

    private DetectedRecipe detect(Map<String, String> files) {
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo-" + files.hashCode()))) {
            repo.commitFiles("sample", files);
            return detector.detect(repo.dir(), null).orElseThrow(() -> new AssertionError("nothing detected for " + files.keySet()));
        }
    }

    @Test
    void mavenWithItsWrapperTestsThenPackagesTheJarAndKeepsTheM2Cache() {
        DetectedRecipe d = detect(Map.of("pom.xml", "<project/>", "mvnw", "#!/bin/sh\n", "src/main/java/App.java", "class App {}"));
        assertThat(d.kind()).isEqualTo("maven");
        assertThat(d.reason()).contains("pom.xml").contains("wrapper mvnw");
        assertThat(d.recipe().steps()).containsExactly(new RecipeStep("test", "./mvnw -B -q test"),
                new RecipeStep("package", "./mvnw -B -q package -DskipTests"));
        assertThat(d.recipe().artifactGlobs()).containsExactly("target/*.jar");
        assertThat(d.recipe().caches()).containsExactly(".m2");
    }

    @Test
    void mavenWithoutAWrapperUsesMvn() {
        DetectedRecipe d = detect(Map.of("pom.xml", "<project/>"));
        assertThat(d.kind()).isEqualTo("maven");
        assertThat(d.reason()).contains("without a wrapper");
        assertThat(d.recipe().steps().get(1).command()).startsWith("mvn ");
    }

    @Test
    void gradleWithAndWithoutItsWrapper() {
        DetectedRecipe wrapped = detect(Map.of("build.gradle.kts", "plugins {}", "gradlew", "#!/bin/sh\n"));
        assertThat(wrapped.kind()).isEqualTo("gradle");
        assertThat(wrapped.recipe().steps().get(0).command()).startsWith("./gradlew ");
        assertThat(wrapped.recipe().artifactGlobs()).containsExactly("build/libs/*.jar");
        DetectedRecipe plain = detect(Map.of("build.gradle", "apply plugin: 'java'"));
        assertThat(plain.recipe().steps().get(0).command()).startsWith("gradle ");
        assertThat(plain.reason()).contains("build.gradle without a wrapper");
    }

    @Test
    void npmFromTheLockFileAndTheScriptsPackageJsonHas() {
        DetectedRecipe d = detect(Map.of("package.json", """
                {"name": "web", "scripts": {"test": "vitest run", "lint": "eslint .", "build": "vite build"}}""",
                "package-lock.json", "{}"));
        assertThat(d.kind()).isEqualTo("npm");
        assertThat(d.reason()).contains("package-lock.json").contains("test, lint, build");
        assertThat(d.recipe().steps()).containsExactly(new RecipeStep("install", "npm ci"), new RecipeStep("test", "npm test"),
                new RecipeStep("lint", "npm run lint"), new RecipeStep("package", "npm run build"));
        assertThat(d.recipe().artifactGlobs()).containsExactly("dist/**", "build/**");
        assertThat(d.recipe().caches()).containsExactly(".npm");
    }

    @Test
    void npmWithoutScriptsOrLockInstallsAndPacksEverything() {
        DetectedRecipe d = detect(Map.of("package.json", "{\"scripts\": {\"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"}}",
                "server.js", "require('http')"));
        assertThat(d.kind()).isEqualTo("npm");
        assertThat(d.recipe().steps()).containsExactly(new RecipeStep("install", "npm install"));
        assertThat(d.recipe().artifactGlobs()).containsExactly("**");
    }

    @Test
    void yarnAndPnpmFromTheirLockFiles() {
        DetectedRecipe yarn = detect(Map.of("package.json", "{\"scripts\": {\"build\": \"tsc\"}}", "yarn.lock", "# yarn"));
        assertThat(yarn.kind()).isEqualTo("yarn");
        assertThat(yarn.recipe().steps()).containsExactly(new RecipeStep("install", "yarn install --frozen-lockfile"),
                new RecipeStep("package", "yarn build"));
        DetectedRecipe pnpm = detect(Map.of("package.json", "{\"scripts\": {\"test\": \"jest\"}}", "pnpm-lock.yaml", "lockfileVersion: 6"));
        assertThat(pnpm.kind()).isEqualTo("pnpm");
        assertThat(pnpm.recipe().steps()).containsExactly(new RecipeStep("install", "pnpm install --frozen-lockfile"),
                new RecipeStep("test", "pnpm run test"));
    }

    @Test
    void goTestsWhenItHasTestsAndBuildsIntoBin() {
        DetectedRecipe d = detect(Map.of("go.mod", "module example.org/app", "main.go", "package main", "main_test.go", "package main"));
        assertThat(d.kind()).isEqualTo("go");
        assertThat(d.recipe().steps().stream().map(RecipeStep::name)).containsExactly("test", "package");
        assertThat(d.recipe().artifactGlobs()).containsExactly("bin/**");
    }

    @Test
    void pythonFromPyprojectOrRequirements() {
        DetectedRecipe wheel = detect(Map.of("pyproject.toml", "[project]\nname = \"app\"", "tests/test_app.py", "def test(): pass"));
        assertThat(wheel.kind()).isEqualTo("python");
        assertThat(wheel.recipe().steps().stream().map(RecipeStep::name)).containsExactly("test", "package");
        assertThat(wheel.recipe().artifactGlobs()).containsExactly("dist/*.whl");
        DetectedRecipe requirements = detect(Map.of("requirements.txt", "flask", "app.py", "import flask"));
        assertThat(requirements.reason()).startsWith("requirements.txt");
        assertThat(requirements.recipe().steps().stream().map(RecipeStep::name)).containsExactly("install");
        assertThat(requirements.recipe().artifactGlobs()).containsExactly("**");
    }

    @Test
    void aStaticSiteAtTheTopOrInASiteFolder() {
        DetectedRecipe top = detect(Map.of("index.html", "<h1>hi</h1>", "style.css", "h1 {}"));
        assertThat(top.kind()).isEqualTo("static");
        assertThat(top.recipe().artifactGlobs()).containsExactly("**");
        DetectedRecipe folder = detect(Map.of("public/index.html", "<h1>hi</h1>", "README.md", "site"));
        assertThat(folder.kind()).isEqualTo("static");
        assertThat(folder.reason()).contains("public/index.html");
        assertThat(folder.recipe().artifactGlobs()).containsExactly("public/**");
    }

    @Test
    void onlyCommittedFilesCountAndNothingKnownIsNothingDetected() throws Exception {
        try (GitFixture repo = GitFixture.init(tmp.resolve("plain"))) {
            repo.commitFiles("notes", Map.of("NOTES.txt", "just notes"));
            Files.writeString(repo.dir().resolve("pom.xml"), "<project/>"); // in the working tree only
            Optional<DetectedRecipe> none = detector.detect(repo.dir(), "main");
            assertThat(none).isEmpty();
            assertThat(RecipeDetector.lookedFor()).contains("pom.xml").contains("package.json").contains("index.html");
        }
    }
}
