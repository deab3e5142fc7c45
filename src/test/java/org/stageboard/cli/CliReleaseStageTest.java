package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/**
 * The release stage from the CLI on a real catalog file and a real repository: promotion order,
 * config history and diff, the release page, release diff, promote, env export / import; a secret
 * never printed.
 */
class CliReleaseStageTest {

    private static final String SECRET = "cli-s3cret-Wq93-never-shown";

    @TempDir
    Path tmp;
    private StageboardHome home;
    private GitFixture git;

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void project() {
        git = GitFixture.init(tmp.resolve("repo"));
        git.write("app.sh", "echo hi\n").commit("first: the app");
        home = new StageboardHome(tmp.resolve("home"));
        ok("project", "add", "demo", "--repo", tmp.resolve("repo").toString(), "--build-command", "true", "--artifacts", "app.sh");
        ok("env", "add", "production", "--start", "./app.sh", "--health", "http://127.0.0.1:8080/health");
        ok("env", "add", "staging", "--start", "./app.sh", "--health", "http://127.0.0.1:8080/health");
    }

    @org.junit.jupiter.api.AfterEach
    void closeRepository() {
        git.close();
    }

    @Test
    void promoteAlongTheOrderAndCompareReleases() throws Exception {
        assertThat(ok("env", "promote-order").out()).isEqualTo("production -> staging\n");
        assertThat(ok("env", "promote-order", "staging", "production").out()).isEqualTo("staging -> production\n");
        assertThat(ok("env", "list").out().lines().map(l -> l.split(" ")[0])).containsExactly("staging", "production");

        ok("config", "set", "-e", "staging", "GREETING=hello", "DEBUG=1");
        cli(SECRET + "\n", "config", "set", "-e", "staging", "--secret-stdin", "API_KEY");
        ok("config", "set", "-e", "staging", "GREETING=hello again");
        ok("config", "unset", "-e", "staging", "DEBUG");
        String history = ok("config", "history", "-e", "staging").out();
        assertThat(history.lines().toList()).hasSize(4);
        assertThat(history.lines().findFirst().orElseThrow()).startsWith("staging config v4").endsWith("-DEBUG");
        assertThat(history).contains("config v2").contains("+API_KEY").contains("~GREETING").contains("+DEBUG, +GREETING");
        String diff = ok("config", "diff", "-e", "staging", "1", "3").out();
        assertThat(diff).startsWith("staging: config v1 -> config v3: 2 keys\n").contains("+ API_KEY: ******** (secret)").contains("~ GREETING: hello -> hello again");

        ok("build");
        ok("release", "-e", "staging");
        git.write("app.sh", "echo hi there\n").commit("second: a longer greeting");
        ok("build");
        ok("release", "-e", "staging");

        String page = ok("releases", "show", "-e", "staging", "2").out();
        assertThat(page).contains("staging v2").contains("build      #2").contains("second: a longer greeting").contains("(Ada Lovelace)")
                .contains("keys: API_KEY, GREETING").contains("(secret: API_KEY)").contains("running on (no host)");

        String between = ok("diff", "-e", "staging", "1", "v2").out();
        assertThat(between).contains("staging v1 (build #1) -> staging v2 (build #2)").contains("needs: new artifact")
                .contains("second: a longer greeting").contains("commits brought: 1").contains("  config: staging config v4 -> staging config v4: no change");

        ok("config", "set", "-e", "production", "GREETING=prod");
        String promoted = ok("promote", "-e", "staging", "1").out();
        assertThat(promoted).contains("promoted staging v1 to production v1").contains("build      #1")
                .contains("deploy it with: stageboard deploy -e production -r 1");
        String across = ok("diff", "--from", "staging:1", "--to", "production:1").out();
        assertThat(across).contains("needs: restart only").contains("artifact: the same").contains("- API_KEY: ******** (secret)")
                .contains("~ GREETING: hello again -> prod");
        Result last = cli("", "promote", "-e", "production");
        assertThat(last.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(last.err()).contains("last of the promotion order");
        Result noEnv = cli("", "diff", "1", "2");
        assertThat(noEnv.code()).isEqualTo(StageboardCli.USAGE);
        assertThat(noEnv.err()).contains("names no environment");

        Result export = ok("env", "export", "staging");
        Path file = Files.writeString(tmp.resolve("staging.json"), export.out());
        Result imported = ok("env", "import", "preview", file.toString());
        assertThat(imported.out()).contains("created environment preview, config v1 (keys GREETING)")
                .contains("secrets to set (their values are never exported): API_KEY")
                .contains("stageboard config set -e preview --secret-stdin API_KEY");
        assertThat(ok("config", "show", "-e", "preview").out()).contains("GREETING=hello again").doesNotContain("API_KEY");

        Result badSecret = cli("", "config", "set", "-e", "staging", "--secret", SECRET);
        assertThat(badSecret.code()).isNotZero();

        String everything = history + diff + page + between + promoted + across + export.all() + imported.all() + badSecret.all()
                + ok("history").all() + ok("config", "show", "-e", "staging").all();
        assertThat(everything).doesNotContain(SECRET);
    }

    private Result ok(String... args) {
        Result r = cli("", args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.all()).isZero();
        return r;
    }

    private Result cli(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
