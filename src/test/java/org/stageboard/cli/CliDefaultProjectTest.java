package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/** A default project set once: status and history need no -p; -p still picks another. */
class CliDefaultProjectTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(new StageboardHome(tmp.resolve("home")), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void statusAndHistoryUseTheDefaultProject() {
        Path repo;
        try (GitFixture git = GitFixture.init(tmp.resolve("repo"))) {
            git.write("index.html", "hi").commit("page");
            repo = git.dir();
        }
        assertThat(cli("project", "add", "shop", "--repo", repo.toString(), "--build-command", "true", "--artifacts", "index.html").code()).isZero();
        assertThat(cli("project", "add", "blog", "--repo", repo.toString(), "--build-command", "true", "--artifacts", "index.html").code()).isZero();

        Result ambiguous = cli("history");
        assertThat(ambiguous.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(ambiguous.err()).contains("Several projects exist").contains("stageboard project use NAME");

        assertThat(cli("project", "use", "shop").out()).contains("default project: shop");
        assertThat(cli("project", "use").out()).contains("default project: shop");
        assertThat(cli("project", "list").out()).contains("(default)");
        Result history = cli("history");
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("project.add  shop").doesNotContain("project.add  blog");
        Result status = cli("status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("shop");

        assertThat(cli("history", "-p", "blog").out()).contains("project.add  blog");
        assertThat(cli("build").out()).contains("#1");
        assertThat(cli("builds", "-p", "blog").out()).doesNotContain("#1");

        assertThat(cli("project", "use", "--clear").out()).contains("no default project");
        assertThat(cli("history").code()).isEqualTo(StageboardCli.FAILED);
    }
}
