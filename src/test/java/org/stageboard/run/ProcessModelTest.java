package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stageboard.run.DemoDeploys.isAlive;
import static org.stageboard.run.DemoDeploys.release;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Hooks;
import org.stageboard.core.HostState;
import org.stageboard.core.InstanceState;
import org.stageboard.core.Processes;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.Supervision;
import org.stageboard.ssh.SshSession;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.RecordingProgress;

/**
 * Process types and scale on a real host: web=2 and worker=1 started, health-checked on each web
 * instance's own PORT and stopped together; one killed instance restarted alone by its
 * supervisor, the restart recorded; a process that always crashes makes its supervisor give up,
 * and the host's state says so.
 */
class ProcessModelTest extends HostTestBase {

    private static final String WORKER = "worker: echo \"worker up as $STAGEBOARD_PROCESS, greeting $GREETING\"; exec sleep 600";

    /** The demo release with {@code web} (the demo server) and a worker, at the given counts. */
    private static RemoteRelease scaled(String name, int port, Map<String, Integer> scale) {
        RemoteRelease r = release(name, okArtifact, port, "hello from " + name, 60, 3);
        RunSettings run = r.run().withProcesses(new Processes("web: " + DemoDeploys.startCommand() + "\n" + WORKER, scale));
        return new RemoteRelease(r.identity(), r.artifactFile(), r.env(), r.secretValues(), run, r.actor(), r.releaseJson());
    }

