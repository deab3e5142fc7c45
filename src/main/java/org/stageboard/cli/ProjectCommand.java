package org.stageboard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stageboard.core.DetectedRecipe;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeJson;
import org.stageboard.core.RecipeStep;
import org.stageboard.core.StageboardException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "project", description = {"Add, edit, remove, list or detect projects (a local git repository plus its build recipe);",
        "set the default project of the other commands."},
        subcommands = {ProjectCommand.Add.class, ProjectCommand.Edit.class, ProjectCommand.Remove.class, ProjectCommand.Use.class,
                ProjectCommand.ListProjects.class, ProjectCommand.Detect.class})
final class ProjectCommand {

    @Command(name = "add", description = {"Add a project for a local git repository.",
            "Without --build-command or --step, the recipe is detected from the branch head (Maven, Gradle, npm/yarn/pnpm, Go, Python,"
                    + " static site) and printed with the reason; the other options change what was detected."})
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "Project name (lower-case letters, digits, '.', '_', '-').")
        String name;

        @Option(names = "--repo", required = true, paramLabel = "PATH", description = "Folder of the git repository.")
        Path repo;

        @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch to follow (default: the repository's current branch).")
        String branch;

        @Option(names = "--build-command", paramLabel = "CMD",
                description = "Shell command that builds a clean export of a commit, e.g. './mvnw -q package -DskipTests' (one step named 'build').")
        String command;

        @Option(names = "--step", paramLabel = "NAME=CMD",
                description = "A named build step, in order; repeat for several, e.g. --step 'test=npm test' --step 'package=npm run build'.")
        List<String> steps = new ArrayList<>();

        @Option(names = "--artifacts", paramLabel = "GLOBS",
                description = "Comma-separated globs of the files to pack, relative to the repository root, e.g. 'target/*.jar'.")
        String globs;

        @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable every build step gets; repeat for several.")
        List<String> env = new ArrayList<>();

        @Option(names = "--cache", paramLabel = "FOLDER",
                description = "A dependency cache folder kept between builds, relative to the build's HOME (e.g. .m2, .npm); repeat for several.")
        List<String> caches;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Optional<DetectedRecipe> detected = Optional.empty();
            if (command == null && steps.isEmpty()) {
                detected = context.engine().detectRecipe(repo, branch);
                if (detected.isEmpty()) {
                    throw new StageboardException("No build command given, and none could be detected in " + repo + ": looked for "
                            + context.engine().detectionLookedFor() + ". Give --build-command CMD (or --step NAME=CMD) and --artifacts GLOBS.");
                }
            }
            Recipe recipe = recipe(detected.map(DetectedRecipe::recipe).orElse(null), command, steps, globs, env, caches);
            detected.ifPresent(d -> context.out().println("detected " + d.kind() + ": " + d.reason()));
            context.out().print("recipe:\n" + recipe.describe());
            org.stageboard.pipeline.MissingTools.of(recipe).forEach(missing -> context.err().println("warning: " + missing));
            if (detected.isPresent() && context.interactive()
                    && !context.confirm("Add project " + name + " with this recipe? (options such as --step, --artifacts change it)")) {
                context.err().println("nothing added: run 'stageboard project add' again with options that change the recipe");
                return StageboardCli.FAILED;
            }
            Project project = context.engine().addProject(name, repo, branch, recipe);
            context.out().println("added project " + project.name() + " (" + project.repository() + ", branch " + project.branch() + ")");
            if (detected.isPresent()) {
                context.out().println("a " + RecipeJson.FILE_NAME + " committed in the repository overrides this recipe for the commits that have it");
            }
            return 0;
        }
    }

    @Command(name = "edit", description = {"Change a project in place: name, repository, branch, build steps, artifact globs, build variables,",
            "caches. Options not given stay as they are; a new --build-command or --step list replaces the steps."})
    static final class Edit implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The project to change.")
        String name;

        @Option(names = "--name", paramLabel = "NEW_NAME", description = "A new name (refused once the project was deployed).")
        String newName;

        @Option(names = "--repo", paramLabel = "PATH", description = "A new folder of the git repository.")
        Path repo;

        @Option(names = "--branch", paramLabel = "BRANCH", description = "The branch to follow from now on.")
        String branch;

        @Option(names = "--build-command", paramLabel = "CMD", description = "Replace the steps by this one command (a step named 'build').")
        String command;

        @Option(names = "--step", paramLabel = "NAME=CMD", description = "Replace the steps by these named steps, in order; repeat for several.")
        List<String> steps = new ArrayList<>();

        @Option(names = "--artifacts", paramLabel = "GLOBS", description = "Comma-separated globs of the files to pack, e.g. 'target/*.jar'.")
        String globs;

        @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Set an environment variable of every build step; repeat for several.")
        List<String> env = new ArrayList<>();

        @Option(names = "--unset-env", paramLabel = "NAME", description = "Remove a build variable; repeat for several.")
        List<String> unsetEnv = new ArrayList<>();

        @Option(names = "--cache", paramLabel = "FOLDER", description = "Replace the dependency cache folders by these; repeat for several.")
        List<String> caches;

        @Option(names = "--no-caches", description = "Keep no dependency cache folder between builds (e.g. one detected for a tool you do not use).")
        boolean noCaches;

        Edit(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Project current = context.engine().project(name);
            if (noCaches) {
                if (caches != null) {
                    throw new StageboardException("Give either --cache or --no-caches, not both.");
                }
                caches = List.of();
            }
            boolean recipeChanged = command != null || !steps.isEmpty() || globs != null || !env.isEmpty() || !unsetEnv.isEmpty() || caches != null;
            Recipe recipe = null;
            if (recipeChanged) {
                Recipe edited = recipe(current.recipe(), command, steps, globs, env, caches);
                Map<String, String> vars = new LinkedHashMap<>(edited.env());
                for (String key : unsetEnv) {
                    if (vars.remove(key) == null) {
                        throw new StageboardException("Project " + name + " has no build variable " + key + " to remove (it has: "
                                + (vars.isEmpty() ? "none" : String.join(", ", vars.keySet())) + ").");
                    }
                }
                recipe = new Recipe(edited.steps(), edited.artifactGlobs(), vars, edited.caches());
                org.stageboard.pipeline.MissingTools.of(recipe).forEach(missing -> context.err().println("warning: " + missing));
            }
            if (newName == null && repo == null && branch == null && recipe == null) {
                throw new StageboardException("Nothing to change: give at least one option (see 'stageboard project edit --help').");
            }
            Project updated = context.engine().updateProject(current, newName, repo, branch, recipe);
            context.out().println("project " + updated.name() + " (" + updated.repository() + ", branch " + updated.branch() + ")");
            context.out().print("recipe:\n" + updated.recipe().describe());
            if (recipe != null) {
                context.out().println("the next build uses it ('stageboard build'); builds made before keep theirs");
            }
            return 0;
        }
    }

    @Command(name = "remove", description = {"Remove a project. Refused while it has environments (remove them first);",
            "with builds, refused unless --force (their records and artifacts go). The audit trail stays."})
    static final class Remove implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The project to remove.")
        String name;

        @Option(names = "--force", description = "Remove it even though it has builds (their records and artifacts are deleted).")
        boolean force;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.engine().removeProject(context.engine().project(name), force);
            context.out().println("removed project " + name);
            return 0;
        }
    }

    @Command(name = "use", description = {"Set the default project, so other commands need no -p (kept in the catalog).",
            "-p and $STAGEBOARD_PROJECT still choose another. With --clear, forget the default."})
    static final class Use implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "The project to use by default (none: show the current default).")
        String name;

        @Option(names = "--clear", description = "Forget the default project.")
        boolean clear;

        Use(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (clear) {
                context.engine().useProject(null);
                context.out().println("no default project");
                return 0;
            }
            if (name == null) {
                context.out().println(context.engine().defaultProject().map(p -> "default project: " + p.name())
                        .orElse("no default project (set one with 'stageboard project use NAME')"));
                return 0;
            }
            Project project = context.engine().project(name);
            context.engine().useProject(project);
            context.out().println("default project: " + project.name() + " (status, history, build... need no -p now)");
            return 0;
        }
    }

    /** The recipe from what was detected (may be null) changed by the options; says what is missing. */
    static Recipe recipe(Recipe base, String command, List<String> stepOptions, String globs, List<String> envOptions, List<String> caches) {
        List<RecipeStep> steps = new ArrayList<>();
        if (command != null) {
            steps.add(new RecipeStep(Recipe.SINGLE_STEP, command));
        }
        for (String option : stepOptions) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new StageboardException("--step '" + option + "' is not NAME=COMMAND: write e.g. --step 'test=./mvnw -q test'.");
            }
            steps.add(new RecipeStep(option.substring(0, eq).strip(), option.substring(eq + 1)));
        }
        if (command != null && !stepOptions.isEmpty()) {
            throw new StageboardException("Give either --build-command (one step) or --step (named steps), not both.");
        }
        if (steps.isEmpty()) {
            steps = base.steps();
        }
        List<String> globList;
        if (globs != null) {
            globList = Recipe.parseGlobs(globs);
        } else if (base != null) {
            globList = base.artifactGlobs();
        } else {
            throw new StageboardException("Give --artifacts GLOBS: the files to pack after the build, e.g. --artifacts 'target/*.jar'.");
        }
        Map<String, String> env = new LinkedHashMap<>(base == null ? Map.of() : base.env());
        for (String option : envOptions) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new StageboardException("--env '" + option + "' is not NAME=VALUE: write e.g. --env CI=true.");
            }
            env.put(option.substring(0, eq), option.substring(eq + 1));
        }
        List<String> cacheList = caches != null ? caches : base == null ? List.of() : base.caches();
        return new Recipe(steps, globList, env, cacheList);
    }

    @Command(name = "detect", description = {"Say how a repository would be built: the recipe detected from its branch head and why.",
            "Prints it also as a stageboard.json, to commit in the repository and edit."})
    static final class Detect implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--repo", required = true, paramLabel = "PATH", description = "Folder of the git repository.")
        Path repo;

        @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch whose head to look at (default: the repository's current branch).")
        String branch;

        Detect(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Optional<DetectedRecipe> detected = context.engine().detectRecipe(repo, branch);
            if (detected.isEmpty()) {
                context.err().println("error: nothing known found in " + repo + ": looked for " + context.engine().detectionLookedFor()
                        + ". Give the recipe with 'stageboard project add --build-command CMD --artifacts GLOBS'.");
                return StageboardCli.FAILED;
            }
            DetectedRecipe d = detected.get();
            context.out().println("detected " + d.kind() + ": " + d.reason());
            context.out().print("recipe:\n" + d.recipe().describe());
            context.out().print("as " + RecipeJson.FILE_NAME + ":\n" + RecipeJson.write(d.recipe()));
            return 0;
        }
    }

    @Command(name = "list", description = "List projects.")
    static final class ListProjects implements Callable<Integer> {
        private final CliContext context;

        ListProjects(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String byDefault = context.engine().defaultProject().map(Project::name).orElse(null);
            for (Project p : context.engine().projects()) {
                context.out().println(p.name() + "  " + p.repository() + "  branch " + p.branch() + "  build: " + p.recipe().command()
                        + "  artifacts: " + p.recipe().globsText() + (p.name().equals(byDefault) ? "  (default)" : ""));
            }
            return 0;
        }
    }
}
