package org.stageboard.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
import org.stageboard.core.CancelledException;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeJson;
import org.stageboard.core.RecipeStep;
import org.stageboard.core.StageboardException;
import org.stageboard.core.StepStatus;
import org.stageboard.git.ExportReport;
import org.stageboard.git.GitRepository;

/**
 * The build stage: one commit, exported clean, built step by step with its recipe (the commit's
 * own {@code stageboard.json} when it has one, else the project's) in a clean environment, and
 * packed into an artifact in the store. Every attempt is a numbered build record with a log file
 * and one log per step. The builds of one project run one at a time; others wait QUEUED. The
 * same tree with the same recipe reuses the stored artifact at once (a build record that says
 * which build it is cached from) unless the cache is bypassed.
 */
public final class BuildStage {

    /** Where a build's recipe came from when the commit has no {@code stageboard.json}. */
    public static final String FROM_CATALOG = "catalog";

    private final Catalog catalog;
    private final ArtifactStore store;
    private final Path logsDir;
    private final Path workDir;
    private final Path cachesDir;
    private final ProcessRunner runner;
    private final Path userHome;
    private final ArtifactPacker packer = new ArtifactPacker();

    public BuildStage(Catalog catalog, ArtifactStore store, Path logsDir, Path workDir) {
        this(catalog, store, logsDir, workDir, workDir.resolveSibling("caches"), new ProcessRunner());
    }

    /**
     * @param cachesDir where each project's dependency caches are kept between builds ({@code <cachesDir>/<project>/})
     * @param runner    runs each step (its grace period is how long a cancelled step has after TERM)
     */
    public BuildStage(Catalog catalog, ArtifactStore store, Path logsDir, Path workDir, Path cachesDir, ProcessRunner runner) {
        this(catalog, store, logsDir, workDir, cachesDir, runner, Path.of(System.getProperty("user.home")));
    }

    /**
     * @param userHome the user's home: a build's HOME without dependency caches, and where the
     *                 tools' settings files linked into the cache home come from (see {@link UserToolSettings})
     */
    public BuildStage(Catalog catalog, ArtifactStore store, Path logsDir, Path workDir, Path cachesDir, ProcessRunner runner, Path userHome) {
        this.userHome = userHome;
        this.catalog = catalog;
        this.store = store;
        this.logsDir = logsDir;
        this.workDir = workDir;
        this.cachesDir = cachesDir;
        this.runner = runner;
    }

    /**
     * Builds the commit. Bad input (unknown commit, missing repository, a {@code stageboard.json}
     * that cannot be used) throws before any record is made. With {@code useCache}, the same tree
     * built with the same recipe returns at once a SUCCEEDED record cached from that build.
     * Otherwise the build is QUEUED until no other build of the project runs; once recorded,
     * failures end in a FAILED record and a cancel (through {@link Progress#isCancelled()}) in a
     * CANCELLED record, which is returned.
     */
    public Build build(Project project, String commitish, boolean useCache, String actor, Progress progress) {
        CommitInfo commit;
        String tree;
        Optional<String> recipeFile;
        try (GitRepository git = GitRepository.open(project.repository())) {
            commit = git.resolve(commitish);
            tree = git.treeId(commit.sha());
            recipeFile = git.readFile(commit.sha(), RecipeJson.FILE_NAME);
        }
        catalog.history().rememberCommit(project.id(), commit); // its message and time, for the history's search and lead time
        Recipe recipe = recipeFile.map(text -> RecipeJson.parse(text, RecipeJson.FILE_NAME + " of commit " + commit.shortSha()))
                .orElse(project.recipe());
        String source = recipeFile.isPresent() ? RecipeJson.FILE_NAME : FROM_CATALOG;
        String recipeHash = recipe.hash();
        if (useCache) {
            Optional<Build> hit = cacheHit(project, tree, recipeHash);
            if (hit.isPresent()) {
                return recordCached(project, commit, tree, recipeHash, actor, hit.get(), source, progress);
            }
        }
        Build build = catalog.builds().queue(project.id(), commit.sha(), tree, recipeHash, actor, source);
        Path log = logsDir.resolve(project.name()).resolve(build.number() + ".log");
        catalog.builds().setLog(build.id(), log);
        BuildLog buildLog = new BuildLog(log, progress);
        buildLog.line("build #" + build.number() + " of " + project.name() + " at " + commit.sha() + " (" + commit.subject() + ")");
        buildLog.line("recipe from " + (recipeFile.isPresent() ? "the commit's " + RecipeJson.FILE_NAME : "the project (catalog)")
                + (useCache ? "" : "; cache bypassed (forced rebuild)"));
        try {
            waitTurn(project, build, buildLog, progress);
            if (useCache) {
                Optional<Build> hit = cacheHit(project, tree, recipeHash);
                if (hit.isPresent()) {
                    buildLog.line("while queued, build #" + hit.get().number() + " built the same tree with the same recipe: reusing its artifact "
                            + hit.get().artifactSha256());
                    return catalog.builds().succeedFromCache(build.id(), hit.get(), cachedMessage(hit.get()));
                }
            }
            return runBuild(project, recipe, source, commit, tree, build, buildLog, actor);
        } catch (CancelledException e) {
            catalog.buildSteps().skipPending(build.id());
            buildLog.line("cancelled");
            return catalog.builds().cancel(build.id(), "Cancelled by the user.");
        } catch (StageboardException e) {
            catalog.buildSteps().skipPending(build.id());
            buildLog.line("failed: " + e.getMessage());
            return catalog.builds().fail(build.id(), null, e.getMessage());
        } catch (RuntimeException e) {
            catalog.buildSteps().skipPending(build.id());
            buildLog.line("failed: " + e);
            return catalog.builds().fail(build.id(), null, "Unexpected error: " + e);
        }
    }

