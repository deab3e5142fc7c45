package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Hooks;
import org.stageboard.core.RunSettings;
import org.stageboard.core.Supervision;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/** {@code env add/set/show} with the operating settings, on a real catalog file. */
class CliEnvSettingsTest {

    @TempDir
    Path tmp;
    private StageboardHome home;

    @BeforeEach
    void project() {
        try (GitFixture git = GitFixture.init(tmp.resolve("repo"))) {
            git.write("app.sh", "echo hi\n").commit("app");
        }
        home = new StageboardHome(tmp.resolve("home"));
        ok("project", "add", "demo", "--repo", tmp.resolve("repo").toString(), "--build-command", "true", "--artifacts", "app.sh");
    }

    @Test
    void anEnvironmentGetsProcessesScaleSupervisionSharedPathsAndHooks() throws Exception {
        Path procfile = Files.writeString(tmp.resolve("Procfile"), "web: ./serve\nworker: ./work\n");
        ok("env", "add", "production", "--processes-file", procfile.toString(), "--scale", "web=2", "--health", "http://127.0.0.1:8080/health",
                "--supervision", "systemd", "--share", "storage/", "--share", "db/app.sqlite", "--release-command", "./migrate");
        String[] set = ok("env", "set", "production", "--scale", "web=3,worker=2", "--unshare", "db/app.sqlite", "--share", "uploads/",
                "--after-switch", "./notify", "--release-command", "").split("\n");
        assertThat(String.join("\n", set)).contains("scale:           web=3,worker=2", "shared:          storage/ uploads/",
                "release command: (none)", "after switch:    ./notify", "note: uploads/ will be linked from shared/uploads/");

        try (Stageboard engine = Stageboard.open(home)) {
            RunSettings run = engine.environment(engine.project("demo"), "production").run();
            assertThat(run.processes().procfile()).isEqualTo("web: ./serve\nworker: ./work");
            assertThat(run.processes().scale()).containsEntry("web", 3).containsEntry("worker", 2);
            assertThat(run.supervision()).isEqualTo(Supervision.SYSTEMD_USER);
            assertThat(run.shared()).containsExactly("storage/", "uploads/");
            assertThat(run.hooks()).isEqualTo(new Hooks(null, null, "./notify"));
            assertThat(run.healthTimeoutSeconds()).isEqualTo(60);
        }
        assertThat(ok("env", "show", "production")).contains("  web: ./serve", "  worker: ./work", "supervision:     systemd-user",
                "rollout:         parallel, 5 at a time; on failure: roll back the switched hosts");
    }

    @Test
    void badSettingsAreRefusedSayingWhatToWrite() {
        ok("env", "add", "staging", "--start", "./serve", "--health", "http://127.0.0.1:8080/health");
        assertThat(fail("env", "set", "staging", "--processes", "web: ./serve", "--scale", "worker=2")).contains("'worker'", "web");
        assertThat(fail("env", "set", "staging", "--share", "../etc/")).contains("'../etc/' cannot be used");
        assertThat(fail("env", "set", "staging", "--supervision", "runit")).contains("Unknown supervision 'runit'");
        assertThat(fail("env", "set", "staging", "--unshare", "storage/")).contains("'storage/' is not shared");
        assertThat(fail("env", "set", "staging", "--processes", "web ./serve")).contains("line 1");
        assertThat(cli("env", "set", "staging").code()).isEqualTo(StageboardCli.USAGE);
        assertThat(cli("env", "add", "qa", "--health", "http://127.0.0.1:1/").err()).contains("Give --start CMD");
    }

    @Test
    void configCountsSayOneKeyAndTwoKeys() {
        ok("env", "add", "staging", "--start", "./serve", "--health", "http://127.0.0.1:8080/health");
        assertThat(ok("config", "set", "-e", "staging", "PORT=8080")).contains("staging config v1 (1 key)").doesNotContain("keys");
        assertThat(ok("config", "set", "-e", "staging", "DEBUG=1")).contains("staging config v2 (2 keys)");
        assertThat(ok("config", "unset", "-e", "staging", "DEBUG")).contains("staging config v3 (1 key)").doesNotContain("keys");
        assertThat(ok("config", "unset", "-e", "staging", "PORT")).contains("staging config v4 (0 keys)");
    }

    @Test
    void addingAnEnvironmentThatExistsSaysSoFirstAndHowToChangeIt() {
        ok("env", "add", "staging", "--start", "./serve", "--health", "http://127.0.0.1:8080/health");
        Result again = cli("env", "add", "staging", "--start", "./serve2");
        assertThat(again.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(again.err()).contains("Environment 'staging' already exists in project ")
                .contains("'stageboard env set staging --start CMD --health URL ...'").contains("'stageboard env show staging'")
                .doesNotContain("--health:").doesNotContain("Give --health");
        assertThat(ok("env", "show", "staging")).as("the environment is left as it was").contains("./serve").doesNotContain("./serve2");
    }

    private String ok(String... args) {
        Result r = cli(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r.out();
    }

    private String fail(String... args) {
        Result r = cli(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(StageboardCli.FAILED);
        return r.err();
    }

    private record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
