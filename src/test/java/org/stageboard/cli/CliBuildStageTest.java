package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/** The build verbs of the CLI: detection, cached builds, force, build steps, the artifact store. */
class CliBuildStageTest {

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

    private Result ok(String... args) {
        Result r = cli(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    @Test
    void projectDetectSaysWhatItFoundAndWhy() {
        try (GitFixture repo = GitFixture.init(tmp.resolve("web"))) {
            repo.commitFiles("web app", Map.of("package.json", "{\"scripts\": {\"build\": \"vite build\"}}", "yarn.lock", "# yarn"));
            Result r = ok("project", "detect", "--repo", repo.dir().toString());
            assertThat(r.out()).contains("detected yarn: package.json and yarn.lock (yarn)")
                    .contains("step install: yarn install --frozen-lockfile")
                    .contains("step package: yarn build")
                    .contains("as stageboard.json:").contains("\"run\" : \"yarn build\"");
        }
        try (GitFixture empty = GitFixture.init(tmp.resolve("notes"))) {
            empty.commitFiles("notes", Map.of("NOTES.txt", "x"));
            Result none = cli("project", "detect", "--repo", empty.dir().toString());
            assertThat(none.code()).isEqualTo(StageboardCli.FAILED);
            assertThat(none.err()).contains("nothing known found").contains("pom.xml");
            Result add = cli("project", "add", "notes", "--repo", empty.dir().toString());
            assertThat(add.code()).isEqualTo(StageboardCli.FAILED);
            assertThat(add.err()).contains("none could be detected").contains("--build-command");
        }
    }

    @Test
    void addDetectsTheRecipeThenBuildsAreCachedForcedAndShownWithTheirSteps() throws Exception {
        try (GitFixture repo = GitFixture.init(tmp.resolve("site"))) {
            repo.commitFiles("site", Map.of("public/index.html", "<h1>hi</h1>", "README.md", "the site"));
            Result add = ok("project", "add", "site", "--repo", repo.dir().toString(), "--env", "SITE_ENV=prod");
            assertThat(add.out()).contains("detected static: public/index.html found").contains("step check: test -f public/index.html")
                    .contains("artifacts: public/**").contains("env: SITE_ENV=prod").contains("added project site");

            Result first = ok("build");
            assertThat(first.out()).contains("#1 ").contains("step check  succeeded");
            Result second = ok("build");
            assertThat(second.out()).contains("#2 ").contains("cached from #1").contains("nothing was run");
            Result forced = ok("build", "--force");
            assertThat(forced.out()).contains("#3 ").contains("ok ").doesNotContain("cached from");

            Result list = ok("builds");
            assertThat(list.out()).containsPattern("#2 +[0-9a-f]{7} +cached from #1");
            assertThat(list.out()).doesNotContain("queue:");
            Result one = ok("builds", "1");
            assertThat(one.out()).contains("recipe from catalog").contains("step check  succeeded").contains("log ");

            ok("artifacts", "list");
            Result verify = ok("artifacts", "verify");
            assertThat(verify.out()).contains("2 artifacts verified, 0 corrupt or missing");
            Path store = tmp.resolve("home/artifacts");
            Path victim;
            try (var files = Files.list(store)) {
                victim = files.filter(f -> f.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
            }
            Files.writeString(victim, "not what was packed");
            Result bad = cli("artifacts", "verify");
            assertThat(bad.code()).isEqualTo(StageboardCli.FAILED);
            assertThat(bad.out()).contains("CORRUPT").contains("1 corrupt or missing");

            Result noRule = cli("artifacts", "prune");
            assertThat(noRule.code()).isEqualTo(StageboardCli.FAILED);
            assertThat(noRule.err()).contains("--keep N");
            Result dry = ok("artifacts", "prune", "--keep", "1", "--dry-run");
            assertThat(dry.out()).contains("would remove 1 artifact, ");
            Result pruned = ok("artifacts", "prune", "--keep", "1", "--older-than", "0");
            assertThat(pruned.out()).contains("removed 1 artifact, ");
            assertThat(ok("artifacts", "list").out()).contains("pruned");
        }
    }
}
