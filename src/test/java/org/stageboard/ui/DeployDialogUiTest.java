package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Deploy… from the window on a real catalog, with two hosts of the in-process SSH server running a
 * light app: the plan read from the hosts is shown for the host chosen, for every host once "every
 * host" is ticked (the host choice disabled then); the release goes to the host chosen last and to
 * no other. A release of an environment without a host cannot be deployed: Deploy stays disabled
 * with the reason saying what to do, and nothing runs.
 */
@ExtendWith(ApplicationExtension.class)
class DeployDialogUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private UiFixture ui;
    private Environment staging;
    private Environment production;
    private Host vps1;
    private Host vps2;

    @Start
    void start(Stage stage) {
        Path work = temp.resolve("deploy-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        server = SshTestServer.start(work.resolve("ssh"));
        String sha;
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            sha = git.write("app.txt", "a light app\n").commit("A light app");
        }
        Project project = engine.addProject("demo", work.resolve("repo"), "main", new Recipe("true", List.of("app.txt")));
        staging = engine.addEnvironment(project, "staging", new RunSettings("sleep 300", "command:true", 20, 2, 5));
        production = engine.addEnvironment(project, "production", new RunSettings("sleep 300", "command:true", 20, 2, 5));
        vps1 = attached("vps1");
        vps2 = attached("vps2");
        Build build = engine.build(project, sha, Progress.NONE);
        engine.release(build, staging);
        engine.release(build, production);
        ui = UiFixture.show(stage, engine);
    }

    private Host attached(String name) {
        Host host = engine.addHost(name, server.address(), server.port(), server.user(), server.clientKey(),
                server.baseDir().resolve(name).toString());
        host = engine.trustHostKey(host, server.hostKeyFingerprint());
        engine.attachHost(staging, host);
        return host;
    }

    @AfterEach
    void tearDown() {
        AppProcesses.killAll(server.baseDir());
        ui.close();
        engine.close();
        server.close();
    }

    @Test
    void thePlanOfTheHostsChosenIsShownAndTheReleaseGoesToTheHostChosen(FxRobot robot) {
        openDeploy(robot, "staging v1");
        ComboBox<Host> host = hostChoice(robot);
        CheckBox all = robot.lookup("#deployAllHosts").queryAs(CheckBox.class);
        Button deploy = robot.lookup("#dialogConfirm").queryAs(Button.class);
        UiFixture.await("the hosts and the plan", 30, () -> host.getValue() != null && !deploy.isDisabled());
        assertThat(deploy.getText()).isEqualTo("Deploy");
        assertThat(host.getValue().name()).as("the first host").isEqualTo("vps1");
        assertThat(host.getItems()).extracting(Host::name).containsExactly("vps1", "vps2");
        assertThat(planHosts(robot)).containsExactly("vps1");
        assertThat(robot.lookup("#deployPlan .plan-lines").queryLabeled().getText())
                .startsWith("now: nothing deployed").contains("→ will run staging v1");
        assertThat(all.isDisabled()).as("two hosts: every host is a choice").isFalse();
        assertThat(all.getText()).isEqualTo("every host of staging, as its rollout says (Environments ▸ Run settings…)");

        robot.clickOn(all);
        UiFixture.await("every host's plan", 5, () -> planHosts(robot).equals(List.of("vps1", "vps2")));
        assertThat(host.isDisabled()).as("no host choice with every host").isTrue();
        robot.clickOn(all);
        UiFixture.await("the host choice back", 5, () -> !host.isDisabled() && planHosts(robot).equals(List.of("vps1")));
        robot.clickOn(host).clickOn(label(host.getItems().get(1)));
        UiFixture.await("vps2's plan", 5, () -> planHosts(robot).equals(List.of("vps2")));
        assertThat(engine.recentRuns(staging, vps2, 5)).as("the plan changed nothing").isEmpty();
        robot.clickOn(deploy);

        UiFixture.await("the dialog to close", 10, () -> robot.lookup("#deployHost").tryQuery().isEmpty());
        UiFixture.await("staging v1 live on vps2", 90, () -> engine.recentRuns(staging, vps2, 5).stream()
                .anyMatch(r -> r.status() == RunStatus.LIVE));
        Run run = engine.recentRuns(staging, vps2, 1).get(0);
        assertThat(run.kind()).isEqualTo(RunKind.DEPLOY);
        assertThat(engine.recentRuns(staging, vps1, 5)).as("only the host chosen").isEmpty();
    }

    @Test
    void aReleaseOfAnEnvironmentWithoutAHostCannotBeDeployedAndTheDialogSaysWhatToDo(FxRobot robot) {
        openDeploy(robot, "production v1");
        Label reason = robot.lookup("#dialogReason").queryAs(Label.class);
        Button deploy = robot.lookup("#dialogConfirm").queryAs(Button.class);
        UiFixture.await("the reason", 30, () -> reason.getText()
                .equals("No host is attached to production: add one under Hosts ▸ Add host…, trust its key, and attach it."));
        UiFixture.await("the plan step over", 30, () -> robot.lookup("#deployPlanStatus").queryLabeled().getText()
                .equals("No plan: production has no host."));
        assertThat(deploy.isDisabled()).isTrue();
        assertThat(robot.lookup("#deployAllHosts").queryAs(CheckBox.class).isDisabled()).isTrue();
        assertThat(planHosts(robot)).isEmpty();
        robot.clickOn("#dialogCancel");
        UiFixture.await("the dialog to close", 10, () -> robot.lookup("#deployHost").tryQuery().isEmpty());
        assertThat(engine.recentRuns(staging, vps1, 5)).isEmpty();
        assertThat(engine.recentRuns(staging, vps2, 5)).isEmpty();
    }

    private void openDeploy(FxRobot robot, String card) {
        UiFixture.await("the release " + card + " on the board", 30, () -> UiFixture.card(robot, card) != null);
        UiFixture.clickCard(robot, card);
        robot.clickOn("#deployButton");
        UiFixture.await("the Deploy dialog", 10, () -> robot.lookup("#deployHost").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Host> hostChoice(FxRobot robot) {
        return robot.lookup("#deployHost").queryAs(ComboBox.class);
    }

    /** The hosts whose plan the dialog shows, in order. */
    private static List<String> planHosts(FxRobot robot) {
        return robot.lookup("#deployPlan .plan-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String label(Host host) {
        return org.stageboard.ui.dialog.Choices.hostLabel(host);
    }
}
