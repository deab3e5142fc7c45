package org.stageboard.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Artifact;
import org.stageboard.core.ArtifactCheck;
import org.stageboard.core.ArtifactState;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.PruneResult;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.testing.GitFixture;

/** Verify re-hashes the store and marks what changed; retention never removes what a kept release uses. */
class ArtifactMaintenanceTest {

    @TempDir
    Path tmp;

    private Catalog catalog;
    private ArtifactStore store;
    private BuildStage builds;
    private ArtifactMaintenance maintenance;
    private GitFixture repo;
    private Project project;

    @BeforeEach
    void setUp() {
        catalog = Catalog.open(tmp.resolve("home/catalog"));
        store = new ArtifactStore(tmp.resolve("home/artifacts"));
        builds = new BuildStage(catalog, store, tmp.resolve("home/logs"), tmp.resolve("home/work"));
        maintenance = new ArtifactMaintenance(catalog, store);
        repo = GitFixture.init(tmp.resolve("repo"));
        project = catalog.projects().add("demo", repo.dir(), "main", new Recipe("cp a.txt out.txt", List.of("out.txt")));
    }

    @AfterEach
    void tearDown() {
        repo.close();
        catalog.close();
    }

    private Build buildCommit(String content) {
        String sha = repo.write("a.txt", content).commit(content);
        Build build = builds.build(project, sha, true, "ada", Progress.NONE);
        assertThat(build.succeeded()).isTrue();
        return build;
    }

    @Test
    void verifyFindsACorruptedAndAMissingArtifactAndTheCacheNoLongerUsesThem() throws Exception {
        Build good = buildCommit("good");
        Build corrupted = buildCommit("corrupted");
        Build missing = buildCommit("missing");
        Path file = store.path(corrupted.artifactSha256());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        Files.delete(store.path(missing.artifactSha256()));

        List<ArtifactCheck> checks = maintenance.verify(Progress.NONE);

        assertThat(checks).hasSize(3);
        Map<String, ArtifactState> states = new java.util.HashMap<>();
        checks.forEach(c -> states.put(c.artifact().sha256(), c.state()));
        assertThat(states).containsEntry(good.artifactSha256(), ArtifactState.OK)
                .containsEntry(corrupted.artifactSha256(), ArtifactState.CORRUPT)
                .containsEntry(missing.artifactSha256(), ArtifactState.MISSING);
        assertThat(checks.stream().filter(c -> c.state() == ArtifactState.CORRUPT).findFirst().orElseThrow().detail())
                .contains("changed after it was packed");
        assertThat(catalog.artifacts().stored(corrupted.artifactSha256()).orElseThrow().state()).isEqualTo(ArtifactState.CORRUPT);
        assertThat(catalog.artifacts().stored(good.artifactSha256()).orElseThrow().checkedAt()).isNotNull();

        // the same tree builds again instead of reusing the corrupted artifact
        Build again = builds.build(project, corrupted.commitSha(), true, "ada", Progress.NONE);
        assertThat(again.cached()).isFalse();
        assertThat(store.contains(again.artifactSha256())).isTrue();
        assertThat(builds.build(project, corrupted.commitSha(), true, "ada", Progress.NONE).cachedFrom()).isEqualTo(again.number());
        Build cachedGood = builds.build(project, good.commitSha(), true, "ada", Progress.NONE);
        assertThat(cachedGood.cached()).isTrue();
    }

    @Test
    void retentionByCountAndAgeKeepsTheArtifactsKeptReleasesUse() throws Exception {
        Build released = buildCommit("v1");
        Build old = buildCommit("v2");
        Build newest = buildCommit("v3");
        Environment staging = catalog.environments().add(project.id(), "staging",
                new RunSettings("java Server.java", "http://127.0.0.1:8080/health", 30, 10, 1));
        ConfigVersion config = catalog.configs().add(staging.id(), Map.of(), "ada");
        catalog.releases().add(staging, released, config, "ada");

        PruneResult dry = maintenance.prune(1, Duration.ZERO, true, Progress.NONE);
        assertThat(dry.removed()).extracting(Artifact::sha256).containsExactly(old.artifactSha256());
        assertThat(dry.keptForReleases()).extracting(Artifact::sha256).containsExactly(released.artifactSha256());
        assertThat(store.contains(old.artifactSha256())).isTrue();

        // nothing is old enough yet
        assertThat(maintenance.prune(0, Duration.ofDays(30), false, Progress.NONE).removed()).isEmpty();

        PruneResult result = maintenance.prune(1, Duration.ZERO, false, Progress.NONE);
        assertThat(result.removed()).extracting(Artifact::sha256).containsExactly(old.artifactSha256());
        assertThat(result.bytesFreed()).isEqualTo(old.artifactSize());
        assertThat(store.contains(old.artifactSha256())).isFalse();
        assertThat(store.contains(released.artifactSha256())).as("a kept release uses it").isTrue();
        assertThat(store.contains(newest.artifactSha256())).as("the newest is kept by count").isTrue();
        assertThat(catalog.artifacts().stored(old.artifactSha256()).orElseThrow().state()).isEqualTo(ArtifactState.PRUNED);
        // a pruned artifact is not a cache hit: its commit builds again
        Build rebuilt = builds.build(project, old.commitSha(), true, "ada", Progress.NONE);
        assertThat(rebuilt.cached()).isFalse();
        assertThat(store.contains(rebuilt.artifactSha256())).isTrue();

        // once the environment keeps only newer releases, the old release's artifact may go
        Build v4 = buildCommit("v4");
        catalog.releases().add(staging, v4, config, "ada");
        PruneResult later = maintenance.prune(2, Duration.ZERO, true, Progress.NONE);
        assertThat(later.removed()).extracting(Artifact::sha256).contains(released.artifactSha256()).doesNotContain(v4.artifactSha256());
    }
}
