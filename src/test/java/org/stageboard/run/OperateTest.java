package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stageboard.run.DemoDeploys.SECRET;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.getThroughHost;
import static org.stageboard.run.DemoDeploys.isAlive;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stageboard.core.CancelledException;
import org.stageboard.core.HostState;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.RecordingProgress;

/** Operating the current release on a real host: stop, start, restart, one-off commands and logs. */
class OperateTest extends HostTestBase {

    private static final Operation OP = new Operation("shop", "staging", "operator", List.of(SECRET));

    /** Deploys v1 then v2 of the healthy demo app; v1 is then the rollback target. */
    private HostRunner twoReleases(String name, int port) throws Exception {
        return twoReleases(name, port, 60);
    }

    private HostRunner twoReleases(String name, int port, int healthTimeoutSeconds) throws Exception {
        HostRunner runner = runnerFor(name);
        assertThat(runner.activate(release("v1", okArtifact, port, "hello from v1", healthTimeoutSeconds, 3), new RecordingProgress())
                .status()).isEqualTo(RunStatus.LIVE);
        assertThat(runner.activate(release("v2", okArtifact, port, "hello from v2", healthTimeoutSeconds, 3), new RecordingProgress())
                .status()).isEqualTo(RunStatus.LIVE);
        return runner;
    }

    @Test
    void stopStartAndRestartActOnTheCurrentReleaseAndLeaveTheRollbackTargetAlone() throws Exception {
        int port = freePort();
        HostRunner runner = twoReleases("operate", port);
        String v1 = release("v1", okArtifact, port, "", 60, 3).releaseName();
        String v2 = release("v2", okArtifact, port, "", 60, 3).releaseName();
        long pid = deploys.pidFromFile();
        assertThat(HostRunner.rollbackTarget(runner.state("shop", "staging", false))).isEqualTo(v1);

        RecordingProgress stopping = new RecordingProgress();
        DeployResult stopped = runner.stop(OP, Duration.ZERO, stopping);
        assertThat(stopped.status()).as(stopping.all()).isEqualTo(RunStatus.STOPPED);
        assertThat(isAlive(pid)).isFalse();
        HostState afterStop = runner.state("shop", "staging", true);
        assertThat(afterStop.currentFolder()).isEqualTo(v2);
        assertThat(afterStop.appAlive()).isFalse();
        assertThat(afterStop.healthy()).isFalse();
        assertThat(HostRunner.rollbackTarget(afterStop)).isEqualTo(v1);

        RecordingProgress starting = new RecordingProgress();
        DeployResult started = runner.start(OP, Duration.ZERO, starting);
        assertThat(started.status()).as(starting.all()).isEqualTo(RunStatus.LIVE);
        long startedPid = deploys.pidFromFile();
        HostState afterStart = runner.state("shop", "staging", true);
        assertThat(afterStart.appAlive()).isTrue();
        assertThat(afterStart.healthy()).isTrue();
        assertThat(afterStart.pid()).isEqualTo((int) startedPid);
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v2");
        // Starting what already runs starts nothing.
        assertThat(runner.start(OP, Duration.ZERO, new RecordingProgress()).message()).contains("already runs");
        assertThat(deploys.pidFromFile()).isEqualTo(startedPid);

        RecordingProgress restarting = new RecordingProgress();
        DeployResult restarted = runner.restart(OP, Duration.ZERO, restarting);
        assertThat(restarted.status()).as(restarting.all()).isEqualTo(RunStatus.LIVE);
        assertThat(restarting.steps).containsSubsequence("lock shop/staging", "stop staging v2 (" + v2 + ")",
                "start staging v2 (" + v2 + ")", "health check", "record in ledger", "unlock");
        long restartedPid = deploys.pidFromFile();
        assertThat(restartedPid).isNotEqualTo(startedPid);
        assertThat(isAlive(startedPid)).isFalse();
        HostState afterRestart = runner.state("shop", "staging", true);
        assertThat(afterRestart.currentFolder()).isEqualTo(v2);
        assertThat(afterRestart.healthy()).isTrue();
        // What a rollback goes back to is what it was before any of this.
        assertThat(HostRunner.rollbackTarget(afterRestart)).isEqualTo(v1);
        assertThat(afterRestart.ledger().stream().map(e -> e.kind() + " " + e.outcome()).toList())
                .containsSubsequence("deploy LIVE", "deploy LIVE", "stop STOPPED", "start LIVE", "start LIVE", "restart LIVE");
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
    }

    @Test
    void aRestartThatDoesNotBecomeHealthyIsAppDownWithEvidence() throws Exception {
        int port = freePort();
        HostRunner runner = twoReleases("operate-down", port, 8);
        // Something on the host breaks the running release: it will not be healthy once restarted.
        Files.writeString(deploys.envDir().resolve("current/health-behaviour"), "fail\n");

        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.restart(OP, Duration.ZERO, progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.APP_DOWN);
        assertThat(result.message()).contains("not healthy", "no app runs there now");
        assertThat(result.evidence()).contains("unhealthy: cannot log in with token ********").doesNotContain(SECRET);
        assertThat(progress.all()).doesNotContain(SECRET);
        assertThat(runner.state("shop", "staging", false).appAlive()).isFalse();
        assertThat(HostRunner.rollbackTarget(runner.state("shop", "staging", false)))
                .isEqualTo(release("v1", okArtifact, port, "", 60, 3).releaseName());
    }