    /** The recipe a build of the commit would use: the commit's {@code stageboard.json} if it has one, else the project's. */
    public Recipe recipeFor(Project project, String commitish) {
        try (GitRepository git = GitRepository.open(project.repository())) {
            CommitInfo commit = git.resolve(commitish);
            return git.readFile(commit.sha(), RecipeJson.FILE_NAME)
                    .map(text -> RecipeJson.parse(text, RecipeJson.FILE_NAME + " of commit " + commit.shortSha()))
                    .orElse(project.recipe());
        }
    }

    private Optional<Build> cacheHit(Project project, String tree, String recipeHash) {
        return catalog.builds().findCached(project.id(), tree, recipeHash).filter(b -> store.contains(b.artifactSha256()));
    }

    private Build recordCached(Project project, CommitInfo commit, String tree, String recipeHash, String actor, Build hit,
                               String source, Progress progress) {
        Build build = catalog.builds().recordCached(project.id(), commit.sha(), tree, recipeHash, actor, hit, source, cachedMessage(hit));
        Path log = logsDir.resolve(project.name()).resolve(build.number() + ".log");
        catalog.builds().setLog(build.id(), log);
        new BuildLog(log, progress).line("build #" + build.number() + " of " + project.name() + " at " + commit.sha()
                + ": same tree " + tree.substring(0, 7) + " and recipe as build #" + build.cachedFrom() + ", cached: reusing its artifact "
                + hit.artifactSha256() + " (build with --force to run the recipe anyway)");
        return catalog.builds().get(build.id());
    }

    private static String cachedMessage(Build hit) {
        return "reused build #" + (hit.cached() ? hit.cachedFrom() : hit.number()) + "'s artifact (same tree, same recipe)";
    }

