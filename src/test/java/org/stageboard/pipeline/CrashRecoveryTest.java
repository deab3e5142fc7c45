package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.LockInfo;
import org.stageboard.testing.AppProcesses;

/**
 * A deploy whose process is killed with SIGKILL in the middle of its health wait (a real forked
 * JVM running the CLI): the catalog marks the run interrupted, the host's guard puts the good
 * release back by itself within seconds (the killed process's tether ends with its connection),
 * the host's lock shows as stale naming the dead process, a deploy is refused until the lock is
 * broken explicitly, and the broken release, never live, is nothing to roll back to.
 */
class CrashRecoveryTest extends EngineTestBase {

    @Test
    void aDeployKilledDuringItsHealthWaitIsInterruptedTheHostPutsTheGoodReleaseBackAndItsStaleLockIsBrokenExplicitly()
            throws Exception {
        String good = repo.copyResource("/demo-app/Server.java", "Server.java").write("health-behaviour", "ok\n").commit("good");
        Project project = engine.addProject("demo", repo.dir(), null, new Recipe("true", List.of("Server.java", "health-behaviour")));
        Environment staging = engine.addEnvironment(project, "staging",
                new RunSettings("java Server.java", "http://127.0.0.1:" + appPort + "/health", 120, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(appPort), false),
                "GREETING", new ConfigEntry("GREETING", "good one", false)), Set.of());
        Host host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, host);
        host = engine.trustHostKey(host, engine.checkHostKey(host).fingerprint());
        Release v1 = engine.release(engine.build(project, good, progress), staging);
        assertThat(engine.deploy(v1, host, progress).status()).isEqualTo(RunStatus.LIVE);

        String bad = repo.write("health-behaviour", "fail\n").commit("bad");
        Release v2 = engine.release(engine.build(project, bad, progress), staging);

        // A real CLI process deploys v2 (which never gets healthy) and is killed in its health wait.
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                "org.stageboard.cli.StageboardCli", "deploy", "-e", "staging", "-r", "2")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("STAGEBOARD_HOME", tmp.resolve("home").toString());
        Process cli = builder.start();
        cli.getOutputStream().close();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // The process was killed.
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> lines.stream().anyMatch(l -> l.contains("-> health check")));
        assertThat(cli.isAlive()).as("progress reached the pipe while the deploy ran: " + lines).isTrue();
        cli.destroyForcibly();
        assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // Next start of any Stageboard process on this catalog: the run is interrupted, not "deploying" for ever.
        assertThat(engine.catalog().recoverInterrupted().runs()).isEqualTo(1);
        Run interrupted = engine.catalog().runs().forProject(project.id()).get(0);
        assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(interrupted.releaseId()).isEqualTo(v2.id());

        // The host's guard saw the dead CLI's tether (a shell held open over its SSH connection) end, and put v1 back
        // by itself, within seconds: far sooner than the lock's heartbeat (60 s) could have said the run was gone.
        Path restoredLog = server.baseDir().resolve("demo/staging/.stageboard/guard-restored.log");
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> java.nio.file.Files.readString(restoredLog).contains("started staging v1 again"));
        assertThat(java.nio.file.Files.readString(restoredLog)).contains("switching away from staging v1 (its connection to the host closed)");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> AppProcesses.get("http://127.0.0.1:" + appPort + "/").equals("good one"));

        // The host is the truth: it runs v1 again, healthy, and the dead run's lock is stale, naming the killed process.
        HostStatus status = engine.readHost(staging, host, true);
        assertThat(status.running()).isEqualTo(v1);
        assertThat(status.expected()).isEqualTo(v1);
        assertThat(status.state().healthy()).isTrue();
        assertThat(status.drift()).anyMatch(d -> d.startsWith("lock STALE") && d.contains("pid " + cli.pid()));

        // A deploy is refused while the stale lock stands, naming the holder and the explicit way out.
        Run refused = engine.deploy(v1, host, progress);
        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.message()).contains("STALE", "pid " + cli.pid(), "stageboard lock break -e staging --host vps1");

        LockInfo lock = engine.lock(staging, host).orElseThrow();
        assertThat(lock.stale()).isTrue();
        assertThat(engine.breakLock(staging, host, lock.holder())).isTrue();
        assertThat(engine.lock(staging, host)).isEmpty();

        // v2 never went live (the guard's restore is not an activation): the ledger has nothing earlier than v1 to go back to.
        RollbackChoice choice = engine.rollbackChoice(staging, host);
        assertThat(choice.possible()).as(choice.explanation()).isFalse();
        assertThat(choice.explanation()).contains("Nothing to roll back to", "now: staging v1");
        assertThat(engine.readHost(staging, host, true).agrees()).isTrue();
    }

    private static String javaBin() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
