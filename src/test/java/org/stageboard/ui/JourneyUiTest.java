package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.board.Card;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One commit's whole journey by clicks in the real window: build it, release the build to
 * staging, deploy the release to a host (an in-process SSH server on this machine running
 * {@code java dist/Server.java}: the artifact keeps the paths its globs matched), and see its host's slot say it is live; the
 * same by dragging the build onto staging's row and the release onto the host. Set-up (project, environment, config,
 * host, trusted key) uses the engine directly.
 */
@ExtendWith(ApplicationExtension.class)
class JourneyUiTest {

    private static final String PROJECT = "demo";
    private static final String ENVIRONMENT = "staging";

    @TempDir
    static Path temp;

    private Path work;
    private Stageboard engine;
    private SshTestServer ssh;
    private UiFixture ui;
    private String sha;
    private Project project;
    private Environment staging;
    private Host host;

    @Start
    void start(Stage stage) throws IOException {
        work = Files.createDirectories(temp.resolve("journey-" + System.nanoTime()));
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.copyResource("/demo-app/Server.java", "Server.java");
            sha = git.commit("Demo server with a health check");
        }
        ssh = SshTestServer.start(work);
        int port = freePort();
        project = engine.addProject(PROJECT, work.resolve("repo"), "main",
                new Recipe("mkdir -p dist && cp Server.java dist/", List.of("dist/**")));
        staging = engine.addEnvironment(project, ENVIRONMENT,
                new RunSettings("java dist/Server.java", "http://127.0.0.1:" + port + "/health", 60, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(port), false)), Set.of());
        host = engine.addHost("vps1", ssh.address(), ssh.port(), ssh.user(), ssh.clientKey(), ssh.baseDir().toString());
        HostKeyCheck check = engine.checkHostKey(host);
        assertThat(check.fingerprint()).isEqualTo(ssh.hostKeyFingerprint());
        host = engine.trustHostKey(host, check.fingerprint());
        engine.attachHost(staging, host);
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ssh != null) {
            killApp(ssh.baseDir().resolve(PROJECT).resolve(ENVIRONMENT).resolve(".stageboard").resolve("app.pid"));
            AppProcesses.killAll(ssh.baseDir());
            ssh.close();
        }
        if (ui != null) {
            ui.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aCommitIsBuiltReleasedAndDeployedByClicks(FxRobot robot) {
        UiFixture.await("the commit on the board", 20, () -> ui.model.board().commits().size() == 1);
        String shortSha = sha.substring(0, 7);

        robot.clickOn("Demo server with a health check");
        robot.clickOn("#buildButton");
        awaitCard(robot, "#1 · " + shortSha + " · ✓", 60);

        UiFixture.clickCard(robot, "#1 · " + shortSha);
        robot.clickOn("#releaseButton");
        UiFixture.await("the release dialog", 10, () -> robot.lookup("#releaseEnvironment").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Environment> environment = robot.lookup("#releaseEnvironment").queryAs(ComboBox.class);
        assertThat(environment.getValue().name()).isEqualTo(ENVIRONMENT);
        UiFixture.await("the config to snapshot", 10, () -> robot.lookup("#releaseConfig").queryLabeled().getText().contains("config v1"));
        robot.clickOn("#dialogConfirm");
        awaitCard(robot, "staging v1 · build #1 + config v1", 30);

        UiFixture.clickCard(robot, "staging v1");
        robot.clickOn("#deployButton");
        awaitDeployPlan(robot);
        robot.clickOn("#dialogConfirm");
        awaitSlot(robot, "catalog: staging v1 live since", 180);

        // The host's slot says what runs there; selecting it lights up the whole journey back to the commit.
        robot.clickOn(robot.lookup("#host-staging-vps1 .host-name").<Node>query());
        assertThat(ui.model.board().selectedCommitProperty().get()).isEqualTo(sha);
        assertThat(robot.lookup("#host-staging-vps1").query().getStyleClass()).contains("in-journey");
        assertThat(UiFixture.card(robot, "#1 · " + shortSha).getStyleClass()).contains("in-journey");
        assertThat(UiFixture.card(robot, "staging v1").getUserData()).extracting(c -> ((Card) c).detail())
                .asString().contains("live on vps1");
    }

    @Test
    void aBuildIsReleasedAndDeployedByDraggingItsCards(FxRobot robot) {
        engine.build(project, sha, org.stageboard.core.Progress.NONE);
        robot.interact(ui.model::refresh);
        String shortSha = sha.substring(0, 7);
        Node build = awaitCard(robot, "#1 · " + shortSha + " · ✓", 30);

        robot.drag(build, javafx.scene.input.MouseButton.PRIMARY).dropTo(robot.lookup("#release-row-staging").<Node>query());
        UiFixture.await("the release dialog", 10, () -> robot.lookup("#releaseEnvironment").tryQuery().isPresent());
        UiFixture.await("the config to snapshot", 10, () -> robot.lookup("#releaseConfig").queryLabeled().getText().contains("config v1"));
        robot.clickOn("#dialogConfirm");
        Node release = awaitCard(robot, "staging v1 · build #1 + config v1", 30);
        assertThat(robot.lookup("#release-row-staging .card").queryAll()).contains(release);

        robot.drag(release, javafx.scene.input.MouseButton.PRIMARY).dropTo(robot.lookup("#host-staging-vps1").<Node>query());
        awaitDeployPlan(robot);
        assertThat(((ComboBox<?>) robot.lookup("#deployHost").query()).getValue()).extracting(h -> ((Host) h).name()).isEqualTo("vps1");
        robot.clickOn("#dialogConfirm");
        awaitSlot(robot, "catalog: staging v1 live since", 180);
        assertThat(engine.recentRuns(staging, host, 5)).first().extracting(org.stageboard.core.Run::status)
                .isEqualTo(org.stageboard.core.RunStatus.LIVE);
    }

    @Test
    void aLiveRunIsRolledBackByClicks(FxRobot robot) {
        // Staging v1 is live (set up through the engine); a config change makes staging v2.
        var build = engine.build(project, sha, org.stageboard.core.Progress.NONE);
        var v1 = engine.release(build, staging);
        assertThat(engine.deploy(v1, host, org.stageboard.core.Progress.NONE).status()).isEqualTo(org.stageboard.core.RunStatus.LIVE);
        engine.setConfig(staging, Map.of("GREETING", new ConfigEntry("GREETING", "second", false)), Set.of());
        engine.release(build, staging);
        robot.interact(ui.model::refresh);
        awaitCard(robot, "staging v2 · build #1 + config v2", 20);

        UiFixture.clickCard(robot, "staging v2");
        robot.clickOn("#deployButton");
        awaitDeployPlan(robot);
        robot.clickOn("#dialogConfirm");
        awaitSlot(robot, "catalog: staging v2 live since", 180);

        robot.clickOn(robot.lookup("#host-staging-vps1 .host-name").<Node>query());
        robot.clickOn("#rollbackButton");
        UiFixture.await("the rollback confirmation", 10, () -> robot.lookup("#confirmRollback").tryQuery().isPresent());
        robot.clickOn("#confirmRollback");
        awaitSlot(robot, "catalog: staging v1 live since", 180);

        assertThat(engine.recentRuns(staging, host, 1)).singleElement().extracting(org.stageboard.core.Run::kind)
                .isEqualTo(org.stageboard.core.RunKind.ROLLBACK);
        assertThat(((Card) UiFixture.card(robot, "staging v2").getUserData()).detail()).doesNotContain("live");
        assertThat(((Card) UiFixture.card(robot, "staging v1").getUserData()).detail()).contains("live on vps1");
    }

    /** Waits until vps1's slot in staging's Run row says, by the catalog, the given text; fails at once on an error notice. */
    private Node awaitSlot(FxRobot robot, String catalogPrefix, long seconds) {
        UiFixture.await("vps1's slot saying '" + catalogPrefix + "'", seconds, () -> {
            Notice notice = ui.model.noticeProperty().get();
            if (notice != null && notice.kind() == Notice.Kind.ERROR) {
                throw new AssertionError("waiting for '" + catalogPrefix + "', the window said: " + notice.text());
            }
            return !ui.model.board().readingHostsProperty().get() && robot.lookup("#run-row-staging #host-staging-vps1 .host-catalog").tryQuery()
                    .map(n -> ((javafx.scene.control.Label) n).getText().startsWith(catalogPrefix)).orElse(false);
        });
        return robot.lookup("#run-row-staging #host-staging-vps1").query();
    }

    /** Waits until the deploy dialog has its host and has read the plan from it (Deploy is enabled then). */
    private static void awaitDeployPlan(FxRobot robot) {
        UiFixture.await("the deploy dialog with the host", 20, () -> robot.lookup("#deployHost").tryQuery()
                .map(n -> ((ComboBox<?>) n).getValue() != null).orElse(false));
        UiFixture.await("the plan read from the host", 30, () -> !robot.lookup("#dialogConfirm").query().isDisabled());
        assertThat(robot.lookup("#deployPlan .plan-lines").queryLabeled().getText()).contains("→ will run staging v");
    }

    /** Waits for a card; fails at once with the window's error notice if one appears. */
    private Node awaitCard(FxRobot robot, String textPrefix, long seconds) {
        UiFixture.await("a card '" + textPrefix + "'", seconds, () -> {
            Notice notice = ui.model.noticeProperty().get();
            if (notice != null && notice.kind() != Notice.Kind.INFO) {
                throw new AssertionError("waiting for '" + textPrefix + "', the window said: " + notice.text());
            }
            return UiFixture.card(robot, textPrefix) != null;
        });
        return UiFixture.card(robot, textPrefix);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void killApp(Path pidFile) throws IOException {
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            });
        }
    }
}
