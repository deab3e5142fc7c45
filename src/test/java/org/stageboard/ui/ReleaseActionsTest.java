package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.ui.task.SameThreadTaskExecutor;
import org.stageboard.ui.task.TaskList;

/** A release's page in the window, made without JavaFX from a real catalog and repository: details, and the diff from what is live. */
class ReleaseActionsTest {

    @TempDir
    Path tmp;

    @Test
    void thePageSaysWhatTheReleaseCarriesAndWhatDeployingItChangesAgainstTheLiveOne() {
        try (GitFixture git = GitFixture.init(tmp.resolve("repo")); Stageboard engine = Stageboard.open(new StageboardHome(tmp.resolve("home")))) {
            String c1 = git.write("app.txt", "one\n").commit("First version");
            String c2 = git.write("app.txt", "two\n").commit("Faster product list");
            Project project = engine.addProject("shop", git.dir(), null, new Recipe("true", List.of("app.txt")));
            Environment staging = engine.addEnvironment(project, "staging", RunSettings.of("./serve", "http://127.0.0.1:1/"));
            engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false),
                    "API_TOKEN", new ConfigEntry("API_TOKEN", "tok-77aa", true)), Set.of());
            Build b1 = engine.build(project, c1, Progress.NONE);
            Build b2 = engine.build(project, c2, Progress.NONE);
            Release v1 = engine.release(b1, staging);
            engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "9090", false)), Set.of());
            Release v2 = engine.release(b2, staging);
            SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
            ReleaseActions actions = new ReleaseActions(engine, executor, new TaskList(executor), n -> { }, () -> { });

            List<String> alone = ReleaseActions.lines(actions.page(v2));
            assertThat(alone.get(0)).startsWith("staging v2 — made by ");
            assertThat(alone).contains("Runs on: no host yet", "Against what is live: no other release of staging is live.");
            assertThat(String.join("\n", alone)).contains("Build:  #2", "Faster product list", "Config: v2", "(secret: API_TOKEN)")
                    .doesNotContain("tok-77aa");

            Host vps1 = engine.addHost("vps1", "127.0.0.1", 22, "deploy", org.stageboard.testing.SshTestServer.writeClientKey(tmp.resolve("key")), "/srv");
            engine.attachHost(staging, vps1);
            org.stageboard.pipeline.EngineAccess.catalog(engine).runs().record(v1.id(), vps1.id(), RunKind.DEPLOY, RunStatus.LIVE, "live", "ada");
            List<String> page = ReleaseActions.lines(actions.page(v2));
            assertThat(page).contains("Against staging v1, live now: " + org.stageboard.core.ReleaseDiff.Impact.REBUILD.text(),
                    "  config ~ PORT: 8080 -> 9090");
            assertThat(page).anyMatch(line -> line.contains("Faster product list"));
            assertThat(String.join("\n", ReleaseActions.lines(actions.page(v1)))).contains("Runs on: vps1");
        }
    }
}
