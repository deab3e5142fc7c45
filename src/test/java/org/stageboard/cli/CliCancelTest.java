package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.Stageboard;

/**
 * Ctrl-C on a real CLI process (a second JVM) during a deploy's health wait: the process cleans up
 * on the host before it exits with 130, and its progress reaches a pipe line by line as it happens.
 */
class CliCancelTest {

    @TempDir
    Path tmp;

    private CliHarness h;
    private Process process;

    @BeforeEach
    void setUp() {
        h = CliHarness.start(tmp).withStagingV1(60);
        h.ok("deploy", "-e", "staging");
        assertThat(h.app()).isEqualTo("first");
        h.release("fail", "never healthy"); // staging v2: /health answers 500 until the 60 s timeout
    }

    @AfterEach
    void tearDown() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        h.close();
    }

    @Test
    void ctrlCDuringTheHealthWaitRollsTheHostBackReleasesTheLockAndExits130() throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", // SIGINT may be ignored by inheritance
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                StageboardCli.class.getName(), "deploy", "-e", "staging"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("STAGEBOARD_HOME", h.home.root().toString());
        process = builder.start();
        List<String> err = lines(process.getErrorStream());
        List<String> out = lines(process.getInputStream());

        await().atMost(Duration.ofSeconds(30)).until(() -> err.stream().anyMatch(l -> l.startsWith("-> connect")));
        assertThat(process.isAlive()).as("the first progress line reached the pipe while the CLI still works").isTrue();
        await().atMost(Duration.ofSeconds(45)).until(() -> err.contains("-> health check"));
        assertThat(h.envDir().resolve(".stageboard/lock")).isDirectory();

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();

        assertThat(process.waitFor(150, TimeUnit.SECONDS)).as("the CLI ends after cleaning up").isTrue();
        String printed = String.join("\n", err) + "\n" + String.join("\n", out);
        assertThat(process.exitValue()).as(printed).isEqualTo(130);
        assertThat(err).contains(CliContext.CANCELLING);
        assertThat(printed).contains("vps1  staging v2  deploy  cancelled").contains("cancelled: vps1: ");

        assertThat(h.envDir().resolve(".stageboard/lock")).doesNotExist();
        assertThat(h.app()).as("the previous release serves again").isEqualTo("first");
        try (Stageboard engine = Stageboard.open(h.home)) {
            var project = engine.project("demo");
            Run last = org.stageboard.pipeline.EngineAccess.catalog(engine).runs().forProject(project.id()).stream()
                    .max(java.util.Comparator.comparingLong(Run::id)).orElseThrow();
            assertThat(last.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(last.message()).contains("serves again");
        }
        assertThat(h.ok("status").out()).contains("vps1  staging v1 · app up").doesNotContain("! ");
        assertThat(h.ok("history").out()).contains("deploy  demo/staging v2 on vps1  cancelled");
    }

    /** Collects the stream's lines as they arrive, on a thread of its own. */
    private static List<String> lines(InputStream stream) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "cli-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
