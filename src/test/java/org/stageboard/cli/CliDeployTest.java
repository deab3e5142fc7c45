package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;

/** The CLI does the whole journey, deploy and rollback included, against a real SSH server. */
class CliDeployTest {

    @TempDir
    Path tmp;

    private SshTestServer server;
    private StageboardHome home;
    private Path repo;
    private int port;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        server = SshTestServer.start(tmp.resolve("ssh"));
        home = new StageboardHome(tmp.resolve("home"));
        port = AppProcesses.freePort();
        try (GitFixture git = GitFixture.init(tmp.resolve("repo"))) {
            git.copyResource("/demo-app/Server.java", "Server.java").write("health-behaviour", "ok\n").commit("app");
            repo = git.dir();
        }
    }

    @AfterEach
    void tearDown() {
        AppProcesses.killAll(server.baseDir());
        server.close();
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private void ok(String... args) {
        Result r = cli(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    }

    @Test
    void deploysTrustsKeysExplicitlyAndRollsBack() {
        ok("project", "add", "demo", "--repo", repo.toString(), "--build-command", "test -f Server.java", "--artifacts", "Server.java,health-behaviour");
        ok("build");
        ok("env", "add", "staging", "--start", "java Server.java", "--health", "http://127.0.0.1:" + port + "/health", "--health-timeout", "40");
        ok("config", "set", "-e", "staging", "PORT=" + port, "GREETING=first");
        ok("release", "-e", "staging");
        ok("host", "add", "vps1", "--address", server.address(), "--port", Integer.toString(server.port()), "--user", server.user(),
                "--key", server.clientKey().toString(), "--base-dir", server.baseDir().toString());
        ok("env", "attach", "staging", "vps1");

        Result untrusted = cli("deploy", "-e", "staging");
        assertThat(untrusted.code()).isEqualTo(1);
        assertThat(untrusted.err()).contains(server.hostKeyFingerprint());

        Result shown = cli("host", "trust", "vps1");
        assertThat(shown.code()).isEqualTo(1);
        assertThat(shown.out()).contains(server.hostKeyFingerprint()).contains("NOT TRUSTED");
        assertThat(shown.err()).contains("--fingerprint " + server.hostKeyFingerprint());
        ok("host", "trust", "vps1", "--fingerprint", server.hostKeyFingerprint());
        ok("host", "check", "vps1");

        Result deploy = cli("deploy", "-e", "staging");
        assertThat(deploy.code()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("vps1  staging v1  deploy  live");
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("first");

        ok("config", "set", "-e", "staging", "GREETING=second");
        ok("release", "-e", "staging");
        ok("deploy", "-e", "staging");
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("second");
        assertThat(cli("status").out()).contains("vps1  staging v2");

        Result back = cli("rollback", "-e", "staging");
        assertThat(back.code()).as(back.err()).isZero();
        assertThat(back.out()).contains("staging v1  rollback  live");
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("first");
        assertThat(cli("history").out()).contains("rollback").contains("deploy").doesNotContain("Exception");
    }
}
