package org.stageboard.run;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.CancelledException;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.HostKeyException;
import org.stageboard.ssh.HostKeyStatus;
import org.stageboard.ssh.SshTarget;
import org.stageboard.testing.SshTestServer;

/** Whole runs on one host, against a real SSH server in the test JVM and real app processes. */
class HostRunnerTest {

    @TempDir
    static Path work;
    static SshTestServer server;
    static Path okArtifact;
    static Path failArtifact;
    static Path exitArtifact;

    private DemoDeploys deploys;

    @BeforeAll
    static void startServer() {
        server = SshTestServer.start(work);
        okArtifact = SshTestServer.writeDemoArtifact(work, "ok");
        failArtifact = SshTestServer.writeDemoArtifact(work, "fail");
        exitArtifact = SshTestServer.writeDemoArtifact(work, "exit");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void killApps() {
        if (deploys != null) {
            deploys.killAll();
        }
    }

    private HostRunner runnerFor(String name) throws Exception {
        Path base = Files.createDirectories(server.baseDir().resolve(name));
        deploys = new DemoDeploys(base);
        return new HostRunner(server.target(), base.toString());
    }

    @Test
    void deploysUpgradesRollsBackAFailingReleaseAndReactivatesAnOldOne() throws Exception {
        HostRunner runner = runnerFor("story");
        int port = freePort();
        Path env = deploys.envDir();

        RecordingProgress first = new RecordingProgress();
        DeployResult v1 = runner.activate(release("v1", okArtifact, port, "hello from v1", 60, 3), first);

        assertThat(v1.status()).as(first.all()).isEqualTo(RunStatus.LIVE);
        assertThat(v1.previousRelease()).isNull();
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        long pid1 = deploys.pidFromFile();
        assertThat(isAlive(pid1)).isTrue();
        assertThat(deploys.currentTarget()).isEqualTo("releases/v1");
        Path dotEnv = env.resolve("releases/v1/.env");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dotEnv))).isEqualTo("rw-------");
        assertThat(Files.readString(dotEnv)).contains("API_TOKEN='" + SECRET + "'");
        assertThat(Files.readString(env.resolve("releases/v1/release.json"))).isEqualTo("{\"release\":\"v1\"}\n");
        assertThat(env.resolve("releases/v1/Server.java")).exists();
        Path artifact = env.resolve("artifacts/" + SshTestServer.sha256(okArtifact) + ".tar.gz");
        FileTime uploadedAt = Files.getLastModifiedTime(artifact);
        assertThat(env.resolve(".stageboard/lock")).doesNotExist();
        assertThat(first.steps).contains("lock shop/staging", "upload artifact", "switch current to v1", "health check");

        // v2: same artifact, new config. Build once, run many: the artifact is not uploaded again.
        RecordingProgress second = new RecordingProgress();
        DeployResult v2 = runner.activate(release("v2", okArtifact, port, "hello from v2", 60, 3), second);

        assertThat(v2.status()).as(second.all()).isEqualTo(RunStatus.LIVE);
        assertThat(v2.previousRelease()).isEqualTo("v1");
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v2");
        long pid2 = deploys.pidFromFile();
        assertThat(pid2).isNotEqualTo(pid1);
        assertThat(isAlive(pid2)).isTrue();
        assertThat(isAlive(pid1)).as("v1's process is gone").isFalse();
        assertThat(deploys.currentTarget()).isEqualTo("releases/v2");
        assertThat(second.logs).anyMatch(l -> l.contains("already on the host: not uploaded again"));
        assertThat(Files.getLastModifiedTime(artifact)).isEqualTo(uploadedAt);

        // v3 answers 500 on /health: it is rolled back and v2 serves again.
        RecordingProgress third = new RecordingProgress();
        DeployResult v3 = runner.activate(release("v3", failArtifact, port, "hello from v3", 8, 3), third);

        assertThat(v3.status()).as(third.all()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(v3.previousRelease()).isEqualTo("v2");
        assertThat(v3.message()).contains("staging v3 failed", "HTTP 500", "Rolled back to v2");
        assertThat(deploys.currentTarget()).isEqualTo("releases/v2");
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v2");
        long pid3 = deploys.pidFromFile();
        assertThat(pid3).isNotIn(pid1, pid2);
        assertThat(isAlive(pid3)).isTrue();
        assertThat(isAlive(pid2)).isFalse();
        assertThat(third.steps).contains("roll back to v2");
        assertThat(third.logs).contains("last lines of logs/app.log:")
                .anyMatch(l -> l.contains("health fail"));

        // Rolling back to v1 re-activates its folder, with v1's own config.
        RecordingProgress fourth = new RecordingProgress();
        DeployResult again = runner.activate(release("v1", okArtifact, port, "not v1's config", 60, 1), fourth);

        assertThat(again.status()).as(fourth.all()).isEqualTo(RunStatus.LIVE);
        assertThat(again.previousRelease()).isEqualTo("v2");
        assertThat(fourth.logs).anyMatch(l -> l.contains("release folder v1 is already on the host: reused"));
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        assertThat(isAlive(pid3)).isFalse();
        // keepReleases 1: v1 (current) and v2 (previous) stay, v3 goes.
        assertThat(env.resolve("releases/v3")).doesNotExist();
        assertThat(env.resolve("releases/v2")).isDirectory();
        assertThat(fourth.logs).contains("removed old release folder v3");

        assertThat(deploys.ledgerLines()).hasSize(4);
        assertThat(deploys.ledgerLines().get(0)).contains("\"release\":\"v1\"", "\"actor\":\"tester\"", "\"outcome\":\"LIVE\"");
        assertThat(deploys.ledgerLines().get(2)).contains("\"release\":\"v3\"", "\"outcome\":\"ROLLED_BACK\"");
        HostState state = runner.state("shop", "staging");
        assertThat(state.currentRelease()).isEqualTo("v1");
        assertThat(state.pid()).isEqualTo((int) deploys.pidFromFile());
        assertThat(state.processAlive()).isTrue();
        assertThat(state.releases()).containsExactly("v1", "v2");
        assertThat(state.ledgerLines()).hasSize(4);

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
        assertThat(result.message()).contains("exited", "no previous release");
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
        Files.writeString(lock.resolve("info"), "alice, since 2026-11-26T05:00:00Z, activating staging v9\n");

        assertThatThrownBy(() -> runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), new RecordingProgress()))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining("is locked by alice, since 2026-11-26T05:00:00Z, activating staging v9")
                .hasMessageContaining("remove " + lock);

        assertThat(lock.resolve("info")).exists();
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        assertThat(deploys.envDir().resolve("artifacts")).doesNotExist();
        assertThat(deploys.envDir().resolve("releases")).doesNotExist();
    }

    @Test
    void aMissingArtifactFailsBeforeTheSwitchAndIsRecorded() throws Exception {
        HostRunner runner = runnerFor("no-artifact");
        RemoteRelease release = release("v1", okArtifact, freePort(), "hi", 30, 3);
        RemoteRelease missing = new RemoteRelease(release.project(), release.environment(), "v1", release.label(),
                "0".repeat(64), work.resolve("gone.tar.gz"), release.env(), release.run(), release.actor(), release.releaseJson());

        assertThatThrownBy(() -> runner.activate(missing, new RecordingProgress()))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining("gone.tar.gz is missing here");

        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        assertThat(deploys.envDir().resolve("releases/v1")).doesNotExist();
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
        assertThat(deploys.ledgerLines()).singleElement().asString().contains("\"outcome\":\"FAILED\"", "is missing here");
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

        assertThatThrownBy(() -> runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), progress))
                .isInstanceOf(CancelledException.class);

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
