package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stageboard.run.DemoDeploys.isAlive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.RunSettings;
import org.stageboard.ssh.SshSession;
import org.stageboard.testing.SshTestServer;

/** Starting and stopping real app processes over SSH under their supervisor: detached start, TERM then KILL, whole process group, pid reuse. */
class AppProcessTest {

    @TempDir
    static Path work;
    static SshTestServer server;

    private RemoteLayout layout;
    private final List<Process> foreign = new ArrayList<>();
    private DemoDeploys deploys;

    @BeforeAll
    static void startServer() {
        server = SshTestServer.start(work);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void releaseFolder() throws IOException {
        Path base = Files.createTempDirectory(server.baseDir(), "proc");
        Path env = Files.createDirectories(base.resolve("shop/staging"));
        Files.createDirectories(env.resolve("releases/r1"));
        Files.writeString(env.resolve("releases/r1/.env"), "GREETING='hi'\n");
        Files.createSymbolicLink(env.resolve("current"), Path.of("releases/r1"));
        layout = new RemoteLayout(env.toString());
        deploys = new DemoDeploys(base);
    }

    @AfterEach
    void cleanUp() {
        deploys.killAll();
        foreign.forEach(Process::destroyForcibly);
    }

    private static RunSettings settings(String startCommand) {
        return new RunSettings(startCommand, "http://127.0.0.1:1/health", 5, 1, 3);
    }

    /** Starts the one web instance of {@code current} and returns its supervisor's pid (its process group). */
    private int start(RemoteShell shell, String command) {
        List<Instances.Started> started = Instances.startAll(shell, layout, settings(command), "r1", org.stageboard.core.Progress.NONE);
        assertThat(started).hasSize(1);
        deploys.remember(started.get(0).pid());
        return started.get(0).pid();
    }

    @Test
    void anAppThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            java.nio.file.Path trapped = server.baseDir().resolve("term-ignored");
            int pid = start(shell, "trap '' TERM; touch " + trapped + "; exec sleep 600");
            // TERM sent before the app ignores it would simply stop it: wait until the trap is set.
            org.awaitility.Awaitility.await("the app ignoring TERM").atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> java.nio.file.Files.exists(trapped));

            assertThat(deploys.pidFromFile()).isEqualTo(pid);
            assertThat(AppProcess.isRunning(shell, pid)).isTrue();
            assertThat(Instances.stopAll(shell, layout, 1)).isEqualTo("web.1 killed after 1 s");
            assertThat(isAlive(pid)).isFalse();
            assertThat(AppProcess.isRunning(shell, pid)).isFalse();
            assertThat(Path.of(layout.pidFile())).doesNotExist();
            assertThat(Path.of(Instances.runDir(layout), "web.1.pid")).doesNotExist();
        }
    }

    @Test
    void stoppingReachesTheWholeProcessGroup() throws Exception {
        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            int pid = start(shell, "sleep 600 & sleep 600 & wait");
            Thread.sleep(300);
            // The supervisor, the app's shell and its two sleeps.
            assertThat(liveInGroup(pid)).hasSizeGreaterThanOrEqualTo(4);

            assertThat(Instances.stopAll(shell, layout, 5)).isEqualTo("web.1 stopped");
            assertThat(liveInGroup(pid)).isEmpty();
            assertThat(Files.readString(Path.of(Instances.logFile(layout, "web.1")))).doesNotContain("restarting");
        }
    }

    @Test
    void aPidThatNowBelongsToAnotherProcessIsLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "600").directory(work.toFile()).start();
        foreign.add(other);
        Files.createDirectories(Path.of(Instances.runDir(layout)));
        Files.writeString(Path.of(Instances.runDir(layout), "web.1.pid"), other.pid() + "\n");
        try (SshSession ssh = SshSession.open(server.target())) {
            String result = Instances.stopAll(new RemoteShell(ssh), layout, 1);

            assertThat(result).startsWith("web.1 left alone");
            assertThat(other.isAlive()).isTrue();
        }
    }

    @Test
    void theConfigIsInTheAppsEnvironmentAndItsOutputInItsInstanceLog() throws Exception {
        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            start(shell, "echo \"greeting=$GREETING process=$STAGEBOARD_PROCESS\"; exec sleep 600");
            Thread.sleep(300);

            assertThat(Files.readString(Path.of(layout.envDir(), "shared/log/web.1.log")))
                    .contains("starting r1 as web.1", "greeting=hi process=web.1");
            Instances.stopAll(shell, layout, 1);
        }
    }

    /** Processes of the group that are not zombies, read from /proc. */
    private static List<Long> liveInGroup(long pgid) throws IOException {
        List<Long> result = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (!proc.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[2]) == pgid && !fields[0].equals("Z")) {
                        result.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException ignored) {
                    // The process ended while we looked.
                }
            }
        }
        return result;
    }
}