    /** A port whose next port is free too (web.1 and web.2 serve on port and port + 1). */
    private static int twoFreePorts() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = DemoDeploys.freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no two free ports in a row");
    }

    private String log(String instance) throws IOException {
        return Files.readString(deploys.envDir().resolve("shared/log/" + instance + ".log"));
    }

    @Test
    void twoProcessTypesWithCountsAreStartedCheckedOnTheirOwnPortsAndStoppedTogether() throws Exception {
        HostRunner runner = runnerFor("types-and-counts");
        int port = twoFreePorts();
        RecordingProgress progress = new RecordingProgress();

        DeployResult v1 = runner.activate(scaled("v1", port, Map.of("web", 2, "worker", 1)), progress);

        assertThat(v1.status()).as(progress.all()).isEqualTo(RunStatus.LIVE);
        // Each web instance serves on its own PORT, and was health-checked there.
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("hello from v1");
        assertThat(AppProcesses.get("http://127.0.0.1:" + (port + 1) + "/")).isEqualTo("hello from v1");
        assertThat(progress.logs).anyMatch(l -> l.startsWith("web.1: http://127.0.0.1:" + port + "/health answered: HTTP 200"));
        assertThat(progress.logs).anyMatch(l -> l.startsWith("web.2: http://127.0.0.1:" + (port + 1) + "/health answered: HTTP 200"));
        assertThat(log("web.1")).contains("config PORT=" + port + " ");
        assertThat(log("web.2")).contains("config PORT=" + (port + 1) + " ");
        assertThat(log("worker.1")).contains("worker up as worker.1, greeting hello from v1");

        HostState state = runner.state("shop", "staging", false);
        assertThat(state.instances()).extracting(InstanceState::name).containsExactly("web.1", "web.2", "worker.1");
        assertThat(state.instances()).allMatch(InstanceState::alive).allMatch(i -> i.restarts() == 0 && i.gaveUp() == null);
        assertThat(state.appAlive()).isTrue();
        assertThat(state.instanceProblems()).isEmpty();
        List<Long> v1Supervisors = List.of(deploys.instancePid("web.1"), deploys.instancePid("web.2"), deploys.instancePid("worker.1"));
        List<Long> v1Apps = List.of(deploys.childPid("web.1"), deploys.childPid("web.2"), deploys.childPid("worker.1"));

        // v2 runs one web and no worker: what ran is read from the host, and all of it is stopped.
        RecordingProgress second = new RecordingProgress();
        DeployResult v2 = runner.activate(scaled("v2", port, Map.of("web", 1, "worker", 0)), second);

        assertThat(v2.status()).as(second.all()).isEqualTo(RunStatus.LIVE);
        assertThat(second.logs).anyMatch(l -> l.contains("web.1 stopped") && l.contains("web.2 stopped") && l.contains("worker.1 stopped"));
        assertThat(v1Supervisors).noneMatch(DemoDeploys::isAlive);
        assertThat(v1Apps).noneMatch(DemoDeploys::isAlive);
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("hello from v2");
        assertThat(AppProcesses.get("http://127.0.0.1:" + (port + 1) + "/")).isEqualTo("unreachable");
        assertThat(runner.state("shop", "staging", false).instances()).extracting(InstanceState::name).containsExactly("web.1");
        assertThat(deploys.envDir().resolve(".stageboard/run/worker.1.pid")).doesNotExist();
    }

    @Test
    void aKilledInstanceIsRestartedAloneAndTheRestartRecorded() throws Exception {
        HostRunner runner = runnerFor("crash-one");
        int port = twoFreePorts();
        RecordingProgress progress = new RecordingProgress();
        assertThat(runner.activate(scaled("v1", port, Map.of("web", 2, "worker", 1)), progress).status())
                .as(progress.all()).isEqualTo(RunStatus.LIVE);
        long web1 = deploys.childPid("web.1");
        long web2 = deploys.childPid("web.2");
        long worker = deploys.childPid("worker.1");
        long workerSupervisor = deploys.instancePid("worker.1");

        // The worker's process dies (as with an OOM kill); its supervisor stays.
        ProcessHandle handle = ProcessHandle.of(worker).orElseThrow();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            long now = deploys.childPid("worker.1");
            return now != worker && isAlive(now);
        });
        assertThat(isAlive(workerSupervisor)).isTrue();
        assertThat(deploys.childPid("web.1")).isEqualTo(web1);
        assertThat(deploys.childPid("web.2")).isEqualTo(web2);
        assertThat(isAlive(web1)).isTrue();
        assertThat(isAlive(web2)).isTrue();
        assertThat(Files.readAllLines(deploys.envDir().resolve(".stageboard/restarts.log")))
                .singleElement().asString().matches("\\S+Z worker\\.1 exit 137 attempt 1 ran \\d+s restart in 1s");
        assertThat(log("worker.1")).contains("worker.1 exited with code 137").containsPattern("(?s)worker up as worker.1.*worker up as worker.1");

        HostState state = runner.state("shop", "staging", false);
        assertThat(state.instances()).extracting(InstanceState::name, InstanceState::restarts, InstanceState::alive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web.1", 0, true), org.assertj.core.groups.Tuple.tuple("web.2", 0, true),
                        org.assertj.core.groups.Tuple.tuple("worker.1", 1, true));
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("hello from v1");
    }

    @Test
    void aProcessThatAlwaysCrashesMakesItsSupervisorGiveUpAndTheHostStateSaysSo() throws Exception {
        runnerFor("give-up");
        Path env = deploys.envDir();
        Files.createDirectories(env.resolve("releases/r1"));
        Files.writeString(env.resolve("releases/r1/.env"), "GREETING='hi'\n");
        Files.createSymbolicLink(env.resolve("current"), Path.of("releases/r1"));
        RemoteLayout layout = new RemoteLayout(env.toString());
        RunSettings run = new RunSettings("", "command:true", 5, 1, 3,
                new Processes("web: exec sleep 600\nworker: echo crashing; exit 7", Map.of()), Supervision.PROCESS, List.of(), Hooks.NONE);
        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            List<Instances.Started> started = Instances.startAll(shell, layout, run, "r1", Progress.NONE);
            started.forEach(s -> deploys.remember(s.pid()));

            Path state = env.resolve(".stageboard/run/worker.1.state");
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(state) && !Files.readString(state).isBlank());

            assertThat(Files.readString(state).strip()).matches("gave up after 5 crashes; last exit code 7 at \\S+Z");
            List<String> restarts = Files.readAllLines(env.resolve(".stageboard/restarts.log"));
            assertThat(restarts).hasSize(5);
            assertThat(restarts.subList(0, 4)).allMatch(l -> l.contains(" worker.1 exit 7 attempt "));
            assertThat(restarts.get(0)).endsWith("restart in 1s");
            assertThat(restarts.get(3)).endsWith("restart in 8s");
            assertThat(restarts.get(4)).contains("worker.1 exit 7 attempt 5").endsWith("gave up");
            await().atMost(Duration.ofSeconds(10)).until(() -> !isAlive(started.get(1).pid()));

            HostState host = HostReader.read(shell, layout, false);
            assertThat(host.appAlive()).isFalse();
            InstanceState worker = host.instances().get(1);
            assertThat(worker.name()).isEqualTo("worker.1");
            assertThat(worker.alive()).isFalse();
            assertThat(worker.restarts()).isEqualTo(5);
            assertThat(host.instanceProblems()).singleElement().asString()
                    .startsWith("worker.1 gave up after 5 crashes; last exit code 7 at ");
            assertThat(host.instances().get(0).alive()).isTrue();

            assertThat(Instances.stopAll(shell, layout, 1)).contains("web.1 stopped", "worker.1 was not running");
        }
    }

    @Test
    void aNewReleaseWhoseWorkerCrashesIsRolledBackNamingTheInstance() throws Exception {
        HostRunner runner = runnerFor("worker-crash");
        int port = twoFreePorts();
        assertThat(runner.activate(scaled("v1", port, Map.of("web", 1)), new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

        RemoteRelease r = release("v2", okArtifact, port, "hello from v2", 60, 3);
        RunSettings run = r.run().withProcesses(new Processes("web: " + DemoDeploys.startCommand() + "\nworker: exit 4", Map.of()));
        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.activate(new RemoteRelease(r.identity(), r.artifactFile(), r.env(), r.secretValues(), run,
                r.actor(), r.releaseJson()), progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(result.message()).contains("instance worker.1 (pid ", "exited", "its supervisor restarted it");
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("hello from v1");
        // v1's own processes (web and its sleeping worker) run again.
        assertThat(runner.state("shop", "staging", false).instances()).extracting(InstanceState::name, InstanceState::alive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web.1", true), org.assertj.core.groups.Tuple.tuple("worker.1", true));
        assertThat(log("worker.1")).contains("worker up as worker.1, greeting hello from v1");
    }
}
