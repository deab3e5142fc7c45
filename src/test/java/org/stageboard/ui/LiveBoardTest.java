package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.RecordingProgress;
import org.stageboard.ui.board.Lane;
import org.stageboard.ui.task.TaskExecutor;

/**
 * The window follows what another engine on the same catalog (the CLI, another window) records,
 * without a Refresh: a build, a release and a new project appear; a notice whose condition is over
 * goes away. The model runs on one "UI" thread of its own; no JavaFX.
 */
class LiveBoardTest {

    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private Stageboard windowEngine;
    private Stageboard cli;
    private GitFixture repo;
    private MainViewModel model;
    private Project project;
    private String broken;
    private String fixed;

    @BeforeEach
    void open() throws Exception {
        windowEngine = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        cli = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.write("app.txt", "v1\n").write("broken", "yes\n");
        broken = repo.commit("broken");
        repo.write("broken", "");
        fixed = repo.commit("fixed");
        project = cli.addProject("demo", repo.dir(), "main", new Recipe("test ! -s broken && cp app.txt out.txt", List.of("out.txt")));
        TaskExecutor oneThread = new TaskExecutor() {
            @Override
            public void runInBackground(Runnable work) {
                hand(work);
            }

            @Override
            public void runOnUiThread(Runnable update) {
                hand(update);
            }

            /** As the app's executor: work handed over once the test is closing is dropped (a late poll must not fail the next test). */
            private void hand(Runnable work) {
                try {
                    ui.execute(work);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // the test is over
                }
            }
        };
        model = onUi(() -> new MainViewModel(windowEngine, oneThread, Clock.systemUTC()));
        onUi(() -> {
            model.start();
            return null;
        });
        await().until(() -> onUi(() -> model.projectProperty().get() != null));
        model.live().start(Duration.ofMillis(200));
    }

    @AfterEach
    void close() {
        model.live().stop();
        ui.shutdownNow();
        repo.close();
        cli.close();
        windowEngine.close();
    }

    @Test
    void buildsAndReleasesMadeElsewhereShowWithoutARefresh() throws Exception {
        Build build = cli.build(project, fixed, new RecordingProgress());
        assertThat(build.succeeded()).as(build.message()).isTrue();
        await("the build made elsewhere shows").until(() -> onUi(() -> model.board().cards(Lane.BUILD).size()) == 1);

        Environment staging = cli.addEnvironment(project, "staging", new RunSettings("true", "http://127.0.0.1:1/health", 5, 5, 5));
        cli.release(build, staging);
        await("the release made elsewhere shows").until(() -> onUi(() -> model.board().cards(Lane.RELEASE).size()) == 1);

        cli.addProject("other", repo.dir(), "main", new Recipe("true", List.of("app.txt")));
        await("the project added elsewhere is listed").until(() -> onUi(() -> model.projects().size()) == 2);
    }

    @Test
    void aFailedBuildsNoticeGoesAwayOnceABuildOfTheCommitSucceededElsewhere() throws Exception {
        onUi(() -> {
            model.board().selectCommit(broken);
            return model.buildSelectedCommit();
        });
        await("the build failed").until(() -> onUi(() -> model.noticeProperty().get() != null
                && model.noticeProperty().get().text().contains("failed")));

        // Another window fixes the cause (here: the recipe) and rebuilds the same commit.
        Project updated = cli.updateProject(project, "demo", repo.dir(), "main", new Recipe("cp app.txt out.txt", List.of("out.txt")));
        Build rebuilt = cli.build(updated, broken, false, new RecordingProgress());
        assertThat(rebuilt.succeeded()).as(rebuilt.message()).isTrue();

        await("the notice about the failed build goes away").until(() -> onUi(() -> model.noticeProperty().get() == null));
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return ui.submit(read).get();
    }
}