    @Test
    void operatingWhereNothingIsDeployedSaysSo() throws Exception {
        HostRunner runner = runnerFor("operate-empty");
        DeployResult result = runner.start(OP, Duration.ZERO, new RecordingProgress());
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("Nothing is deployed");
        assertThatThrownBy(() -> runner.exec(OP, "true", line -> { }, new RecordingProgress()))
                .isInstanceOf(StageboardException.class).hasMessageContaining("Nothing is deployed");
    }

    @Test
    void execRunsInTheCurrentReleaseWithItsConfigStreamsMaskedOutputAndReturnsTheExitCode() throws Exception {
        int port = freePort();
        HostRunner runner = twoReleases("exec", port);
        List<String> lines = new CopyOnWriteArrayList<>();

        int code = runner.exec(OP, "echo greeting=\"$GREETING\"; echo token=$API_TOKEN >&2; cat health-behaviour; exit 3",
                lines::add, new RecordingProgress());

        assertThat(code).isEqualTo(3);
        assertThat(lines).contains("greeting=hello from v2", "token=********", "ok");
        assertThat(String.join("\n", lines)).doesNotContain(SECRET);
        assertThat(runner.exec(OP, "true", lines::add, new RecordingProgress())).isZero();
    }

    @Test
    void cancellingExecEndsTheCommandOnTheHost() throws Exception {
        int port = freePort();
        HostRunner runner = twoReleases("exec-cancel", port);
        Path pidFile = deploys.envDir().resolve("exec-sleeper.pid");
        RecordingProgress progress = new RecordingProgress();
        List<String> lines = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> runner.exec(OP, "echo $$ > " + pidFile + "; echo sleeping; exec sleep 300", line -> {
            lines.add(line);
            progress.cancelled = true; // the user cancels once the first line is shown
        }, progress)).isInstanceOf(CancelledException.class);

        assertThat(lines).containsExactly("sleeping");
        long sleeper = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(isAlive(sleeper)).isFalse();
        // exec is not recorded in the host's ledger (the pipeline records it).
        assertThat(deploys.ledgerLines()).noneMatch(line -> line.contains("\"kind\":\"exec\""));
    }

    @Test
    void logsTailAndFollowTheAppLogMasked() throws Exception {
        int port = freePort();
        HostRunner runner = twoReleases("logs", port);
        List<String> tail = new CopyOnWriteArrayList<>();

        runner.logs(OP, null, 50, false, tail::add, new RecordingProgress());

        assertThat(tail).anyMatch(line -> line.startsWith("demo server: listening on 127.0.0.1:" + port));
        assertThat(tail).anyMatch(line -> line.contains("API_TOKEN=********"));
        assertThat(String.join("\n", tail)).doesNotContain(SECRET);
        List<String> two = new CopyOnWriteArrayList<>();
        runner.logs(OP, null, 2, false, two::add, new RecordingProgress());
        assertThat(two).hasSize(2);

        // Follow: a line written after it started arrives, then cancelling ends it.
        RecordingProgress following = new RecordingProgress();
        List<String> followed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> follow = CompletableFuture.runAsync(() -> runner.logs(OP, "web.1", 1, true, followed::add, following));
        waitUntil(() -> !followed.isEmpty());
        Files.writeString(deploys.envDir().resolve("shared/log/web.1.log"), "written after follow started, token " + SECRET + "\n",
                StandardOpenOption.APPEND);
        waitUntil(() -> followed.stream().anyMatch(line -> line.startsWith("written after follow started")));
        following.cancelled = true;
        follow.get(30, TimeUnit.SECONDS);
        assertThat(followed).contains("written after follow started, token ********");
        assertThat(following.logs).contains("stopped following");
    }

    @Test
    void logsOfSeveralInstancesArePrefixedAndOneCanBeChosen() throws Exception {
        int port = freePort();
        HostRunner runner = twoReleases("logs-instances", port);
        // Next to the app's own web.1.log, two worker instances' logs.
        Path logDir = deploys.envDir().resolve("shared/log");
        Files.writeString(logDir.resolve("worker.1.log"), "worker one uses " + SECRET + "\nworker one done\n");
        Files.writeString(logDir.resolve("worker.2.log"), "worker two done\n");

        List<String> all = new CopyOnWriteArrayList<>();
        runner.logs(OP, null, 10, false, all::add, new RecordingProgress());
        assertThat(all).contains("worker.1 | worker one uses ********", "worker.1 | worker one done", "worker.2 | worker two done");
        assertThat(all).anyMatch(line -> line.startsWith("web.1 | demo server: listening on"));
        assertThat(String.join("\n", all)).doesNotContain(SECRET);

        List<String> worker = new CopyOnWriteArrayList<>();
        runner.logs(OP, "worker.1", 1, false, worker::add, new RecordingProgress());
        assertThat(worker).containsExactly("worker one done");
        assertThatThrownBy(() -> runner.logs(OP, "web.9", 1, false, line -> { }, new RecordingProgress()))
                .hasMessageContaining("web.1, worker.1, worker.2");
    }

    /** Polls until the condition holds; fails after a minute (no timing is asserted). */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within a minute");
            }
            Thread.sleep(50);
        }
    }
}
