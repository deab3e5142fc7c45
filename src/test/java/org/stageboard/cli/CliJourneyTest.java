package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/** The CLI's build and release steps, and its bad-input answers, against a real repository and catalog. */
class CliJourneyTest {

    @TempDir
    Path tmp;

    private StageboardHome home;
    private Path repo;
    private String sha;

    /** What one CLI invocation printed and returned. */
    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        home = new StageboardHome(tmp.resolve("home"));
        try (GitFixture git = GitFixture.init(tmp.resolve("repo"))) {
            sha = git.write("index.html", "<h1>hello</h1>").commit("first page");
            repo = git.dir();
        }
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void buildsAndReleasesACommit() {
        Result add = cli("project", "add", "site", "--repo", repo.toString(), "--build-command", "mkdir -p dist && cp index.html dist/",
                "--artifacts", "dist/**");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("added project site").contains("branch main");

        Result commits = cli("commits");
        assertThat(commits.out()).contains(sha.substring(0, 7)).contains("first page");

        Result build = cli("build", "-p", "site", sha.substring(0, 10));
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.out()).contains("#1  " + sha.substring(0, 7) + "  ok").contains("artifact ");
        assertThat(build.err()).contains("-> export");

        assertThat(cli("env", "add", "staging", "--start", "python3 -m http.server $PORT", "--health", "http://127.0.0.1:8080/").code()).isZero();
        Result set = cli("config", "set", "-e", "staging", "PORT=8080", "--secret", "API_KEY=s3cr3t-value");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("staging config v1 (2 keys)");
        Result show = cli("config", "show", "-e", "staging");
        assertThat(show.out()).contains("PORT=8080").contains("API_KEY=********").doesNotContain("s3cr3t-value");

        Result release = cli("release", "-e", "staging");
        assertThat(release.code()).as(release.err()).isZero();
        assertThat(release.out()).contains("staging v1  build #1 + config v1");
        assertThat(cli("releases").out()).contains("staging v1");

        Result status = cli("status");
        assertThat(status.out()).contains("newest release: staging v1");
        Result history = cli("history");
        assertThat(history.out()).contains("release  site/staging v1  ok").contains("build  site #1").contains("config.set")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void badInputGetsOneClearLineAndANonZeroExit() throws Exception {
        Path notRepo = Files.createDirectories(tmp.resolve("plain"));
        Result add = cli("project", "add", "x", "--repo", notRepo.toString(), "--build-command", "true", "--artifacts", "**");
        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err().strip()).startsWith("error: ").contains("is not a git repository").doesNotContain("Exception");
        assertThat(add.err().strip().lines()).hasSize(1);

        cli("project", "add", "site", "--repo", repo.toString(), "--build-command", "exit 7", "--artifacts", "**");
        Result unknown = cli("build", "cafebabe");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("'cafebabe' is not a commit");

        Result failing = cli("build");
        assertThat(failing.code()).isEqualTo(1);
        assertThat(failing.out()).contains("FAILED exit 7");
        assertThat(failing.err()).contains("exited with code 7").contains("log: ");

        Result noRelease = cli("release", "-e", "nope");
        assertThat(noRelease.code()).isEqualTo(1);
        assertThat(noRelease.err()).contains("No environment named 'nope'");

        Result usage = cli("build", "--no-such-flag");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option");

        Result badName = cli("env", "add", "Bad Name", "--start", "x", "--health", "http://127.0.0.1:1/");
        assertThat(badName.code()).isEqualTo(1);
        assertThat(badName.err()).contains("not a valid environment name");

        Result badUrl = cli("env", "add", "prod", "--start", "x", "--health", "ftp://example");
        assertThat(badUrl.err()).contains("must be http");
    }

    @Test
    void helpListsTheVerbs() {
        Result help = cli("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("project", "build", "env", "config", "release", "deploy", "rollback", "status", "history", "host");
    }
}
