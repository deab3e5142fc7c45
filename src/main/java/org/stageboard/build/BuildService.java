package org.stageboard.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
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
import org.stageboard.core.StageboardException;
import org.stageboard.git.GitRepository;

/**
 * The build stage: one commit, exported clean, built with the project's recipe and packed into
 * an artifact in the store. Every attempt is a numbered build record with a log file; a
 * successful build of the same tree with the same recipe is reused instead of rebuilt.
 */
public final class BuildService {

    private final Catalog catalog;
    private final ArtifactStore store;
    private final Path logsDir;
    private final Path workDir;
    private final ProcessRunner runner = new ProcessRunner();
    private final ArtifactPacker packer = new ArtifactPacker();

    public BuildService(Catalog catalog, ArtifactStore store, Path logsDir, Path workDir) {
        this.catalog = catalog;
        this.store = store;
        this.logsDir = logsDir;
        this.workDir = workDir;
    }

    /**
     * Builds the commit. Bad input (unknown commit, missing repository) throws before any record
     * is made; once the build is recorded, failures end in a FAILED record and a cancel (through
     * {@link Progress#isCancelled()}) in a CANCELLED record, which is returned.
     */
    public Build build(Project project, String commitish, boolean useCache, String actor, Progress progress) {
        CommitInfo commit;
        String tree;
        try (GitRepository git = GitRepository.open(project.repository())) {
            commit = git.resolve(commitish);
            tree = git.treeId(commit.sha());
        }
        String recipeHash = project.recipe().hash();
        Build build = catalog.builds().start(project.id(), commit.sha(), tree, recipeHash, actor);
        Path log = logsDir.resolve(project.name()).resolve(build.number() + ".log");
        catalog.builds().setLog(build.id(), log);
        BuildLog buildLog = new BuildLog(log, progress);
        buildLog.line("build #" + build.number() + " of " + project.name() + " at " + commit.sha() + " (" + commit.subject() + ")");
        try {
            if (useCache) {
                Optional<Build> cached = catalog.builds().findCached(project.id(), tree, recipeHash)
                        .filter(b -> b.id() != build.id() && store.contains(b.artifactSha256()));
                if (cached.isPresent()) {
                    Build hit = cached.get();
                    buildLog.line("same tree " + tree.substring(0, 7) + " and recipe as build #" + hit.number()
                            + ": reusing its artifact " + hit.artifactSha256());
                    return catalog.builds().succeed(build.id(), 0, hit.artifactSha256(), "reused build #" + hit.number());
                }
            }
            return runBuild(project, commit, tree, build, buildLog, actor);
        } catch (CancelledException e) {
            buildLog.line("cancelled");
            return catalog.builds().cancel(build.id(), "Cancelled by the user.");
        } catch (StageboardException e) {
            buildLog.line("failed: " + e.getMessage());
            return catalog.builds().fail(build.id(), null, e.getMessage());
        } catch (RuntimeException e) {
            buildLog.line("failed: " + e);
            return catalog.builds().fail(build.id(), null, "Unexpected error: " + e);
        }
    }

    private Build runBuild(Project project, CommitInfo commit, String tree, Build build, BuildLog log, String actor) {
        Path dir = newWorkFolder(project, build);
        try {
            log.step("export " + commit.shortSha());
            int files;
            try (GitRepository git = GitRepository.open(project.repository())) {
                files = git.export(commit.sha(), dir, log.progress());
            }
            log.line("exported " + files + " files of commit " + commit.shortSha() + " into a clean folder");
            log.step("run: " + project.recipe().command());
            ProcessResult result = runner.run(project.recipe().command(), dir, Map.of(
                    "STAGEBOARD_COMMIT", commit.sha(),
                    "STAGEBOARD_BUILD", Integer.toString(build.number()),
                    "STAGEBOARD_PROJECT", project.name()), log.file(), log.progress());
            if (!result.succeeded()) {
                String message = "The build command exited with code " + result.exitCode() + ". Last lines:\n"
                        + String.join("\n", result.lastLines());
                log.line("build command failed with exit code " + result.exitCode());
                return catalog.builds().fail(build.id(), result.exitCode(), message);
            }
            log.step("pack artifact");
            List<String> matched = new ArtifactGlobs(project.recipe().artifactGlobs()).match(dir);
            if (matched.isEmpty()) {
                String message = "The artifact paths " + project.recipe().artifactGlobs() + " matched no files after the build: "
                        + "check the globs (relative to the repository root) against what the build command produces.";
                log.line(message);
                return catalog.builds().fail(build.id(), 0, message);
            }
            BuildManifest manifest = new BuildManifest(project.name(), build.number(), commit.sha(), tree, project.recipe().command(),
                    project.recipe().hash(), Instant.now().toString(), actor, matched);
            ArtifactPacker.Packed packed = packer.pack(dir, matched, manifest, store.newTempFile());
            Path stored = store.put(packed.file(), packed.sha256());
            catalog.artifacts().record(new Artifact(packed.sha256(), project.id(), commit.sha(), packed.size(), stored, Instant.now()));
            log.line("packed " + matched.size() + " files into " + stored.getFileName() + " (" + packed.size() + " bytes)");
            return catalog.builds().succeed(build.id(), 0, packed.sha256(), matched.size() + " files packed");
        } finally {
            deleteTree(dir);
        }
    }

    private Path newWorkFolder(Project project, Build build) {
        try {
            Files.createDirectories(workDir);
            Path parent = Files.createTempDirectory(workDir, project.name() + "-build-" + build.number() + "-");
            return parent;
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

    /** Writes Stageboard's own lines into the build log, beside the command's output. */
    private static final class BuildLog {
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
