package org.stageboard.run;

import org.stageboard.core.LockInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.RecordingProgress;

/** Health by TCP port and by command, a deploy that waits for a held lock, and the heartbeat of a lock while its run lives. */
class HealthAndLockTest extends HostTestBase {

    private static RemoteRelease withHealth(RemoteRelease r, String health, int timeoutSeconds) {
        RunSettings run = new RunSettings(r.run().startCommand(), health, timeoutSeconds, r.run().stopGraceSeconds(), r.run().keepReleases());
        return new RemoteRelease(r.identity(), r.artifactFile(), r.env(), r.secretValues(), run, r.actor(), r.releaseJson());
    }

    @Test
    void healthByTcpPortAndByCommandInTheReleaseFolder() throws Exception {
        HostRunner runner = runnerFor("tcp-and-command");
        int port = freePort();

        RecordingProgress tcp = new RecordingProgress();
        DeployResult byTcp = runner.activate(withHealth(release("v1", okArtifact, port, "hi", 30, 3), "tcp://127.0.0.1:" + port, 30), tcp);
        assertThat(byTcp.status()).as(tcp.all()).isEqualTo(RunStatus.LIVE);
        assertThat(tcp.logs).anyMatch(l -> l.contains("port " + port + " accepts connections"));

        RecordingProgress command = new RecordingProgress();
        DeployResult byCommand = runner.activate(withHealth(release("v2", okArtifact, port, "hi", 30, 3),
                "command:grep -qx ok health-behaviour && [ \"$GREETING\" = hi ]", 30), command);
        assertThat(byCommand.status()).as(command.all()).isEqualTo(RunStatus.LIVE);

        RecordingProgress failing = new RecordingProgress();
        DeployResult byFailingCommand = runner.activate(withHealth(release("v3", failArtifact, port, "hi", 30, 3),
                "command:grep -qx ok health-behaviour || { echo 'health-behaviour says fail'; exit 1; }", 6), failing);
        assertThat(byFailingCommand.status()).as(failing.all()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(byFailingCommand.evidence()).contains("exit 1", "health-behaviour says fail");
    }

    @Test
    void aDeployWaitsForAHeldLockUpToItsBoundThenGoesOn() throws Exception {
        HostRunner runner = runnerFor("lock-wait");
        Path lock = Files.createDirectories(deploys.envDir().resolve(".stageboard/lock"));
        Files.writeString(lock.resolve("info.json"), "{\"holder\":\"" + ProcessIdentity.current().format()
                + "\",\"actor\":\"bob\",\"release\":\"staging v5\",\"since\":\"2026-11-26T05:00:00Z\"}\n");
        Files.writeString(lock.resolve("heartbeat"), "");
        RecordingProgress progress = new RecordingProgress();

        CompletableFuture<DeployResult> deploy = CompletableFuture.supplyAsync(() ->
                runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), "deploy", Duration.ofSeconds(60), progress));
        // a step (shown without -v), so that a run waiting for a lock does not look stuck
        await().atMost(Duration.ofSeconds(30)).until(() -> progress.steps.stream().anyMatch(l -> l.startsWith("wait for the lock")));
        assertThat(deploy).isNotDone();
        deleteTree(lock);

        assertThat(deploy.get().status()).as(progress.all()).isEqualTo(RunStatus.LIVE);
        assertThat(progress.steps).anyMatch(l -> l.contains("held by " + ProcessIdentity.current().format() + " (bob), activating staging v5")
                && l.endsWith("(up to 1 min 0 s)"));
    }

    @Test
    void theLockHasAHeartbeatWhileItsRunLives() throws Exception {
        HostRunner runner = runnerFor("heartbeat");
        Path heartbeat = deploys.envDir().resolve(".stageboard/lock/heartbeat");
        RecordingProgress progress = new RecordingProgress();

        CompletableFuture<DeployResult> deploy = CompletableFuture.supplyAsync(() ->
                runner.activate(release("v1", failArtifact, freePort(), "hi", 20, 3), progress));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(heartbeat));
        FileTime first = Files.getLastModifiedTime(heartbeat);
        LockInfo held = runner.lock("shop", "staging");
        assertThat(held.holder()).isEqualTo(ProcessIdentity.current().format());
        assertThat(held.stale()).isFalse();
        await().atMost(Duration.ofSeconds(25)).until(() -> !Files.exists(heartbeat) || Files.getLastModifiedTime(heartbeat).compareTo(first) > 0);
        assertThat(deploy.isDone() && !Files.exists(heartbeat) ? "finished first" : "refreshed").isEqualTo("refreshed");

        assertThat(deploy.get().status()).isEqualTo(RunStatus.FAILED);
        assertThat(heartbeat.getParent()).doesNotExist();
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
