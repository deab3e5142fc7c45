package org.stageboard.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/**
 * Fills a Stageboard home with a demo project for looking at the window (screenshots): real
 * commits, builds and releases through the engine. Run cards are written straight to the catalog
 * unless {@code --real-runs} is given, since deploying needs a reachable host.
 * Usage: {@code DemoBoard <home> <repo-dir>}.
 */
public final class DemoBoard {

    public static void main(String[] args) throws java.io.IOException {
        Path home = Path.of(args[0]);
        Path repo = Path.of(args[1]);
        try (GitFixture git = GitFixture.init(repo); Stageboard engine = Stageboard.open(new StageboardHome(home))) {
            git.copyResource("/demo-app/Server.java", "Server.java");
            git.write("README.md", "# shop-api\n");
            String c1 = git.commit("First version of the shop API");
            git.write("VERSION", "1.1\n");
            String c2 = git.commit("Add /health endpoint for the load balancer");
            git.write("VERSION", "1.2\n");
            String c3 = git.commit("Cache product list for 30 s");
            git.write("broken.txt", "x\n");
            String c4 = git.commit("Try the new packaging script");
            git.write("VERSION", "1.3\n");
            git.commit("Log request ids");

            Project project = engine.addProject("shop-api", repo, "main",
                    new Recipe("mkdir -p dist && cp Server.java VERSION dist/ 2>/dev/null || cp Server.java dist/; test ! -f broken.txt",
                            List.of("dist/**")));
            Build b1 = engine.build(project, c1, Progress.NONE);
            Build b2 = engine.build(project, c2, Progress.NONE);
            Build b3 = engine.build(project, c3, Progress.NONE);
            engine.build(project, c4, Progress.NONE);

            Environment staging = engine.addEnvironment(project, "staging",
                    RunSettings.of("java Server.java", "http://127.0.0.1:18080/health"));
            Environment production = engine.addEnvironment(project, "production",
                    RunSettings.of("java Server.java", "http://127.0.0.1:18081/health"));
            engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "18080", false),
                    "DB_PASSWORD", new ConfigEntry("DB_PASSWORD", "s3cret-staging", true)), Set.of());
            engine.setConfig(production, Map.of("PORT", new ConfigEntry("PORT", "18081", false)), Set.of());
            Release s1 = engine.release(b1, staging);
            Release s2 = engine.release(b2, staging);
            Release p1 = engine.release(b2, production);
            Release s3 = engine.release(b3, staging);

            java.nio.file.Files.writeString(home.resolve("id_ed25519"), "not a real key: demo data\n");
            Host vps1 = engine.addHost("vps1", "127.0.0.1", 22, "deploy", home.resolve("id_ed25519"), "/srv/stageboard");
            Host vps2 = engine.addHost("vps2", "127.0.0.1", 22, "deploy", home.resolve("id_ed25519"), "/srv/stageboard");
            engine.attachHost(staging, vps1);
            engine.attachHost(production, vps2);
            var runs = engine.catalog().runs();
            finish(runs, runs.start(s1.id(), vps1.id(), RunKind.DEPLOY, null, "ada"), RunStatus.SUPERSEDED, "replaced by staging v2");
            finish(runs, runs.start(s2.id(), vps1.id(), RunKind.DEPLOY, null, "ada"), RunStatus.SUPERSEDED, "replaced by staging v3");
            finish(runs, runs.start(p1.id(), vps2.id(), RunKind.DEPLOY, null, "ada"), RunStatus.LIVE, "health ok");
            finish(runs, runs.start(s3.id(), vps1.id(), RunKind.DEPLOY, null, "ada"), RunStatus.ROLLED_BACK, "health check failed: 500");
            finish(runs, runs.start(s2.id(), vps1.id(), RunKind.ROLLBACK, null, "ada"), RunStatus.LIVE, "health ok");
        }
    }

    private static Run finish(org.stageboard.catalog.RunRepository runs, Run run, RunStatus status, String message) {
        return runs.finish(run.id(), status, message);
    }
}
