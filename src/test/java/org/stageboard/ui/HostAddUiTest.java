package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.EncryptedKeys;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Hosts ▸ Add host… from the window against the in-process SSH server, with a private key that has
 * a passphrase: each field is refused as typed (Add host disabled, the reason shown), the
 * passphrase row appears for the encrypted key and a wrong passphrase is said; the host is added,
 * its key shown and trusted on the explicit click, then it is attached to the environment.
 */
@ExtendWith(ApplicationExtension.class)
class HostAddUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private UiFixture ui;
    private Environment staging;

    @Start
    void start(Stage stage) {
        Path work = temp.resolve("add-host-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        server = SshTestServer.start(work.resolve("ssh"));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        Project project = engine.addProject("demo", work.resolve("repo"), "main", new Recipe("true", List.of("**")));
        staging = engine.addEnvironment(project, "staging", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
        engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
        server.close();
    }

    @Test
    void addHostRefusesEachFieldAsTypedThenAddsAHostWithAnEncryptedKeyTrustsItsKeyAndAttachesIt(FxRobot robot) {
        UiFixture.await("the project", 10, () -> ui.model.projectProperty().get() != null && !ui.model.environments().isEmpty());
        Path key = EncryptedKeys.encryptedCopy(server.clientKey(), "open sesame", temp.resolve("id_enc-" + System.nanoTime()));
        robot.clickOn("#hostsMenu").clickOn("Add host…");
        UiFixture.await("the Add host dialog", 10, () -> robot.lookup("#hostName").tryQuery().isPresent());
        Label reason = robot.lookup("#dialogReason").queryAs(Label.class);
        Button add = robot.lookup("#dialogConfirm").queryAs(Button.class);
        assertThat(add.getText()).isEqualTo("Add host");
        assertThat(reason.getText()).isEqualTo("Give the host a name, e.g. vps1.");
        assertThat(add.isDisabled()).isTrue();
        assertThat(robot.lookup("#hostPassphrase").queryAs(PasswordField.class).isVisible()).isFalse();

        robot.clickOn("#hostName").write("vps1");
        UiFixture.await("the name's reason", 5, () -> reason.getText().contains("A host named 'vps1' is already saved"));
        robot.clickOn("#hostName").write("b");
        robot.clickOn("#hostAddress").write("127.0.0.1:" + server.port());
        UiFixture.await("the address's reason", 5, () -> reason.getText().contains("has a port in it"));
        assertThat(add.isDisabled()).as("disabled while the reason shows").isTrue();
        replace(robot, "#hostAddress", "127.0.0.1");
        replace(robot, "#hostPort", String.valueOf(server.port()));
        replace(robot, "#hostUser", server.user());
        replace(robot, "#hostKeyFile", key.toString());
        UiFixture.await("the passphrase asked for", 5, () -> robot.lookup("#hostPassphrase").queryAs(PasswordField.class).isVisible());
        CheckBox remember = robot.lookup("#hostRememberPassphrase").queryAs(CheckBox.class);
        assertThat(remember.getText()).isEqualTo("Remember this passphrase (stored encrypted in the catalog)");
        assertThat(remember.isSelected()).as("never stored unless ticked").isFalse();
        assertThat(reason.getText()).contains("is protected by a passphrase");

        robot.clickOn("#hostPassphrase").write("open sesam");
        UiFixture.await("the wrong passphrase said", 15, () -> reason.getText().contains("is wrong"));
        robot.clickOn("#hostPassphrase").write("e");
        UiFixture.await("the passphrase accepted", 15, () -> reason.getText().startsWith("Give the base folder"));
        robot.clickOn("#hostBaseDir").write(server.baseDir().toString());
        UiFixture.await("Add host enabled", 5, () -> !add.isDisabled() && reason.getText().isEmpty());
        assertThat(engine.hosts()).as("nothing saved before Add host").extracting(Host::name).containsExactly("vps1");
        robot.clickOn(add);

        UiFixture.await("the Trust host key dialog", 20, () -> robot.lookup("#trustKeyButton").tryQuery().isPresent()
                && !robot.lookup("#trustKeyButton").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#hostFingerprint").queryAs(Label.class).getText()).isEqualTo(server.hostKeyFingerprint());
        Host added = engine.host("vps1b");
        assertThat(added.hostKeyFingerprint()).as("nothing trusted before the click").isNull();
        assertThat(engine.keyNeedsPassphrase(added)).as("the passphrase is kept for this window").isFalse();
        assertThat(engine.keyPassphraseStored(added)).isFalse();
        robot.clickOn("#trustKeyButton");

        UiFixture.await("the Attach host dialog", 20, () -> robot.lookup("#attachEnvironment").tryQuery().isPresent());
        assertThat(engine.host("vps1b").hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
        UiFixture.await("the host chosen", 10, () -> robot.lookup("#dialogConfirm").tryQuery().isPresent()
                && !robot.lookup("#dialogConfirm").queryAs(Button.class).isDisabled());
        robot.clickOn("#dialogConfirm");
        UiFixture.await("the host attached", 10, () -> engine.hosts(staging).stream().anyMatch(h -> h.name().equals("vps1b")));
        UiFixture.await("the notice", 10, () -> robot.lookup("#noticeText").queryAs(Label.class).getText().contains("Host attached to staging"));
    }

    private static void replace(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }
}
