package org.stageboard.run;

import org.stageboard.core.HostState;
import org.stageboard.core.ReleaseIdentity;
import org.stageboard.testing.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stageboard.run.DemoDeploys.SECRET;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.getThroughHost;
import static org.stageboard.run.DemoDeploys.isAlive;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stageboard.core.RunStatus;
import org.stageboard.ssh.HostKeyException;
import org.stageboard.ssh.HostKeyStatus;
import org.stageboard.ssh.SshTarget;
import org.stageboard.testing.SshTestServer;

/** Whole runs on one host, against a real SSH server in the test JVM and real app processes. */
class HostRunnerTest extends HostTestBase {

    static Path exitArtifact;

    @BeforeAll
    static void packExitingApp() {
        exitArtifact = SshTestServer.writeDemoArtifact(work, "exit");
    }

    @Test
    void deploysUpgradesRollsBackAFailingReleaseAndReactivatesAnOldOne() throws Exception {
        HostRunner runner = runnerFor("story");
        int port = freePort();
        Path env = deploys.envDir();

        RecordingProgress first = new RecordingProgress();
        RemoteRelease r1 = release("v1", okArtifact, port, "hello from v1", 60, 3);
        DeployResult v1 = runner.activate(r1, first);
        String f1 = r1.releaseName();

        assertThat(f1).matches("v1-[0-9a-f]{10}");
        assertThat(v1.status()).as(first.all()).isEqualTo(RunStatus.LIVE);
        assertThat(v1.previousRelease()).isNull();
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        long pid1 = deploys.pidFromFile();
        assertThat(isAlive(pid1)).isTrue();
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + f1);
        Path dotEnv = env.resolve("releases/" + f1 + "/.env");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dotEnv))).isEqualTo("rw-------");
        assertThat(Files.readString(dotEnv)).contains("API_TOKEN='" + SECRET + "'");
        assertThat(ReleaseJson.identity(Files.readString(env.resolve("releases/" + f1 + "/release.json")))).contains(r1.identity());
        assertThat(env.resolve("releases/" + f1 + "/Server.java")).exists();
        Path artifact = env.resolve("artifacts/" + SshTestServer.sha256(okArtifact) + ".tar.gz");
        FileTime uploadedAt = Files.getLastModifiedTime(artifact);
        assertThat(env.resolve(".stageboard/lock")).doesNotExist();
        assertThat(first.steps).contains("lock shop/staging", "upload artifact", "switch current to " + f1, "health check");
        assertThat(v1.uploadedBytes()).isEqualTo(Files.size(okArtifact));

        // v2: same artifact, new config. Build once, run many: the artifact is not uploaded again.
        RecordingProgress second = new RecordingProgress();
        RemoteRelease r2 = release("v2", okArtifact, port, "hello from v2", 60, 3);
        DeployResult v2 = runner.activate(r2, second);

        assertThat(v2.status()).as(second.all()).isEqualTo(RunStatus.LIVE);
        assertThat(v2.previousRelease()).isEqualTo(f1);
        assertThat(v2.uploadedBytes()).isZero();
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v2");
        long pid2 = deploys.pidFromFile();
        assertThat(pid2).isNotEqualTo(pid1);
        assertThat(isAlive(pid2)).isTrue();
        assertThat(isAlive(pid1)).as("v1's process is gone").isFalse();
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r2.releaseName());
        assertThat(second.logs).anyMatch(l -> l.contains("already on the host: not uploaded again"));
        assertThat(Files.getLastModifiedTime(artifact)).isEqualTo(uploadedAt);

        // v3 answers 500 on /health: it is rolled back and v2 serves again, with the evidence kept.
        RecordingProgress third = new RecordingProgress();
        RemoteRelease r3 = release("v3", failArtifact, port, "hello from v3", 8, 3);
        DeployResult v3 = runner.activate(r3, third);

        assertThat(v3.status()).as(third.all()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(v3.previousRelease()).isEqualTo(r2.releaseName());
        assertThat(v3.message()).contains("staging v3 failed", "HTTP 500", "Rolled back to " + r2.releaseName() + " (staging v2)");
        // The app printed its secret in its answer and its log: masked; other values (the port) stay readable.
        assertThat(v3.evidence()).contains("last answer: HTTP 500", "unhealthy: cannot log in with token " + org.stageboard.core.Masker.MASK,
                "last lines of shared/log/web.1.log:", "health fail", "config PORT=" + port + " API_TOKEN=" + org.stageboard.core.Masker.MASK)
                .doesNotContain(SECRET);
        assertThat(third.all()).contains("config PORT=" + port).doesNotContain(SECRET);
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r2.releaseName());
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v2");
        long pid3 = deploys.pidFromFile();
        assertThat(pid3).isNotIn(pid1, pid2);
        assertThat(isAlive(pid3)).isTrue();
        assertThat(isAlive(pid2)).isFalse();
        assertThat(third.steps).contains("roll back to " + r2.releaseName());

        // The host's ledger says v2 is live and v1 was before it: that is the rollback target.
        HostState before = runner.state("shop", "staging", true);
        assertThat(HostRunner.rollbackTarget(before)).isEqualTo(f1);
        assertThat(before.healthy()).isTrue();

        // Rolling back to v1 re-activates its folder, with v1's own config; nothing is uploaded.
        RecordingProgress fourth = new RecordingProgress();
        DeployResult again = runner.activate(release("v1", okArtifact, port, "not v1's config", 60, 1), "rollback",
                Duration.ZERO, fourth);

        assertThat(again.status()).as(fourth.all()).isEqualTo(RunStatus.LIVE);
        assertThat(again.previousRelease()).isEqualTo(r2.releaseName());
        assertThat(again.uploadedBytes()).isZero();
        assertThat(fourth.logs).anyMatch(l -> l.contains("release folder " + f1 + " is already on the host and is this very release"));
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        assertThat(isAlive(pid3)).isFalse();
        // keepReleases 1: v1 (current) and v2 (previous) stay, v3 goes, and so does v3's artifact.
        assertThat(env.resolve("releases/" + r3.releaseName())).doesNotExist();
        assertThat(env.resolve("releases/" + r2.releaseName())).isDirectory();
        assertThat(fourth.logs).contains("removed old release folder " + r3.releaseName());
        assertThat(env.resolve("artifacts/" + SshTestServer.sha256(failArtifact) + ".tar.gz")).doesNotExist();
        assertThat(artifact).exists();

        assertThat(deploys.ledgerLines()).hasSize(4);
        assertThat(deploys.ledgerLines().get(0)).contains("\"release\":\"" + f1 + "\"", "\"actor\":\"tester\"", "\"outcome\":\"LIVE\"");
        assertThat(deploys.ledgerLines().get(2)).contains("\"release\":\"" + r3.releaseName() + "\"", "\"outcome\":\"ROLLED_BACK\"");
        HostState state = runner.state("shop", "staging", false);
        assertThat(state.currentFolder()).isEqualTo(f1);
        assertThat(state.currentIdentity()).isEqualTo(r1.identity());
        assertThat(state.pid()).isEqualTo((int) deploys.pidFromFile());
        assertThat(state.appAlive()).isTrue();
        assertThat(state.releases()).containsExactly(f1, r2.releaseName());
        assertThat(state.ledger()).hasSize(4);
        assertThat(state.lock()).isNull();
        // Two rollbacks in a row go two steps back, not back and forth: from v1 there is nothing earlier.
        assertThat(HostRunner.rollbackTarget(state)).isNull();

        for (RecordingProgress progress : new RecordingProgress[] {first, second, third, fourth}) {
            assertThat(progress.all()).doesNotContain(SECRET);
        }
        assertThat(String.join("\n", deploys.ledgerLines())).doesNotContain(SECRET);
        assertThat(server.commands()).as("commands sent to the host").isNotEmpty()
                .noneMatch(command -> command.contains(SECRET) || command.contains("hello from v"));
    }

    @Test
    void aFirstReleaseThatDiesIsStoppedAndLeavesNoCurrent() throws Exception {
        HostRunner runner = runnerFor("first-fails");
        RecordingProgress progress = new RecordingProgress();

        DeployResult result = runner.activate(release("v1", exitArtifact, freePort(), "never", 30, 3), progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("exited", "Nothing ran here before, and nothing runs now");
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        assertThat(deploys.envDir().resolve(".stageboard/app.pid")).doesNotExist();
        assertThat(progress.logs).anyMatch(l -> l.contains("exiting on purpose"));
        assertThat(deploys.ledgerLines()).singleElement().asString().contains("\"outcome\":\"FAILED\"");
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
    }

    @Test
    void aHeldLockStopsTheRunBeforeAnythingChanges() throws Exception {
        HostRunner runner = runnerFor("locked");
        Path lock = Files.createDirectories(deploys.envDir().resolve(".stageboard/lock"));
        String holder = org.stageboard.core.ProcessIdentity.current().format();
        Files.writeString(lock.resolve("info.json"), "{\"holder\":\"" + holder + "\",\"actor\":\"alice\",\"release\":\"staging v9\","
                + "\"since\":\"2026-11-26T05:00:00Z\"}\n");
        Files.writeString(lock.resolve("heartbeat"), "");

        assertThatThrownBy(() -> runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), new RecordingProgress()))
                .isInstanceOfSatisfying(LockHeldException.class, e -> assertThat(e.lock().stale()).isFalse())
                .hasMessageContaining("is locked by " + holder + " (alice), activating staging v9, since "
                        + org.stageboard.core.Words.when(java.time.Instant.parse("2026-11-26T05:00:00Z")) + ",");

        assertThat(lock.resolve("info.json")).exists();
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        assertThat(deploys.envDir().resolve("artifacts")).doesNotExist();
        assertThat(deploys.envDir().resolve("releases")).doesNotExist();
    }

    @Test
    void aMissingArtifactFailsBeforeTheSwitchAndIsRecorded() throws Exception {
        HostRunner runner = runnerFor("no-artifact");
        RemoteRelease release = release("v1", okArtifact, freePort(), "hi", 30, 3);
        RemoteRelease missing = new RemoteRelease(new ReleaseIdentity("catalog-a", "shop", "staging", 1, "staging v1", "0".repeat(64), 1,
                "tester"), work.resolve("gone.tar.gz"), release.env(), release.secretValues(), release.run(), release.actor(), release.releaseJson());

        DeployResult result = runner.activate(missing, new RecordingProgress());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("is missing from the local store", "Nothing was switched");
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        assertThat(deploys.envDir().resolve("releases/" + missing.releaseName())).doesNotExist();
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
        assertThat(deploys.ledgerLines()).singleElement().asString().contains("\"outcome\":\"FAILED\"", "is missing from the local store");
    }

    @Test
    void cancellingBeforeTheSwitchChangesNothingThatRuns() throws Exception {
        HostRunner runner = runnerFor("cancelled");
        RecordingProgress progress = new RecordingProgress() {
            @Override
            public void step(String title) {
                super.step(title);
                if (title.startsWith("prepare release folder")) {
                    cancelled = true;
                }
            }
        };

        DeployResult result = runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), progress);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.message()).contains("Cancelled before the switch");

        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        assertThat(deploys.envDir().resolve(".stageboard/app.pid")).doesNotExist();
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
        assertThat(deploys.ledgerLines()).singleElement().asString().contains("\"outcome\":\"CANCELLED\"");
    }

    @Test
    void anUnknownHostKeyStopsTheRunBeforeConnecting() throws Exception {
        SshTarget unpinned = new SshTarget(server.address(), server.port(), server.user(), server.clientKey(),
                work.resolve("empty_known_hosts"), Duration.ofSeconds(5));
        Path base = Files.createDirectories(server.baseDir().resolve("unknown-key"));
        HostRunner runner = new HostRunner(unpinned, base.toString());

        assertThatThrownBy(() -> runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), new RecordingProgress()))
                .isInstanceOfSatisfying(HostKeyException.class, e -> assertThat(e.status()).isEqualTo(HostKeyStatus.UNKNOWN));
        try (var files = Files.list(base)) {
            assertThat(files).isEmpty();
        }
    }
}
