package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.getThroughHost;
import static org.stageboard.run.DemoDeploys.release;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stageboard.core.HostPlan;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.RecordingProgress;

/** Shared data on a real host: kept in shared/, linked into every release, outliving deploys, rollbacks and pruning. */
class SharedDataTest extends HostTestBase {

    /** The demo app with a storage/ folder of its own (three seed files), as a careless build would pack it. */
    static Path storageArtifact;

    @BeforeAll
    static void packAppWithStorage() throws Exception {
        storageArtifact = artifactWith(work, "storage", List.of("storage/seed-1", "storage/seed-2", "storage/sub/seed-3"));
    }

    /** The demo app plus the given files (each holding its own name), packed as a build would. */
    static Path artifactWith(Path dir, String name, List<String> files) throws Exception {
        Path content = Files.createDirectories(dir.resolve("art-" + name));
        try (InputStream in = SharedDataTest.class.getResourceAsStream("/demo-app/Server.java")) {
            Files.copy(in, content.resolve("Server.java"));
        }
        Files.writeString(content.resolve("health-behaviour"), "ok\n");
        for (String file : files) {
            Path path = content.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file + "\n");
        }
        Path artifact = dir.resolve("art-" + name + ".tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", artifact.toString(), "-C", content.toString(), ".").redirectErrorStream(true).start();
        tar.getInputStream().readAllBytes();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).isTrue();
        return artifact;
    }

    /** The release with other run settings. */
    static RemoteRelease with(RemoteRelease release, RunSettings run) {
        return new RemoteRelease(release.identity(), release.artifactFile(), release.env(), release.secretValues(), run,
                release.actor(), release.releaseJson());
    }

    /** The demo app, started after it notes its greeting in storage/visits.txt and a line in the file data.db. */
    static RunSettings writingApp(RemoteRelease release, List<String> shared) {
        RunSettings run = release.run();
        return new RunSettings("mkdir -p storage && echo \"$GREETING\" >> storage/visits.txt && echo visit >> data.db && exec "
                + DemoDeploys.startCommand(), run.healthUrl(), run.healthTimeoutSeconds(), run.stopGraceSeconds(), run.keepReleases())
                .withShared(shared);
    }

    @Test
    void dataWrittenUnderASharedPathSurvivesTwoDeploysARollbackAndPruning() throws Exception {
        HostRunner runner = runnerFor("shared-story");
        int port = freePort();
        Path env = deploys.envDir();
        List<String> shared = List.of("storage/", "data.db");
        RemoteRelease r1 = release("v1", storageArtifact, port, "hello from v1", 60, 1);
        r1 = with(r1, writingApp(r1, shared));
        RemoteRelease r2 = release("v2", storageArtifact, port, "hello from v2", 60, 1);
        r2 = with(r2, writingApp(r2, shared));
        RemoteRelease r3 = release("v3", storageArtifact, port, "hello from v3", 60, 1);
        r3 = with(r3, writingApp(r3, shared));

        RecordingProgress first = new RecordingProgress();
        assertThat(runner.activate(r1, first).status()).as(first.all()).isEqualTo(RunStatus.LIVE);
        // The artifact's own storage/ gave way to the link, and the log says so.
        assertThat(first.logs).contains("storage/ from the artifact (3 files) replaced by a link to shared/storage/",
                "shared/storage/ created (empty folder)", "shared/data.db created (empty file)");
        Path release1 = env.resolve("releases/" + r1.releaseName());
        assertThat(Files.isSymbolicLink(release1.resolve("storage"))).isTrue();
        assertThat(Files.readSymbolicLink(release1.resolve("storage")).toString()).isEqualTo("../../shared/storage");
        assertThat(Files.readSymbolicLink(release1.resolve("data.db")).toString()).isEqualTo("../../shared/data.db");
        assertThat(env.resolve("shared/storage/seed-1")).as("the artifact's content is not copied into shared/").doesNotExist();
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");

        RecordingProgress second = new RecordingProgress();
        assertThat(runner.activate(r2, second).status()).as(second.all()).isEqualTo(RunStatus.LIVE);
        RecordingProgress third = new RecordingProgress();
        assertThat(runner.activate(r3, third).status()).as(third.all()).isEqualTo(RunStatus.LIVE);
        // keep 1: v1 is neither current, the one before, nor the rollback target: pruned, and the data stays.
        assertThat(release1).doesNotExist();
        assertThat(third.logs).contains("removed old release folder " + r1.releaseName());
        assertThat(Files.readAllLines(env.resolve("shared/storage/visits.txt")))
                .containsExactly("hello from v1", "hello from v2", "hello from v3");

        RecordingProgress back = new RecordingProgress();
        DeployResult rollback = runner.activate(r2, "rollback", java.time.Duration.ZERO, back);
        assertThat(rollback.status()).as(back.all()).isEqualTo(RunStatus.LIVE);
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v2");
        assertThat(Files.readAllLines(env.resolve("shared/storage/visits.txt")))
                .containsExactly("hello from v1", "hello from v2", "hello from v3", "hello from v2");
        assertThat(Files.readAllLines(env.resolve("shared/data.db"))).hasSize(4);
        // The reused folder kept its link; nothing was moved aside.
        assertThat(Files.isSymbolicLink(env.resolve("releases/" + r2.releaseName() + "/storage"))).isTrue();
        assertThat(back.logs).noneMatch(line -> line.contains("moved aside"));
    }

    @Test
    void aReusedFolderWithDataOfItsOwnGetsTheLinkAndTheDataIsMovedAsideNotDeleted() throws Exception {
        HostRunner runner = runnerFor("shared-reuse");
        int port = freePort();
        Path env = deploys.envDir();
        RemoteRelease r1 = release("v1", okArtifact, port, "hello from v1", 60, 3);
        r1 = with(r1, writingApp(r1, List.of()));
        RemoteRelease r2 = release("v2", okArtifact, port, "hello from v2", 60, 3);
        r2 = with(r2, writingApp(r2, List.of()));
        assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        assertThat(runner.activate(r2, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

        // Shared storage/ is added, then v1 is rolled back to: its folder holds the data it wrote.
        RemoteRelease back = with(r1, writingApp(r1, List.of("storage/")));
        RecordingProgress progress = new RecordingProgress();
        assertThat(runner.activate(back, "rollback", java.time.Duration.ZERO, progress).status()).as(progress.all())
                .isEqualTo(RunStatus.LIVE);
        Path folder = env.resolve("releases/" + r1.releaseName());
        assertThat(Files.isSymbolicLink(folder.resolve("storage"))).isTrue();
        try (var aside = Files.list(folder)) {
            Path moved = aside.filter(p -> p.getFileName().toString().startsWith("storage.local-")).findFirst().orElseThrow();
            assertThat(Files.readAllLines(moved.resolve("visits.txt"))).containsExactly("hello from v1");
        }
        String folderName = r1.releaseName();
        assertThat(progress.logs).anyMatch(line -> line.startsWith("storage/ in releases/" + folderName
                + " held data of its own (1 file): moved aside to storage.local-"));
    }

    @Test
    void thePlanAndTheDeploySayWhenTheRunningReleaseKeepsItsOwnDataAtANewSharedPath() throws Exception {
        HostRunner runner = runnerFor("shared-first");
        int port = freePort();
        Path env = deploys.envDir();
        RemoteRelease r1 = release("v1", okArtifact, port, "hello from v1", 60, 3);
        r1 = with(r1, writingApp(r1, List.of()));
        assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        Path ownData = env.resolve("releases/" + r1.releaseName() + "/storage/visits.txt");
        assertThat(Files.readAllLines(ownData)).containsExactly("hello from v1");

        RemoteRelease r2 = release("v2", okArtifact, port, "hello from v2", 60, 3);
        r2 = with(r2, writingApp(r2, List.of("storage/")));
        HostPlan plan = runner.plan(r2);
        assertThat(plan.shared()).containsExactly("storage/ -> shared/storage/ (created empty)");
        assertThat(plan.warnings()).hasSize(1);
        String warning = plan.warnings().get(0);
        assertThat(warning).contains("releases/" + r1.releaseName() + " (running now) holds its own storage/ (1 file)",
                "not carried over to shared/storage/", "cp -a");
        assertThat(env.resolve("shared/storage")).as("a plan changes nothing").doesNotExist();

        RecordingProgress progress = new RecordingProgress();
        assertThat(runner.activate(r2, progress).status()).as(progress.all()).isEqualTo(RunStatus.LIVE);
        assertThat(progress.logs).contains(warning);
        // Nothing moved silently: v1 keeps its data, the new release started from an empty shared/storage/.
        assertThat(Files.readAllLines(ownData)).containsExactly("hello from v1");
        assertThat(Files.readAllLines(env.resolve("shared/storage/visits.txt"))).containsExactly("hello from v2");

        // The command the warning gives copies the old data into shared/ (run here, where the host is).
        String copy = warning.substring(warning.lastIndexOf(": ") + 2);
        Process sh = new ProcessBuilder("sh", "-c", copy).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).as(out).isZero();
        assertThat(Files.readAllLines(env.resolve("shared/storage/visits.txt"))).containsExactly("hello from v1");
        // After that deploy the running release links storage/: no warning any more.
        RemoteRelease r3 = release("v3", okArtifact, port, "hello from v3", 60, 3);
        assertThat(runner.plan(with(r3, writingApp(r3, List.of("storage/")))).warnings()).isEmpty();
    }

    @Test
    void aSharedPathThatIsALinkInTheArtifactIsRefusedWithNothingSwitched() throws Exception {
        HostRunner runner = runnerFor("shared-bad");
        Path content = Files.createDirectories(work.resolve("art-linked"));
        try (InputStream in = SharedDataTest.class.getResourceAsStream("/demo-app/Server.java")) {
            Files.copy(in, content.resolve("Server.java"));
        }
        Path outside = Files.createDirectories(work.resolve("outside-the-release"));
        Files.createSymbolicLink(content.resolve("db"), outside);
        Path artifact = work.resolve("art-linked.tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", artifact.toString(), "-C", content.toString(), ".").start();
        assertThat(tar.waitFor()).isZero();
        RemoteRelease r1 = release("v1", artifact, freePort(), "hi", 30, 3);
        r1 = with(r1, r1.run().withShared(List.of("db/app.sqlite")));

        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.activate(r1, progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("db/app.sqlite", "db is a symbolic link in the release");
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        assertThat(deploys.envDir().resolve("releases/" + r1.releaseName())).doesNotExist();
        assertThat(outside.resolve("app.sqlite")).doesNotExist();
    }
}
