package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
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
import org.stageboard.ui.board.CardState;
import org.stageboard.ui.board.HostFlag;
import org.stageboard.ui.board.HostSlot;
import org.stageboard.ui.board.Lane;
import org.stageboard.ui.dialog.DeployDialogModel;
import org.stageboard.ui.task.HostRows;
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
        assertThat(model.board().hosts()).singleElement().satisfies(environment -> {
            assertThat(environment.environment().name()).isEqualTo("staging");
            assertThat(environment.slots()).extracting(slot -> slot.host().name()).containsExactly("vps1");
        });
        UiTask task = model.deployAll(release);

        assertThat(task.stateProperty().get()).as(task.outcomeProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.outcomeProperty().get()).isEqualTo("1 of 1 host live");
        assertThat(task.log()).isNotEmpty();
        assertThat(task.hostRowsProperty().get().rows()).extracting(HostRows.Row::text).containsExactly("vps1 · live");
        Card run = model.board().cards(Lane.RUN).get(0);
        assertThat(run.text()).startsWith("vps1 · staging v1 · live since");
        assertThat(model.board().selectedLiveRun()).isPresent();
        assertThat(model.noticeProperty().get()).isEqualTo(Notice.info("Live on 1 host."));
    }

    @Test
    void anUnreachableHostIsAFailedTaskAndAnErrorNoticeNamingTheConnection() {
        // Attached to the environment, so that the deploy gets past its checks to the connect step.
        int closedPort = AppProcesses.freePort();
        Host gone = engine.addHost("gone", "127.0.0.1", closedPort, ssh.user(), ssh.clientKey(), ssh.baseDir().toString());
        engine.attachHost(staging, gone);

        UiTask task = model.deploy(release, gone);

        assertThat(task.stateProperty().get()).isEqualTo(TaskState.FAILED);
        Notice notice = model.noticeProperty().get();
        assertThat(notice.kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(notice.text()).doesNotContain("Exception").doesNotContain("attach it first")
                .contains("gone").contains("127.0.0.1:" + closedPort).containsIgnoringCase("connect");
    }

    @Test
    void theDeployDialogShowsThePlanReadFromTheHostBeforeDeploying() {
        DeployDialogModel dialog = model.deployDialog(release);
        assertThat(dialog.plannedProperty().get()).isFalse();

        dialog.load();

        assertThat(dialog.plannedProperty().get()).isTrue();
        assertThat(dialog.hosts()).extracting(Host::name).containsExactly("vps1");
        assertThat(dialog.planStatusProperty().get()).isEmpty();
        assertThat(dialog.plan("vps1")).satisfiesExactly(
                now -> assertThat(now).isEqualTo("now: nothing deployed"),
                next -> assertThat(next).startsWith("→ will run staging v1 (releases/v1-"),
                upload -> assertThat(upload).matches("upload \\d+(\\.\\d)? (B|KB)"),
                config -> assertThat(config).startsWith("config: "),
                lock -> assertThat(lock).isEqualTo("lock: free"),
                prune -> assertThat(prune).isEqualTo("prunes: nothing"));

        assertThat(model.deploy(release, engine.host("vps1")).stateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        DeployDialogModel again = model.deployDialog(release);
        again.load();
        assertThat(again.plan("vps1")).contains("artifact already on the host: nothing to upload")
                .anySatisfy(line -> assertThat(line).startsWith("now: staging v1 · app up"))
                .anySatisfy(line -> assertThat(line).contains("already unpacked there: reused"));
    }

    @Test
    void aHostWhoseAppWasKilledShowsAppDownInItsSlot() throws Exception {
        assertThat(model.deployAll(release).stateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        HostSlot live = model.board().hostSlot("staging", "vps1").orElseThrow();
        assertThat(live.flags()).isEmpty();
        assertThat(live.summary()).startsWith("staging v1 · app up");
        assertThat(live.look()).isEqualTo(CardState.SUCCESS);
        assertThat(live.since(Clock.systemDefaultZone())).startsWith("since ").contains(" by ").endsWith("(deploy)");

        long pid = Long.parseLong(Files.readString(ssh.baseDir().resolve("demo/staging/.stageboard/app.pid")).strip());
        ProcessHandle app = ProcessHandle.of(pid).orElseThrow();
        app.descendants().forEach(ProcessHandle::destroyForcibly);
        app.destroyForcibly();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !AppProcesses.alive(pid));

        model.readHosts();

        HostSlot down = model.board().hostSlot("staging", "vps1").orElseThrow();
        assertThat(down.status().fresh()).isTrue();
        assertThat(down.summary()).contains("app DOWN");
        assertThat(down.flags()).extracting(HostFlag::kind).contains(HostFlag.Kind.APP_DOWN);
        assertThat(down.flags()).filteredOn(f -> f.kind() == HostFlag.Kind.APP_DOWN).singleElement()
                .extracting(HostFlag::text).asString().startsWith("app down: no process runs for v1-");
        assertThat(down.look()).isEqualTo(CardState.FAILED);
        assertThat(model.board().readingHostsProperty().get()).isFalse();
    }

    @Test
    void aHostWhoseSupervisorWasKilledButWhoseAppStillAnswersSaysSoInItsSlot() throws Exception {
        assertThat(model.deployAll(release).stateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        long pid = Long.parseLong(Files.readString(ssh.baseDir().resolve("demo/staging/.stageboard/app.pid")).strip());
        ProcessHandle supervisor = ProcessHandle.of(pid).orElseThrow();
        java.util.List<ProcessHandle> left = supervisor.descendants().toList();
        assertThat(left).as("the app runs under the process Stageboard started").isNotEmpty();
        try {
            supervisor.destroyForcibly(); // only it: what it started keeps serving, as after a kill -9 of the supervisor
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !AppProcesses.alive(pid));

            model.readHosts();

            HostSlot slot = model.board().hostSlot("staging", "vps1").orElseThrow();
            assertThat(slot.summary()).isEqualTo("staging v1 · not supervised, yet answering its health check");
            assertThat(slot.flags()).filteredOn(f -> f.kind() == HostFlag.Kind.APP_DOWN).singleElement()
                    .extracting(HostFlag::text).asString().startsWith("app not supervised: no process Stageboard started runs for v1-")
                    .endsWith("restart to put it back under supervision");
        } finally {
            left.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
