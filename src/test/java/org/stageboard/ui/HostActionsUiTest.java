package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stageboard.ui.log.LogViews;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.board.HostSlot;
import org.stageboard.ui.task.UiTask;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The actions on a host slot, in the real window against an in-process SSH server: each reads the
 * host first and asks with what it found (the lock's holder; the release a rollback would activate).
 */
@ExtendWith(ApplicationExtension.class)
class HostActionsUiTest {

    @TempDir
    static Path temp;

    private static final String TOKEN = "tok-secret-4411";

    private Stageboard engine;
    private SshTestServer ssh;
    private UiFixture ui;
    private Stage stage;
    private Project project;
    private Environment staging;
    private Host vps1;
    private Build build;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path work = Files.createDirectories(temp.resolve("hosts-" + System.nanoTime()));
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        String sha;
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.copyResource("/demo-app/Server.java", "Server.java");
            sha = git.commit("Demo server");
        }
        ssh = SshTestServer.start(work);
        int port = AppProcesses.freePort();
        project = engine.addProject("demo", work.resolve("repo"), "main", new Recipe("true", List.of("Server.java")));
        staging = engine.addEnvironment(project, "staging",
                new RunSettings("java Server.java", "http://127.0.0.1:" + port + "/health", 60, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(port), false),
                "API_TOKEN", new ConfigEntry("API_TOKEN", TOKEN, true)), Set.of());
        Host host = engine.addHost("vps1", ssh.address(), ssh.port(), ssh.user(), ssh.clientKey(), ssh.baseDir().toString());
        vps1 = engine.trustHostKey(host, engine.checkHostKey(host).fingerprint());
        engine.attachHost(staging, vps1);
        build = engine.build(project, sha, Progress.NONE);
    }

    @AfterEach
    void tearDown() throws Exception {
        // A window a failed test left open (a log window, a dialog) must not cover the next test's window.
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage).forEach(javafx.stage.Window::hide)).get();
        if (ui != null) {
            ui.close();
        }
        AppProcesses.killAll(ssh.baseDir());
        ssh.close();
        engine.close();
    }

    @Test
    void breakLockNamesTheHolderOfALockMadeByHandAndBreaksIt(FxRobot robot) throws IOException {
        Path lock = Files.createDirectories(ssh.baseDir().resolve("demo/staging/.stageboard/lock"));
        String holder = "bob@ci-runner pid 4242 since 2026-11-26T08:00:00Z";
        Files.writeString(lock.resolve("info.json"), "{\"holder\":\"" + holder + "\",\"actor\":\"bob\",\"release\":\"staging v7\","
                + "\"since\":\"2026-11-26T08:00:00Z\"}\n");
        Path heartbeat = Files.writeString(lock.resolve("heartbeat"), "");
        Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now().minusSeconds(900)));
        robot.interact(() -> ui = UiFixture.show(stage, engine));

        UiFixture.await("the slot to show the lock", 30, () -> slot().map(s -> s.lock() != null).orElse(false));
        assertThat(robot.lookup("#host-staging-vps1 .host-flag-tag").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("⚠ LOCK STALE");
        robot.clickOn(robot.lookup("#host-staging-vps1 .host-break-lock").<Node>query());
        UiFixture.await("the break-lock confirmation", 20, () -> robot.lookup("#confirmBreakLock").tryQuery().isPresent());

        String text = robot.lookup("#confirmText").queryAs(Label.class).getText();
        assertThat(text).contains("Held by: " + holder + " (bob)").contains("Release: staging v7").contains("Since: ")
                .containsPattern("Heartbeat: (8|9)\\d\\d s ago").contains("Stale: no heartbeat for");
        robot.clickOn("#confirmBreakLock");

        UiFixture.await("the lock gone from the host", 20, () -> !Files.exists(lock));
        UiFixture.await("the slot without the lock", 30, () -> slot().map(s -> s.status().fresh() && s.lock() == null).orElse(false));
        assertThat(ui.model.noticeProperty().get().text()).isEqualTo("Lock of staging on vps1 broken (it was held by " + holder + ").");
        assertThat(robot.lookup("#host-staging-vps1 .host-break-lock").queryAll()).isEmpty();
    }

    @Test
    void rollbackSaysWhatItWouldActivateBeforeDoingIt(FxRobot robot) {
        assertThat(engine.deploy(engine.release(build, staging), vps1, Progress.NONE).status()).isEqualTo(RunStatus.LIVE);
        robot.interact(() -> ui = UiFixture.show(stage, engine));
        UiFixture.await("vps1 read, running staging v1", 30, () -> slot().map(s -> s.summary().startsWith("staging v1 · app up")).orElse(false));

        // Only one release was ever live there: the explanation, and nothing else.
        robot.clickOn(robot.lookup("#host-staging-vps1 .host-rollback").<Node>query());
        UiFixture.await("the explanation", 20, () -> robot.lookup("#rollbackExplained").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).startsWith("Nothing to roll back to on vps1");
        robot.clickOn("#rollbackExplained");

        engine.setConfig(staging, Map.of("GREETING", new ConfigEntry("GREETING", "second", false)), Set.of());
        assertThat(engine.deploy(engine.release(build, staging), vps1, Progress.NONE).status()).isEqualTo(RunStatus.LIVE);
        robot.interact(ui.model::refreshAll);
        UiFixture.await("vps1 read, running staging v2", 30, () -> slot().map(s -> s.summary().startsWith("staging v2 · app up")).orElse(false));

        robot.clickOn(robot.lookup("#host-staging-vps1 .host-rollback").<Node>query());
        UiFixture.await("the rollback confirmation", 20, () -> robot.lookup("#confirmRollback").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).startsWith("Rollback on vps1 will activate staging v1 (v1-");
        robot.clickOn("#confirmRollback");

        UiFixture.await("the rollback recorded live", 120, () -> engine.recentRuns(staging, vps1, 1).stream()
                .anyMatch(r -> r.kind() == org.stageboard.core.RunKind.ROLLBACK && r.status() == RunStatus.LIVE));
        UiFixture.await("vps1 read again, running staging v1", 30, () -> slot().map(s -> s.summary().startsWith("staging v1 · app up")
                && s.since(java.time.Clock.systemDefaultZone()).endsWith("(rollback)")).orElse(false));
    }

    @Test
    void logsFollowTheAppAndRestartAsksThenRunsTheReleaseAgain(FxRobot robot) {
        assertThat(engine.deploy(engine.release(build, staging), vps1, Progress.NONE).status()).isEqualTo(RunStatus.LIVE);
        robot.interact(() -> ui = UiFixture.show(stage, engine));
        UiFixture.await("vps1 read, running staging v1", 30, () -> slot().map(s -> s.summary().startsWith("staging v1 · app up")).orElse(false));

        robot.clickOn(robot.lookup("#host-staging-vps1 .host-logs").<Node>query());
        UiFixture.await("the log window with the app's lines", 30, () -> LogViews.text(robot)
                .map(text -> text.contains("demo server: listening on")).orElse(false));
        assertThat(LogViews.text(robot).orElseThrow()).as("the engine masks secrets in the app's log")
                .contains("API_TOKEN=" + org.stageboard.core.Masker.MASK).doesNotContain(TOKEN);
        UiTask follow = ui.model.tasks().tasks().stream().filter(t -> t.title().startsWith("Logs of staging on vps1")).findFirst().orElseThrow();
        assertThat(follow.stateProperty().get().finished()).as("following until the window closes").isFalse();

        // The log window stays open (it follows the app); the user goes back to the main window to press Restart.
        robot.interact(stage::toFront);
        robot.clickOn(robot.lookup("#host-staging-vps1 .host-restart").<Node>query());
        UiFixture.await("the restart confirmation", 20, () -> robot.lookup("#confirmRestart").tryQuery().isPresent());
        robot.clickOn("#confirmRestart");
        UiFixture.await("the restart recorded live", 120, () -> engine.runs(project).stream()
                .anyMatch(r -> r.kind() == org.stageboard.core.RunKind.RESTART && r.status() == RunStatus.LIVE));
        UiFixture.await("the followed log showing the restarted app", 30, () -> LogViews.text(robot)
                .map(text -> text.split("demo server: listening on", -1).length > 2).orElse(false));

        robot.interact(() -> LogViews.stage(robot).close());
        UiFixture.await("following stopped when the window closed", 30, () -> follow.stateProperty().get().finished());
    }

    private java.util.Optional<HostSlot> slot() {
        return ui == null ? java.util.Optional.empty() : ui.model.board().hostSlot("staging", "vps1");
    }
}
