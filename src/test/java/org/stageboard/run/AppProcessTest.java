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

/** Starting and stopping real app processes over SSH: detached start, TERM then KILL, whole process group, pid reuse. */
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

    @Test
    void anAppThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            int pid = AppProcess.start(shell, layout, settings("trap '' TERM; exec sleep 600"), "r1");

            assertThat(deploys.pidFromFile()).isEqualTo(pid);
            assertThat(AppProcess.isRunning(shell, pid)).isTrue();
            assertThat(AppProcess.stop(shell, layout, pid, 1)).startsWith("killed after 1 s");
            assertThat(isAlive(pid)).isFalse();
            assertThat(AppProcess.isRunning(shell, pid)).isFalse();
        }
    }

    @Test
    void stoppingReachesTheWholeProcessGroup() throws Exception {
        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            int pid = AppProcess.start(shell, layout, settings("sleep 600 & sleep 600 & wait"), "r1");
            Thread.sleep(300);
            assertThat(liveInGroup(pid)).hasSizeGreaterThanOrEqualTo(3);

            assertThat(AppProcess.stop(shell, layout, pid, 5)).isEqualTo("stopped");
            assertThat(liveInGroup(pid)).isEmpty();
        }
    }

    @Test
    void aPidThatNowBelongsToAnotherProcessIsLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "600").directory(work.toFile()).start();
        foreign.add(other);
        try (SshSession ssh = SshSession.open(server.target())) {
            String result = AppProcess.stop(new RemoteShell(ssh), layout, (int) other.pid(), 1);

            assertThat(result).startsWith("left alone");
            assertThat(other.isAlive()).isTrue();
        }
    }

    @Test
    void theConfigIsInTheAppsEnvironmentAndItsOutputInTheLog() throws Exception {
        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            int pid = AppProcess.start(shell, layout, settings("echo \"greeting=$GREETING\"; exec sleep 600"), "r1");
            Thread.sleep(300);

            assertThat(Files.readString(Path.of(layout.appLog()))).contains("starting r1", "greeting=hi");
            AppProcess.stop(shell, layout, pid, 1);
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
