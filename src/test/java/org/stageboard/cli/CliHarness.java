package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;

/**
 * The CLI in this JVM against a real SSH server and a real repository holding the demo app:
 * project {@code demo}, environment {@code staging} on host {@code vps1}, app on a free port.
 */
final class CliHarness implements AutoCloseable {

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final SshTestServer server;
    final StageboardHome home;
    final int port;
    private final GitFixture git;

    private CliHarness(SshTestServer server, StageboardHome home, int port, GitFixture git) {
        this.server = server;
        this.home = home;
        this.port = port;
        this.git = git;
    }

    static CliHarness start(Path tmp) {
        GitFixture git = GitFixture.init(tmp.resolve("repo"));
        git.copyResource("/demo-app/Server.java", "Server.java").write("health-behaviour", "ok\n").commit("app");
        return new CliHarness(SshTestServer.start(tmp.resolve("ssh")), new StageboardHome(tmp.resolve("home")), AppProcesses.freePort(), git);
    }

    Result cli(String... args) {
        return cliWithInput("", args);
    }

    Result cliWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The CLI as at a console: passphrases are asked for at {@code terminal}. */
    Result cliAtTerminal(CliContext.Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true),
                terminal, args);
        return new Result(code, out.toString(), err.toString());
    }

    Result ok(String... args) {
        Result r = cli(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    /** Project, build #1, environment staging (health timeout in seconds), config v1, release v1, host vps1 trusted and attached. */
    CliHarness withStagingV1(int healthTimeoutSeconds) {
        ok("project", "add", "demo", "--repo", git.dir().toString(), "--build-command", "test -f Server.java",
                "--artifacts", "Server.java,health-behaviour");
        ok("build");
        ok("env", "add", "staging", "--start", "java Server.java", "--health", "http://127.0.0.1:" + port + "/health",
                "--health-timeout", Integer.toString(healthTimeoutSeconds));
        ok("config", "set", "-e", "staging", "PORT=" + port, "GREETING=first");
        ok("release", "-e", "staging");
        ok("host", "add", "vps1", "--address", server.address(), "--port", Integer.toString(server.port()), "--user", server.user(),
                "--key", server.clientKey().toString(), "--base-dir", server.baseDir().toString());
        ok("host", "trust", "vps1", "--fingerprint", server.hostKeyFingerprint());
        ok("env", "attach", "staging", "vps1");
        return this;
    }

    /** A new commit whose /health answers as {@code healthBehaviour} ("ok", "fail", "exit"), built and released with a new greeting. */
    void release(String healthBehaviour, String greeting) {
        git.write("health-behaviour", healthBehaviour + "\n").commit("health " + healthBehaviour);
        ok("build");
        ok("config", "set", "-e", "staging", "GREETING=" + greeting);
        ok("release", "-e", "staging");
    }

    /** The repository of project demo, to commit to. */
    GitFixture git() {
        return git;
    }

    /** {@code <base>/demo/staging} on the host. */
    Path envDir() {
        return server.baseDir().resolve("demo").resolve("staging");
    }

    /** What the app answers on / : its greeting, or "unreachable". */
    String app() {
        return AppProcesses.get("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() {
        AppProcesses.killAll(server.baseDir());
        server.close();
        git.close();
    }
}
