package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.cli.CliHarness.Result;

/** stop, start, restart, exec and logs from the CLI on a deployed app: exit codes, output, history. */
class CliOperateTest {

    @TempDir
    Path tmp;

    private CliHarness h;

    @BeforeEach
    void setUp() {
        h = CliHarness.start(tmp).withStagingV1(40);
        h.ok("deploy", "-e", "staging");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void stopStartAndRestartTheRunningReleaseWithoutANewOne() {
        Result stop = h.ok("stop", "-e", "staging");
        assertThat(stop.out()).contains("vps1  staging v1  stop  stopped");
        assertThat(h.app()).isEqualTo("unreachable");
        assertThat(h.ok("status").out()).contains("staging v1 · app stopped on purpose", "! stopped on purpose by ");

        assertThat(h.ok("start", "-e", "staging").out()).contains("vps1  staging v1  start  live");
        assertThat(h.app()).isEqualTo("first");
        assertThat(h.ok("restart", "-e", "staging", "--host", "vps1").out()).contains("vps1  staging v1  restart  live");
        assertThat(h.app()).isEqualTo("first");
        assertThat(h.ok("history").out()).contains("restart", "start", "stop");
        assertThat(h.ok("releases", "-e", "staging").out()).doesNotContain("v2");
    }

    @Test
    void aHostWithNothingDeployedIsSaidAndTheEnvironmentsOtherHostsAreStillActedOn() {
        h.ok("host", "add", "vps0", "--address", h.server.address(), "--port", Integer.toString(h.server.port()), "--user", h.server.user(),
                "--key", h.server.clientKey().toString(), "--base-dir", h.server.baseDir().resolve("empty").toString());
        h.ok("host", "trust", "vps0", "--fingerprint", h.server.hostKeyFingerprint());
        h.ok("env", "attach", "staging", "vps0");
        h.ok("env", "order", "staging", "vps0", "vps1");

        Result stop = h.cli("stop", "-e", "staging");

        assertThat(stop.code()).as(stop.all()).isEqualTo(1);
        assertThat(stop.err()).contains("error: vps0: Nothing of staging runs on vps0 yet");
        assertThat(stop.out()).contains("vps1  staging v1  stop  stopped");
        assertThat(h.app()).isEqualTo("unreachable");
        Result start = h.cli("start", "-e", "staging");
        assertThat(start.code()).isEqualTo(1);
        assertThat(start.out()).contains("vps1  staging v1  start  live");
        assertThat(h.app()).isEqualTo("first");
    }

    @Test
    void execStreamsTheCommandsOutputWithTheReleasesConfigAndExitsWithItsCode() {
        h.ok("config", "set", "-e", "staging", "GREETING=second");
        Result exec = h.cli("exec", "-e", "staging", "--", "sh", "-c", "echo \"greeting=$GREETING\"; exit 3");
        assertThat(exec.code()).isEqualTo(3);
        assertThat(exec.out()).as("the running release's config (v1), not the latest").contains("greeting=first");
        assertThat(exec.err()).contains("exit code 3");
        assertThat(h.ok("exec", "-e", "staging", "--", "test -f health-behaviour && echo in-the-release-folder").out())
                .contains("in-the-release-folder");
    }

    @Test
    void logsPrintTheAppsLastLines() {
        Result logs = h.ok("logs", "-e", "staging", "-n", "20");
        assertThat(logs.out()).contains("demo server: listening on 127.0.0.1:" + h.port);
        assertThat(h.cli("logs", "-e", "staging", "--process", "web").err()).contains("write TYPE.N");
    }
}
