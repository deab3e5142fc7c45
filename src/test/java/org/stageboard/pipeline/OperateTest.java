package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.AppProcesses;

/** Stop, start, restart, exec and logs through the engine, against a real SSH server and a real app; each recorded. */
class OperateTest extends EngineTestBase {

    private static final String TOKEN = "tok-3f9a1c77e2";

    private Environment staging;
    private Host host;
    private Release v1;

    @BeforeEach
    void deployed() {
        repo.copyResource("/demo-app/Server.java", "Server.java").write("health-behaviour", "ok\n").commit("app");
        Project project = engine.addProject("shop", repo.dir(), null, new Recipe("true", List.of("Server.java", "health-behaviour")));
        staging = engine.addEnvironment(project, "staging", new RunSettings("java Server.java", "http://127.0.0.1:" + appPort + "/health", 60, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(appPort), false),
                "GREETING", new ConfigEntry("GREETING", "hello from v1", false),
                "API_TOKEN", new ConfigEntry("API_TOKEN", TOKEN, true)), Set.of());
        host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, host);
        host = engine.trustHostKey(host, engine.checkHostKey(host).fingerprint());
        v1 = engine.release(engine.build(project, "main", progress), staging);
        assertThat(engine.deploy(v1, host, progress).status()).isEqualTo(RunStatus.LIVE);
    }

    @Test
    void stopStartAndRestartActOnTheCurrentReleaseAndAreRecordedAsItsRuns() {
        Run stopped = engine.stop(staging, host, Duration.ZERO, progress);
        assertThat(stopped.status()).as(stopped.message()).isEqualTo(RunStatus.STOPPED);
        assertThat(stopped.kind()).isEqualTo(RunKind.STOP);
        assertThat(stopped.releaseId()).isEqualTo(v1.id());
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("unreachable");
        HostStatus afterStop = engine.readHost(staging, host, false);
        assertThat(afterStop.state().appAlive()).isFalse();
        assertThat(afterStop.differences()).extracting(org.stageboard.core.Difference::kind)
                .as("a deliberate stop is not an app that went down").containsExactly(org.stageboard.core.Difference.Kind.STOPPED);
        assertThat(afterStop.summary()).isEqualTo("staging v1 · app stopped on purpose");

        Run started = engine.start(staging, host, Duration.ZERO, progress);
        assertThat(started.status()).as(started.message()).isEqualTo(RunStatus.LIVE);
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("hello from v1");
        assertThat(engine.readHost(staging, host, false).differences()).isEmpty();

        Run restarted = engine.restart(staging, host, Duration.ZERO, progress);
        assertThat(restarted.status()).as(restarted.message()).isEqualTo(RunStatus.LIVE);
        assertThat(restarted.kind()).isEqualTo(RunKind.RESTART);
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("hello from v1");
        assertThat(engine.runs(engine.project("shop"))).extracting(Run::kind)
                .containsSubsequence(RunKind.RESTART, RunKind.START, RunKind.STOP, RunKind.DEPLOY);
        // Operating the release does not change what a rollback goes back to: there is still nothing before v1.
        assertThat(engine.rollbackChoice(staging, host).possible()).isFalse();
    }

    @Test
    void execRunsInTheReleaseWithItsConfigStreamsMaskedOutputAndReturnsTheExitCode() {
        List<String> out = new CopyOnWriteArrayList<>();
        int exit = engine.exec(staging, host, "echo \"greeting=$GREETING token=$API_TOKEN\"; ls health-behaviour; exit 7", out::add, progress);
        assertThat(exit).isEqualTo(7);
        assertThat(out).contains("greeting=hello from v1 token=" + org.stageboard.core.Masker.MASK, "health-behaviour");
        assertThat(String.join("\n", out)).doesNotContain(TOKEN);
        Run run = engine.runs(engine.project("shop")).get(0);
        assertThat(run.kind()).isEqualTo(RunKind.EXEC);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.message()).contains("exited with code 7").doesNotContain(TOKEN);
        assertThat(engine.exec(staging, host, "true", line -> { }, progress)).isZero();
        assertThatThrownBy(() -> engine.exec(staging, host, " ", line -> { }, progress)).hasMessageContaining("Give the command");
    }

    @Test
    void logsShowTheTailMaskedAndFollowNewLinesUntilCancelled() throws Exception {
        List<String> tail = new CopyOnWriteArrayList<>();
        engine.logs(staging, host, null, 50, false, tail::add, progress);
        assertThat(String.join("\n", tail)).contains("demo server: config PORT=" + appPort + " API_TOKEN=" + org.stageboard.core.Masker.MASK).doesNotContain(TOKEN);

        List<String> followed = new CopyOnWriteArrayList<>();
        AtomicBoolean cancel = new AtomicBoolean();
        Progress cancellable = new Progress() {
            @Override
            public void step(String title) {
            }

            @Override
            public void log(String line) {
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        Thread follower = new Thread(() -> {
            try {
                engine.logs(staging, host, null, 0, true, followed::add, cancellable);
            } catch (org.stageboard.core.CancelledException expected) {
                // following ends by being cancelled
            }
        });
        follower.start();
        // A restart writes new lines to the log: the follower sees them as they come.
        assertThat(engine.restart(staging, host, Duration.ZERO, progress).status()).isEqualTo(RunStatus.LIVE);
        for (int i = 0; i < 300 && followed.stream().noneMatch(l -> l.contains("listening on")); i++) {
            Thread.sleep(100);
        }
        cancel.set(true);
        follower.join(30_000);
        assertThat(follower.isAlive()).isFalse();
        assertThat(followed).anyMatch(l -> l.contains("demo server: listening on 127.0.0.1:" + appPort));
        assertThat(String.join("\n", followed)).doesNotContain(TOKEN);
    }

    @Test
    void operatingAHostWithNothingDeployedSaysSo() {
        Host vps2 = engine.addHost("vps2", server.address(), server.port(), server.user(), server.clientKey(),
                server.baseDir().resolve("other").toString());
        engine.attachHost(staging, vps2);
        Host trusted = engine.trustHostKey(vps2, engine.checkHostKey(vps2).fingerprint());
        assertThatThrownBy(() -> engine.restart(staging, trusted, Duration.ZERO, progress))
                .hasMessageContaining("Nothing of staging runs on vps2 yet");
    }
}
