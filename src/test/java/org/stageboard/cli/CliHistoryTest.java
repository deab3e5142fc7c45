package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Actor;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/** history names every outcome in words, including runs whose process died (they have no event of their own). */
class CliHistoryTest {

    @TempDir
    Path tmp;

    @Test
    void showsARunWhoseProcessDiedAsInterrupted() throws Exception {
        StageboardHome home = new StageboardHome(tmp.resolve("home"));
        Path repo;
        try (GitFixture git = GitFixture.init(tmp.resolve("repo"))) {
            git.write("index.html", "hello").commit("page");
            repo = git.dir();
        }
        Path key = org.stageboard.testing.SshTestServer.writeClientKey(tmp.resolve("key"));
        cli(home, "project", "add", "site", "--repo", repo.toString(), "--build-command", "true", "--artifacts", "index.html");
        cli(home, "build");
        cli(home, "env", "add", "staging", "--start", "true", "--health", "http://127.0.0.1:1/");
        cli(home, "config", "set", "-e", "staging", "PORT=1");
        cli(home, "release", "-e", "staging");
        cli(home, "host", "add", "vps1", "--address", "127.0.0.1", "--user", "deploy", "--key", key.toString(), "--base-dir", "/srv/sb");
        cli(home, "env", "attach", "staging", "vps1");

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (Stageboard engine = Stageboard.open(home)) {
            var environment = engine.environment(engine.project("site"), "staging");
            var release = engine.releases(environment).get(0);
            org.stageboard.pipeline.EngineAccess.catalog(engine).runs().start(release.id(), engine.host("vps1").id(), RunKind.DEPLOY, tmp.resolve("run.log"), "ada",
                    new ProcessIdentity(Actor.current(), ProcessIdentity.machineName(), gone.pid(), null));
        }

        String history = cli(home, "history");
        assertThat(history).contains("ada  deploy  site/staging v1 on vps1  INTERRUPTED  - Interrupted: the process running it");
        assertThat(Formats.outcome("app_down")).isEqualTo("app down — host left without a running app");
        assertThat(Formats.outcome("cancelled")).isEqualTo(RunStatus.CANCELLED.label());
        assertThat(Formats.outcome("ok")).isEqualTo("ok");
    }

    private static String cli(StageboardHome home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(String.join(" ", args) + "\n" + out + err).isZero();
        return out.toString();
    }
}
