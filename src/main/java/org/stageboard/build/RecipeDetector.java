package org.stageboard.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.stageboard.core.DetectedRecipe;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;

/**
 * Proposes a recipe from the files of a commit: Maven (with or without its wrapper), Gradle
 * (with or without its wrapper), npm / yarn / pnpm (from {@code package.json}'s scripts and the
 * lock file), Go, Python ({@code pyproject.toml} or {@code requirements.txt}), or a static site
 * folder — in that order, the first that fits. Says why it chose it, for the user to confirm or
 * edit. Never runs anything.
 */
public final class RecipeDetector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SITE_FOLDERS = List.of("public", "site", "www", "docs", "dist", "_site", "build");

    /**
     * Detects from the head commit of the branch (the repository's current branch when null): the
     * committed files, never the working tree.
     */
    public Optional<DetectedRecipe> detect(java.nio.file.Path repository, String branch) {
        try (org.stageboard.git.GitRepository git = org.stageboard.git.GitRepository.open(repository)) {
            String chosen = branch == null || branch.isBlank() ? git.currentBranch() : branch.strip();
            if (chosen == null) {
                throw new org.stageboard.core.StageboardException("The repository " + repository
                        + " has no current branch: name the branch whose head to look at.");
            }
            String sha = git.resolve(chosen).sha();
            Set<String> paths = new java.util.HashSet<>(git.paths(sha));
            return detect(paths, path -> paths.contains(path) ? git.readFile(sha, path) : Optional.empty());
        }
    }

    /**
     * @param paths every file path of the commit ({@code /} separated)
     * @param read  the text of one of those files
     * @return the detected recipe, or empty when nothing known was found
     */
    public Optional<DetectedRecipe> detect(Set<String> paths, Function<String, Optional<String>> read) {
        if (paths.contains("pom.xml")) {
            return Optional.of(maven(paths.contains("mvnw")));
        }
        for (String file : List.of("build.gradle.kts", "build.gradle", "settings.gradle.kts", "settings.gradle")) {
            if (paths.contains(file)) {
                return Optional.of(gradle(file, paths.contains("gradlew")));
            }
        }
        if (paths.contains("package.json")) {
            return Optional.of(node(paths, read.apply("package.json").orElse("{}")));
        }
        if (paths.contains("go.mod")) {
            return Optional.of(go(paths));
        }
        if (paths.contains("pyproject.toml") || paths.contains("requirements.txt")) {
            return Optional.of(python(paths, read));
        }
        if (paths.contains("index.html")) {
            return Optional.of(new DetectedRecipe("static", "index.html at the top of the repository: a static site, packed as it is",
                    new Recipe(List.of(new RecipeStep("check", "test -f index.html")), List.of("**"), Map.of(), List.of())));
        }
        for (String folder : SITE_FOLDERS) {
            if (paths.contains(folder + "/index.html")) {
                return Optional.of(new DetectedRecipe("static", folder + "/index.html found: a static site in " + folder + "/, packed as it is",
                        new Recipe(List.of(new RecipeStep("check", "test -f " + folder + "/index.html")), List.of(folder + "/**"), Map.of(), List.of())));
            }
        }
        return Optional.empty();
    }

    /** What {@link #detect} looks for, for the message when it finds nothing. */
    public static String lookedFor() {
        return "pom.xml (Maven), build.gradle[.kts] (Gradle), package.json (npm, yarn, pnpm), go.mod (Go), pyproject.toml or requirements.txt"
                + " (Python), index.html at the top or in " + String.join("/, ", SITE_FOLDERS) + "/ (static site)";
    }

    private static DetectedRecipe maven(boolean wrapper) {
        String mvn = wrapper ? "./mvnw" : "mvn";
        return new DetectedRecipe("maven", "pom.xml" + (wrapper ? " and the Maven wrapper mvnw" : " without a wrapper (uses mvn from PATH)"),
                new Recipe(List.of(new RecipeStep("test", mvn + " -B -q test"), new RecipeStep("package", mvn + " -B -q package -DskipTests")),
                        List.of("target/*.jar"), Map.of(), List.of(".m2")));
    }

    private static DetectedRecipe gradle(String file, boolean wrapper) {
        String gradle = wrapper ? "./gradlew" : "gradle";
        return new DetectedRecipe("gradle", file + (wrapper ? " and the Gradle wrapper gradlew" : " without a wrapper (uses gradle from PATH)"),
                new Recipe(List.of(new RecipeStep("test", gradle + " --no-daemon -q test"),
                        new RecipeStep("package", gradle + " --no-daemon -q assemble")),
                        List.of("build/libs/*.jar"), Map.of(), List.of(".gradle")));
    }

    private static DetectedRecipe node(Set<String> paths, String packageJson) {
        JsonNode pkg;
        try {
            pkg = JSON.readTree(packageJson);
        } catch (java.io.IOException e) {
            pkg = JSON.createObjectNode();
        }
        JsonNode scripts = pkg.path("scripts");
        String tool;
        String install;
        String lock;
        String cache;
        if (paths.contains("pnpm-lock.yaml")) {
            tool = "pnpm";
            install = "pnpm install --frozen-lockfile";
            lock = "pnpm-lock.yaml";
            cache = ".local/share/pnpm";
        } else if (paths.contains("yarn.lock")) {
            tool = "yarn";
            install = "yarn install --frozen-lockfile";
            lock = "yarn.lock";
            cache = ".cache/yarn";
        } else if (paths.contains("package-lock.json") || paths.contains("npm-shrinkwrap.json")) {
            tool = "npm";
            install = "npm ci";
            lock = paths.contains("package-lock.json") ? "package-lock.json" : "npm-shrinkwrap.json";
            cache = ".npm";
        } else {
            tool = "npm";
            install = "npm install";
            lock = null;
            cache = ".npm";
        }
        List<RecipeStep> steps = new ArrayList<>();
        steps.add(new RecipeStep("install", install));
        List<String> used = new ArrayList<>();
        String test = scripts.path("test").asText("");
        if (!test.isBlank() && !test.contains("no test specified")) {
            steps.add(new RecipeStep("test", run(tool, "test")));
            used.add("test");
        }
        if (scripts.has("lint")) {
            steps.add(new RecipeStep("lint", run(tool, "lint")));
            used.add("lint");
        }
        List<String> globs;
        if (scripts.has("build")) {
            steps.add(new RecipeStep("package", run(tool, "build")));
            used.add("build");
            globs = List.of("dist/**", "build/**");
        } else {
            globs = List.of("**");
        }
        String reason = "package.json" + (lock == null ? " without a lock file (npm)" : " and " + lock + " (" + tool + ")")
                + (used.isEmpty() ? ", no test/lint/build scripts: installs and packs the whole folder"
                : ", scripts " + String.join(", ", used)) + (scripts.has("build") ? "; packs dist/ or build/" : "");
        return new DetectedRecipe(tool, reason, new Recipe(steps, globs, Map.of(), List.of(cache)));
    }

    private static String run(String tool, String script) {
        return switch (tool) {
            case "yarn" -> "yarn " + script;
            case "pnpm" -> "pnpm run " + script;
            default -> script.equals("test") ? "npm test" : "npm run " + script;
        };
    }

    private static DetectedRecipe go(Set<String> paths) {
        boolean hasTests = paths.stream().anyMatch(p -> p.endsWith("_test.go"));
        List<RecipeStep> steps = new ArrayList<>();
        if (hasTests) {
            steps.add(new RecipeStep("test", "go test ./..."));
        }
        steps.add(new RecipeStep("package", "CGO_ENABLED=0 go build -o bin/ ./..."));
        return new DetectedRecipe("go", "go.mod" + (hasTests ? " and *_test.go files" : "") + ": builds every main package into bin/",
                new Recipe(steps, List.of("bin/**"), Map.of(), List.of("go/pkg/mod", ".cache/go-build")));
    }

    private static DetectedRecipe python(Set<String> paths, Function<String, Optional<String>> read) {
        boolean pyproject = paths.contains("pyproject.toml");
        boolean requirements = paths.contains("requirements.txt");
        boolean tests = paths.stream().anyMatch(p -> p.startsWith("tests/") || p.startsWith("test/") || p.matches("(.*/)?test_[^/]*\\.py"))
                || read.apply("pyproject.toml").map(t -> t.contains("[tool.pytest")).orElse(false);
        List<RecipeStep> steps = new ArrayList<>();
        List<String> globs;
        String reason;
        if (pyproject) {
            if (tests) {
                steps.add(new RecipeStep("test", "python3 -m pip install -q -e . pytest && python3 -m pytest -q"));
            }
            steps.add(new RecipeStep("package", "python3 -m pip wheel -q --no-deps -w dist ."));
            globs = List.of("dist/*.whl");
            reason = "pyproject.toml" + (tests ? " and tests" : "") + ": builds a wheel into dist/";
        } else {
            steps.add(new RecipeStep("install", "python3 -m pip install -q -r requirements.txt --target vendor"));
            if (tests) {
                steps.add(new RecipeStep("test", "PYTHONPATH=vendor python3 -m pytest -q"));
            }
            globs = List.of("**");
            reason = "requirements.txt" + (tests ? " and tests" : "") + ": installs the requirements into vendor/ and packs the whole folder";
        }
        return new DetectedRecipe("python", reason, new Recipe(steps, globs, Map.of(), List.of(".cache/pip")));
    }
}