    /** Waits until this build may run: no other build of the project runs and none was queued before it. */
    private void waitTurn(Project project, Build build, BuildLog log, Progress progress) {
        boolean said = false;
        long nextSweep = 0;
        while (!catalog.builds().tryRun(build.id())) {
            progress.checkCancelled();
            if (System.nanoTime() - nextSweep > 0) {
                // A build whose process died holds up the queue until it is marked interrupted.
                for (long id : catalog.builds().abandoned(project.id())) {
                    if (id != build.id()) {
                        catalog.builds().interruptAbandoned(id);
                    }
                }
                nextSweep = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            }
            if (!said) {
                List<Build> ahead = catalog.builds().ahead(build);
                log.step("queued");
                log.line("queued: builds of " + project.name() + " run one at a time; waiting for "
                        + String.join(", ", ahead.stream().map(b -> "#" + b.number() + " (" + b.status().label() + ")").toList()));
                said = true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
        if (said) {
            log.line("its turn: running");
        }
    }

    private Build runBuild(Project project, Recipe recipe, String source, CommitInfo commit, String tree, Build build, BuildLog log, String actor) {
        Path dir = newWorkFolder(project, build);
        try {
            log.step("export " + commit.shortSha());
            ExportReport report;
            try (GitRepository git = GitRepository.open(project.repository())) {
                report = git.exportTree(commit.sha(), dir, log.progress());
            }
            log.line("exported " + report.files() + " files of commit " + commit.shortSha() + " into a clean folder " + dir);
            List<String> notes = report.notes();
            if (!notes.isEmpty()) {
                notes.forEach(n -> log.line("note: " + n));
                catalog.builds().setNotes(build.id(), String.join("\n", notes));
            }
            Map<String, String> env = environment(project, recipe, commit, build, log);
            List<RecipeStep> steps = recipe.steps();
            List<Path> stepLogs = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                stepLogs.add(log.file().resolveSibling(build.number() + "-" + (i + 1) + "-" + steps.get(i).name() + ".log"));
            }
            catalog.buildSteps().plan(build.id(), steps, stepLogs);
            for (int i = 0; i < steps.size(); i++) {
                RecipeStep step = steps.get(i);
                int position = i + 1;
                log.progress().checkCancelled();
                log.step("step " + step.name() + ": " + step.command());
                catalog.buildSteps().start(build.id(), position);
                env.put("STAGEBOARD_STEP", step.name());
                long started = System.nanoTime();
                ProcessResult result;
                try {
                    result = runner.run(step.command(), dir, env, List.of(log.file(), stepLogs.get(i)), log.progress());
                } catch (CancelledException e) {
                    catalog.buildSteps().finish(build.id(), position, StepStatus.CANCELLED, null);
                    throw e;
                } catch (RuntimeException e) {
                    catalog.buildSteps().finish(build.id(), position, StepStatus.FAILED, null);
                    throw e;
                }
                if (!result.succeeded()) {
                    catalog.buildSteps().finish(build.id(), position, StepStatus.FAILED, result.exitCode());
                    catalog.buildSteps().skipPending(build.id());
                    log.line("step " + step.name() + " failed with exit code " + result.exitCode()
                            + (i + 1 < steps.size() ? "; the steps after it were skipped" : ""));
                    String message = (steps.size() == 1 && step.name().equals(Recipe.SINGLE_STEP) ? "The build command"
                            : "Step '" + step.name() + "'") + " exited with code " + result.exitCode() + ". Last lines:\n"
                            + String.join("\n", result.lastLines());
                    return catalog.builds().fail(build.id(), result.exitCode(), message);
                }
                catalog.buildSteps().finish(build.id(), position, StepStatus.SUCCEEDED, 0);
                log.line("step " + step.name() + " succeeded in " + String.format("%.1f s", (System.nanoTime() - started) / 1e9));
            }
            log.step("pack artifact");
            List<String> matched = new ArtifactGlobs(recipe.artifactGlobs()).match(dir);
            if (matched.isEmpty()) {
                String message = "The artifact paths " + recipe.artifactGlobs() + " matched no files after the build: "
                        + "check the globs (relative to the repository root) against what the build command produces.";
                log.line(message);
                return catalog.builds().fail(build.id(), 0, message);
            }
            BuildManifest manifest = new BuildManifest(project.name(), build.number(), commit.sha(), tree, recipe.command(),
                    recipe.hash(), Instant.now().toString(), actor, matched, steps.stream().map(RecipeStep::name).toList(), source, notes);
            ArtifactPacker.Packed packed = packer.pack(dir, matched, manifest, store.newTempFile());
            Path stored = store.put(packed.file(), packed.sha256());
            catalog.artifacts().record(new Artifact(packed.sha256(), project.id(), commit.sha(), packed.size(), stored, Instant.now()));
            log.line("packed " + matched.size() + " files into " + stored.getFileName() + " (" + packed.size() + " bytes)");
            return catalog.builds().succeed(build.id(), 0, packed.sha256(), matched.size() + " files packed");
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * The whole environment of a step: PATH, HOME and LANG, what the recipe declares, and
     * Stageboard's own variables — nothing else of this process's environment. With dependency
     * caches, HOME is the project's cache home under the Stageboard home (kept between builds),
     * each cache folder is created there, and the usual tools are pointed at them.
     */
    Map<String, String> environment(Project project, Recipe recipe, CommitInfo commit, Build build, BuildLog log) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path == null || path.isBlank() ? "/usr/local/bin:/usr/bin:/bin" : path);
        String lang = System.getenv("LANG");
        env.put("LANG", lang == null || lang.isBlank() ? "C.UTF-8" : lang);
        env.putAll(recipe.env());
        if (recipe.caches().isEmpty()) {
            env.put("HOME", userHome.toString());
        } else {
            Path home = cachesDir.resolve(project.name()).resolve("home").toAbsolutePath().normalize();
            try {
                for (String cache : recipe.caches()) {
                    Files.createDirectories(home.resolve(cache));
                }
            } catch (IOException e) {
                throw new StageboardException("Could not create the dependency cache folders under " + home + ": " + e.getMessage(), e);
            }
            try {
                List<String> settings = UserToolSettings.link(userHome, home);
                if (!settings.isEmpty()) {
                    log.line("your tools' settings are used through links in the build's HOME to " + userHome + ": " + String.join(", ", settings));
                }
            } catch (IOException e) {
                log.line("note: could not link your tools' settings from " + userHome + " into " + home + " (" + e.getMessage()
                        + "): the steps use the tools' defaults; give them with the recipe's env (e.g. PIP_CONFIG_FILE, NPM_CONFIG_USERCONFIG)");
            }
            env.put("HOME", home.toString());
            env.put("STAGEBOARD_CACHE_HOME", home.toString());
            for (String cache : recipe.caches()) {
                String folder = home.resolve(cache).toString();
                switch (cache) {
                    case ".m2" -> env.merge("MAVEN_OPTS", "-Dmaven.repo.local=" + folder + "/repository", (mine, ours) -> mine + " " + ours);
                    case ".gradle" -> env.putIfAbsent("GRADLE_USER_HOME", folder);
                    case ".npm" -> env.putIfAbsent("npm_config_cache", folder);
                    case ".cache/yarn" -> env.putIfAbsent("YARN_CACHE_FOLDER", folder);
                    case ".local/share/pnpm" -> env.putIfAbsent("npm_config_store_dir", folder + "/store");
                    case ".cache/pip" -> env.putIfAbsent("PIP_CACHE_DIR", folder);
                    case "go/pkg/mod" -> env.putIfAbsent("GOMODCACHE", folder);
                    case ".cache/go-build" -> env.putIfAbsent("GOCACHE", folder);
                    default -> {
                    }
                }
            }
            log.line("dependency caches kept between builds under " + home + " (the build's HOME): " + String.join(", ", recipe.caches()));
        }
        env.put("STAGEBOARD_COMMIT", commit.sha());
        env.put("STAGEBOARD_BUILD", Integer.toString(build.number()));
        env.put("STAGEBOARD_PROJECT", project.name());
        log.line("environment: " + String.join(" ", env.keySet()) + " (nothing else is passed on)");
        return env;
    }

    private Path newWorkFolder(Project project, Build build) {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, project.name() + "-build-" + build.number() + "-");
        } catch (IOException e) {
            throw new StageboardException("Could not create a build folder under " + workDir + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    d.toFile().setWritable(true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temp folder is harmless; the next build uses a fresh one.
        }
    }

    /** Writes Stageboard's own lines into the build log, beside the commands' output. */
    static final class BuildLog {
        private final Path file;
        private final Progress progress;

        BuildLog(Path file, Progress progress) {
            this.file = file;
            this.progress = progress;
            try {
                Files.createDirectories(file.getParent());
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new StageboardException("Could not create the build log " + file + ": " + e.getMessage(), e);
            }
        }

        Path file() {
            return file;
        }

        Progress progress() {
            return progress;
        }

        void step(String title) {
            progress.step(title);
            line("== " + title);
        }

        void line(String text) {
            progress.log(text);
            try {
                Files.writeString(file, "[stageboard] " + text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                progress.log("could not write the build log: " + e.getMessage());
            }
        }
    }
}
