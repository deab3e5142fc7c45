package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.board.Card;
import org.stageboard.ui.board.Lane;
import org.stageboard.ui.task.SameThreadTaskExecutor;
import org.stageboard.ui.task.TaskState;
import org.stageboard.ui.task.UiTask;

/** Deploying from the view model, on one thread, against a real SSH server on this machine. */
class DeployViewModelTest {

    @TempDir
    Path temp;

    private Stageboard engine;
    private SshTestServer ssh;
    private MainViewModel model;
    private Release release;
    private Environment staging;

    @BeforeEach
    void setUp() {
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
        String sha;
        try (GitFixture git = GitFixture.init(temp.resolve("repo"))) {
            git.copyResource("/demo-app/Server.java", "Server.java");
            sha = git.commit("Demo server");
        }
        ssh = SshTestServer.start(temp);
        int port = AppProcesses.freePort();
        Project project = engine.addProject("demo", temp.resolve("repo"), "main", new Recipe("true", List.of("Server.java")));
        staging = engine.addEnvironment(project, "staging",
                new RunSettings("java Server.java", "http://127.0.0.1:" + port + "/health", 60, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(port), false)), Set.of());
        Host host = engine.addHost("vps1", ssh.address(), ssh.port(), ssh.user(), ssh.clientKey(), ssh.baseDir().toString());
        engine.attachHost(staging, engine.trustHostKey(host, engine.checkHostKey(host).fingerprint()));
        Build build = engine.build(project, sha, Progress.NONE);
        release = engine.release(build, staging);
        model = new MainViewModel(engine, new SameThreadTaskExecutor(), Clock.systemDefaultZone());
        model.start();
    }

    @AfterEach
    void tearDown() {
        AppProcesses.killAll(ssh.baseDir());
        ssh.close();
        engine.close();
    }

    @Test
    void deployingToEveryHostOfTheEnvironmentMakesALiveRunCard() {
        assertThat(model.board().targetsProperty().get()).isEqualTo("staging → vps1");
        UiTask task = model.deployAll(release);

        assertThat(task.stateProperty().get()).as(task.outcomeProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.outcomeProperty().get()).isEqualTo("1 of 1 host live");
        assertThat(task.log()).isNotEmpty();
        Card run = model.board().cards(Lane.RUN).get(0);
        assertThat(run.text()).startsWith("vps1 · staging v1 · live since");
        assertThat(model.board().selectedLiveRun()).isPresent();
        assertThat(model.noticeProperty().get()).isEqualTo(Notice.info("Live on 1 host."));
    }

    @Test
    void anUnreachableHostIsAFailedTaskAndAnErrorNotice() {
        Host gone = engine.addHost("gone", "127.0.0.1", AppProcesses.freePort(), ssh.user(), ssh.clientKey(), ssh.baseDir().toString());

        UiTask task = model.deploy(release, gone);

        assertThat(task.stateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(model.noticeProperty().get().text()).doesNotContain("Exception").contains("gone");
    }
}
