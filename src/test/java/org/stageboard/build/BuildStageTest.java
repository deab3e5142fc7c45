package org.stageboard.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.GitFixture;

class BuildStageTest {

    @TempDir
    Path tmp;

    private Catalog catalog;
    private ArtifactStore store;
    private BuildStage builds;
    private GitFixture repo;

    @BeforeEach
    void setUp() {
        catalog = Catalog.open(tmp.resolve("home"));
        store = new ArtifactStore(tmp.resolve("home/artifacts"));
        builds = new BuildStage(catalog, store, tmp.resolve("home/logs"), tmp.resolve("home/work"));
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    @AfterEach
    void tearDown() {
        repo.close();
        catalog.close();
    }

    private Project project(String command, String... globs) {
        return catalog.projects().add("demo", repo.dir(), "main", new Recipe(command, List.of(globs)));
    }

    @Test
    void buildsACommitIntoAnArtifactNamedByItsSha256WithAManifest() throws Exception {
        String sha = repo.write("src/hello.txt", "hello").commit("hello");
        Project project = project("mkdir -p dist && cp src/hello.txt dist/ && echo packed-by-test > dist/note.txt && echo building $STAGEBOARD_BUILD",
                "dist/**");
        List<String> logged = new ArrayList<>();
        Build build = builds.build(project, sha, true, "ada", new Progress() {
            @Override
            public void step(String title) {
            }

            @Override
            public void log(String line) {
                logged.add(line);
            }
        });

        assertThat(build.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(build.number()).isEqualTo(1);
        assertThat(build.commitSha()).isEqualTo(sha);
        assertThat(logged).contains("building 1");
        assertThat(Files.readString(build.log())).contains("building 1");
        Path artifact = store.path(build.artifactSha256());
        assertThat(artifact).exists();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(artifact))))
                .isEqualTo(build.artifactSha256());
        assertThat(build.artifactSize()).isEqualTo(Files.size(artifact));

        Map<String, String> entries = untar(artifact);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("stageboard-manifest.json", "dist/hello.txt", "dist/note.txt");
        assertThat(entries.get("dist/hello.txt")).isEqualTo("hello");
        JsonNode manifest = new ObjectMapper().readTree(entries.get("stageboard-manifest.json"));
        assertThat(manifest.get("commit").asText()).isEqualTo(sha);
        assertThat(manifest.get("command").asText()).startsWith("mkdir -p dist");
        assertThat(manifest.get("files")).hasSize(2);
        assertThat(manifest.get("builtAt").asText()).isNotBlank();
        // the build ran on a clean export that is gone afterwards
        try (var left = Files.list(tmp.resolve("home/work"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFailingCommandFailsTheBuildWithItsExitCodeAndLastLines() {
        String sha = repo.write("a.txt", "a").commit("a");
        Project project = project("echo compiling; echo 'error: missing semicolon' >&2; exit 3", "**");
        Build build = builds.build(project, sha, true, "ada", Progress.NONE);
        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.exitCode()).isEqualTo(3);
        assertThat(build.message()).contains("exited with code 3").contains("error: missing semicolon");
        assertThat(build.artifactSha256()).isNull();
        assertThat(catalog.builds().get(build.id()).status()).isEqualTo(BuildStatus.FAILED);
    }

    @Test
    void globsThatMatchNothingFailTheBuildClearly() {
        String sha = repo.write("a.txt", "a").commit("a");
        Build build = builds.build(project("true", "target/*.jar"), sha, true, "ada", Progress.NONE);
        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.message()).contains("matched no files").contains("target/*.jar");
    }

    @Test
    void anUnknownCommitIsRefusedWithoutARecord() {
        repo.write("a.txt", "a").commit("a");
        Project project = project("true", "**");
        assertThatThrownBy(() -> builds.build(project, "deadbeef", true, "ada", Progress.NONE))
                .isInstanceOf(StageboardException.class).hasMessageContaining("'deadbeef' is not a commit");
        assertThat(catalog.builds().forProject(project.id())).isEmpty();
    }

    @Test
    void theSameTreeAndRecipeReuseTheArtifactUnlessTheCacheIsBypassed() throws Exception {
        String first = repo.write("a.txt", "a").commit("a");
        Path counter = tmp.resolve("runs.txt");
        Project project = project("echo run >> " + counter + " && cp a.txt out.txt", "out.txt");
        Build b1 = builds.build(project, first, true, "ada", Progress.NONE);
        // a different commit with the same tree (an empty commit) builds the same thing
        String same = repo.commit("empty commit, same tree");
        Build b2 = builds.build(project, same, true, "ada", Progress.NONE);
        assertThat(b2.succeeded()).isTrue();
        assertThat(b2.artifactSha256()).isEqualTo(b1.artifactSha256());
        assertThat(b2.message()).contains("reused build #1");
        assertThat(Files.readAllLines(counter)).hasSize(1);

        Build b3 = builds.build(project, same, false, "ada", Progress.NONE);
        assertThat(b3.succeeded()).isTrue();
        assertThat(Files.readAllLines(counter)).hasSize(2);
    }

    @Test
    void cancellingStopsTheCommandAndRecordsACancelledBuild() throws Exception {
        String sha = repo.write("a.txt", "a").commit("a");
        Project project = project("echo started; sleep 30", "**");
        long start = System.nanoTime();
        Build build = builds.build(project, sha, true, "ada", new Progress() {
            boolean started;

            @Override
            public void step(String title) {
            }

            @Override
            public void log(String line) {
                if (line.equals("started")) {
                    started = true;
                }
            }

            @Override
            public boolean isCancelled() {
                return started;
            }
        });
        assertThat(build.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(build.message()).isEqualTo("Cancelled by the user.");
        assertThat(build.finishedAt()).isNotNull();
        assertThat(build.artifactSha256()).isNull();
        assertThat(catalog.builds().get(build.id()).status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(Files.readString(build.log())).contains("[stageboard] cancelled");
        assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(25));
        // a cancelled build is not a cached result: the next build runs the command again
        assertThat(catalog.builds().findCached(project.id(), build.treeId(), build.recipeHash())).isEmpty();
    }

    static Map<String, String> untar(Path file) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(tar.readAllBytes()));
            }
        }
        return entries;
    }
}
