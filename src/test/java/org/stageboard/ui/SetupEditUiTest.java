package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Environment;
import org.stageboard.core.Event;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Fixing set-up from the window's menus on a real catalog: a host whose address has a typo is
 * edited (a host:port is refused as typed, Save disabled with the reason); an environment with a
 * host attached cannot be removed (the engine says which host); once the host is detached it is
 * removed after the window said which history goes with it.
 */
@ExtendWith(ApplicationExtension.class)
class SetupEditUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private UiFixture ui;
    private Project project;
    private Environment staging;
    private Host host;

    @Start
    void start(Stage stage) {
        Path work = temp.resolve("edit-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        server = SshTestServer.start(work.resolve("ssh"));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        project = engine.addProject("demo", work.resolve("repo"), "main", new Recipe("true", List.of("**")));
        staging = engine.addEnvironment(project, "staging", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
        host = engine.addHost("vps1", "127.0.0.l", server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, host);
        engine.release(engine.build(project, "main", org.stageboard.core.Progress.NONE), staging);
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
        server.close();
    }

    @Test
    void aHostsAddressTypoIsFixedInEditHost(FxRobot robot) {
        UiFixture.await("the project", 10, () -> ui.model.projectProperty().get() != null);
        robot.clickOn("#hostsMenu").clickOn("Edit host…");
        UiFixture.await("the host chooser", 10, () -> robot.lookup("OK").tryQuery().isPresent());
        robot.clickOn("OK");
        UiFixture.await("the Edit host dialog", 10, () -> robot.lookup("#hostAddress").tryQuery().isPresent());
        TextField address = robot.lookup("#hostAddress").queryAs(TextField.class);
        assertThat(address.getText()).isEqualTo("127.0.0.l");
        Label reason = robot.lookup("#dialogReason").queryAs(Label.class);
        Button save = robot.lookup("#dialogConfirm").queryAs(Button.class);
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn(address);
        robot.interact(address::clear);
        robot.write("127.0.0.1:" + server.port());
        UiFixture.await("the address's reason", 5, () -> reason.getText().contains("has a port in it"));
        assertThat(reason.isVisible()).isTrue();
        assertThat(save.isDisabled()).as("Save disabled while the reason shows").isTrue();
        for (int i = 0; i <= String.valueOf(server.port()).length(); i++) {
            robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        }
        UiFixture.await("Save", 5, () -> !save.isDisabled());
        assertThat(address.getText()).isEqualTo("127.0.0.1");
        assertThat(robot.lookup("#hostUnpinNote").queryAs(Label.class).isVisible()).as("no key was trusted yet").isFalse();
        robot.clickOn(save);

        UiFixture.await("the dialog to close", 10, () -> robot.lookup("#hostAddress").tryQuery().isEmpty());
        assertThat(engine.host("vps1").address()).isEqualTo("127.0.0.1");
        UiFixture.await("the notice", 10, () -> robot.lookup("#noticeText").queryAs(Label.class).getText().contains("Host vps1 saved"));
        Event edit = EngineAccess.catalog(engine).events().recent(5).stream().filter(e -> e.action().equals("host.edit")).findFirst().orElseThrow();
        assertThat(edit.detail()).contains("address 127.0.0.l:" + server.port() + " -> 127.0.0.1:" + server.port());
    }

    @Test
    void removingAnEnvironmentIsRefusedWhileAHostIsAttachedThenDetachAndRemoveAfterSayingWhatIsLost(FxRobot robot) {
        UiFixture.await("the project", 10, () -> ui.model.projectProperty().get() != null && !ui.model.environments().isEmpty());
        robot.clickOn("#environmentsMenu").clickOn("Remove environment…");
        UiFixture.await("the question", 10, () -> robot.lookup("#confirmRemove").tryQuery().isPresent());
        robot.clickOn("#confirmRemove");
        UiFixture.await("the refusal", 10, () -> robot.lookup("#removeRefused").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).as("the engine's message")
                .contains("Environment staging still runs on vps1").contains("detach them first");
        robot.clickOn("#removeRefused");
        assertThat(engine.environments(project)).hasSize(1);

        robot.clickOn("#environmentsMenu").clickOn("Detach host…");
        UiFixture.await("the host chooser", 10, () -> robot.lookup("OK").tryQuery().isPresent());
        robot.clickOn("OK");
        UiFixture.await("the question", 10, () -> robot.lookup("#confirmDetach").tryQuery().isPresent());
        robot.clickOn("#confirmDetach");
        UiFixture.await("the host detached", 10, () -> engine.hosts(staging).isEmpty());
        UiFixture.await("the notice", 10, () -> robot.lookup("#noticeText").queryAs(Label.class).getText().contains("vps1 no longer runs staging"));

        robot.clickOn("#environmentsMenu").clickOn("Remove environment…");
        UiFixture.await("the question", 10, () -> robot.lookup("#confirmRemove").tryQuery().isPresent());
        robot.clickOn("#confirmRemove");
        UiFixture.await("what would be lost", 10, () -> robot.lookup("#confirmForceRemove").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).as("the engine's message")
                .contains("Environment staging has 1 releases and 0 runs").doesNotContain("--force");
        assertThat(engine.environments(project)).as("nothing removed before the answer").hasSize(1);
        robot.clickOn("#confirmForceRemove");
        UiFixture.await("the environment removed", 10, () -> engine.environments(project).isEmpty());
        UiFixture.await("the notice", 10, () -> robot.lookup("#noticeText").queryAs(Label.class).getText().contains("Environment staging removed"));
        assertThat(engine.history(project, 10)).extracting(Event::action).contains("env.detach", "env.remove");
        assertThat(engine.hosts()).as("the host stays saved").extracting(Host::name).containsExactly("vps1");
    }

    @Test
    void editProjectRefusesABadNameAsTypedThenSavesTheNewNameAndSteps(FxRobot robot) {
        UiFixture.await("the project", 10, () -> ui.model.projectProperty().get() != null);
        robot.clickOn("#projectMenu").clickOn("Edit project…");
        UiFixture.await("the Edit project dialog", 10, () -> robot.lookup("#projectName").tryQuery().isPresent());
        Label reason = robot.lookup("#dialogReason").queryAs(Label.class);
        Button save = robot.lookup("#dialogConfirm").queryAs(Button.class);
        TextField name = robot.lookup("#projectName").queryAs(TextField.class);
        robot.clickOn(name);
        robot.interact(name::clear);
        robot.write("shop/api");
        UiFixture.await("the name's reason", 5, () -> reason.getText().contains("cannot contain '/'"));
        assertThat(save.isDisabled()).isTrue();
        robot.interact(name::clear);
        robot.write("shop");
        javafx.scene.control.TextArea steps = robot.lookup("#projectSteps").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> steps.setText("test: true\npackage: true"));
        UiFixture.await("Save", 5, () -> !save.isDisabled());
        robot.clickOn(save);

        UiFixture.await("the dialog to close", 10, () -> robot.lookup("#projectName").tryQuery().isEmpty());
        Project saved = engine.project("shop");
        assertThat(saved.recipe().steps()).extracting(org.stageboard.core.RecipeStep::name).containsExactly("test", "package");
        UiFixture.await("the chooser shows the new name", 10, () -> ui.model.projectProperty().get() != null
                && ui.model.projectProperty().get().name().equals("shop"));
        assertThat(engine.history(saved, 5).get(0).detail()).contains("name demo -> shop").contains("recipe");
    }
}
