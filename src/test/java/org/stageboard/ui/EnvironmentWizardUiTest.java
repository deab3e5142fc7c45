package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stageboard.ui.AddProjectDialogTest.finish;
import static org.stageboard.ui.AddProjectDialogTest.next;
import static org.stageboard.ui.AddProjectDialogTest.replace;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.EncryptedKeys;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The New environment wizard driven headless against the in-process SSH server: invalid input
 * keeps Next disabled with the reason shown; a key with a passphrase asks for it; the host's
 * SHA-256 fingerprint is shown and trusted on the click; the test logs in and reports the
 * server's refusal to forward ports; Finish saves the environment, host and config; Cancel after
 * trusting saves nothing and says the trusted key stays.
 */
@ExtendWith(ApplicationExtension.class)
class EnvironmentWizardUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private UiFixture ui;
    private Project project;
    private Path work;

    @Start
    void start(Stage stage) {
        work = temp.resolve("env-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        server = SshTestServer.start(work.resolve("ssh"));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        project = engine.addProject("demo", work.resolve("repo"), "main", new Recipe("true", List.of("**")));
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
        server.close();
    }

    @Test
    void throughEveryPageWithInvalidInputAKeyWithAPassphraseTrustAndTestThenFinish(FxRobot robot) {
        server.setForwardingAllowed(false);
        Path key = EncryptedKeys.encryptedCopy(server.clientKey(), "open sesame", work.resolve("id_encrypted"));
        open(robot);
        Label reason = robot.lookup("#wizardReason").queryAs(Label.class);
        robot.clickOn("#wizEnvName").write("prod/eu");
        UiFixture.await("the name's reason", 5, () -> reason.getText().contains("cannot contain '/'"));
        assertThat(next(robot).isDisabled()).isTrue();
        replace(robot, "#wizEnvName", "staging");
        UiFixture.await("Next", 5, () -> !next(robot).isDisabled());
        robot.clickOn(next(robot));

        UiFixture.await("the host page", 10, () -> robot.lookup("#wizHostName").tryQuery().isPresent());
        Label hostReason = robot.lookup("#wizardReason").queryAs(Label.class);
        robot.clickOn("#wizHostName").write("vps1");
        paste(robot, "#wizAddress", "no-such-host.invalid");
        UiFixture.await("the unknown host's reason", 10, () -> hostReason.getText().contains("does not resolve"));
        assertThat(next(robot).isDisabled()).isTrue();
        replace(robot, "#wizAddress", server.address());
        replace(robot, "#wizSshPort", "70000");
        UiFixture.await("the port's reason", 5, () -> hostReason.getText().equals("Port 70000 is out of range: use 1-65535 (SSH is usually 22)."));
        assertThat(next(robot).isDisabled()).isTrue();
        replace(robot, "#wizSshPort", String.valueOf(server.port()));
        paste(robot, "#wizUser", server.user());
        assertThat(robot.lookup("#wizPassphrase").queryAs(TextField.class).isVisible()).isFalse();
        paste(robot, "#wizKeyFile", key.toString());
        UiFixture.await("the passphrase field", 5, () -> robot.lookup("#wizPassphrase").queryAs(TextField.class).isVisible());
        UiFixture.await("the passphrase's reason", 5, () -> hostReason.getText().contains("protected by a passphrase"));
        assertThat(robot.lookup("#wizRememberPassphrase").queryAs(CheckBox.class).isSelected()).as("never stored unless ticked").isFalse();
        robot.clickOn("#wizPassphrase").write("open sesam");
        UiFixture.await("the wrong passphrase said", 15, () -> hostReason.getText().contains("is wrong: it does not open the key"));
        assertThat(next(robot).isDisabled()).isTrue();
        robot.clickOn("#wizPassphrase").write("e");
        UiFixture.await("the passphrase accepted", 15, () -> !hostReason.getText().contains("passphrase"));
        robot.clickOn("#wizRememberPassphrase");
        robot.clickOn("#wizBaseDir").write("srv");
        UiFixture.await("the folder's reason", 5, () -> hostReason.getText().contains("must be an absolute path"));
        paste(robot, "#wizBaseDir", server.baseDir().resolve("apps").toString());
        UiFixture.await("Next", 5, () -> !next(robot).isDisabled());
        robot.clickOn(next(robot));

        UiFixture.await("the host's fingerprint", 15, () -> robot.lookup("#wizFingerprint").tryQuery()
                .map(n -> ((Label) n).getText().equals(server.hostKeyFingerprint())).orElse(false));
        Label connectionReason = robot.lookup("#wizardReason").queryAs(Label.class);
        assertThat(connectionReason.getText()).isEqualTo("Compare the host's key fingerprint and click Trust this key.");
        assertThat(next(robot).isDisabled()).isTrue();
        robot.clickOn("#wizTrust");
        UiFixture.await("the key trusted", 15, () -> robot.lookup("#wizKeyVerdict").queryAs(Label.class).getText().equals("This key is trusted."));
        assertThat(connectionReason.getText()).isEqualTo("Click Test connection.");
        robot.clickOn("#wizTest");
        UiFixture.await("the test's result", 30, () -> robot.lookup("#check-port-forwarding").tryQuery().isPresent());
        assertThat(text(robot, "#check-host-key")).startsWith("OK").contains(server.hostKeyFingerprint());
        assertThat(text(robot, "#check-login")).startsWith("OK").contains("logged in as " + server.user());
        assertThat(text(robot, "#check-base-folder")).startsWith("OK");
        assertThat(text(robot, "#check-free-space")).contains("free in");
        assertThat(text(robot, "#check-port-forwarding")).startsWith("WARNING").contains("refused").contains("AllowTcpForwarding");
        UiFixture.await("Next", 5, () -> !next(robot).isDisabled());
        robot.clickOn(next(robot));

        UiFixture.await("the run page", 10, () -> robot.lookup("#wizStart").tryQuery().isPresent());
        Label runReason = robot.lookup("#wizardReason").queryAs(Label.class);
        paste(robot, "#wizStart", "java Server.java");
        replace(robot, "#wizAppPort", "0");
        UiFixture.await("the port's reason", 5, () -> runReason.getText().equals("The app port 0 is out of range: use 1-65535."));
        assertThat(next(robot).isDisabled()).isTrue();
        replace(robot, "#wizAppPort", "9090");
        UiFixture.await("Next", 5, () -> !next(robot).isDisabled());
        assertThat(text(robot, "#wizHealthUrl")).isEqualTo("Checked on the host as http://127.0.0.1:9090/health");
        robot.clickOn(next(robot));

        UiFixture.await("the config page", 10, () -> robot.lookup(".config-row").tryQuery().isPresent());
        HBox row = robot.lookup(".config-row").queryAs(HBox.class);
        robot.clickOn(row.getChildren().get(0)).write("DB_PASSWORD");
        robot.clickOn(robot.from(row).lookup(".variable-secret").queryAs(CheckBox.class));
        Node masked = robot.from(row).lookup(".password-field").query();
        assertThat(masked.isVisible()).as("a secret is typed masked").isTrue();
        robot.clickOn(masked).write("hunter22");
        assertThat(engine.environments(project)).as("nothing saved before Finish").isEmpty();
        assertThat(engine.hosts()).isEmpty();
        UiFixture.await("Finish", 5, () -> !finish(robot).isDisabled());
        robot.clickOn(finish(robot));

        UiFixture.await("the wizard to close", 10, () -> robot.lookup(".config-row").tryQuery().isEmpty());
        Environment staging = engine.environment(project, "staging");
        assertThat(staging.run().healthUrl()).isEqualTo("http://127.0.0.1:9090/health");
        Host host = engine.host("vps1");
        assertThat(host.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(host.privateKey()).isEqualTo(key);
        assertThat(engine.keyPassphraseStored(host)).as("Remember was ticked").isTrue();
        assertThat(engine.keyNeedsPassphrase(host)).isFalse();
        assertThat(engine.hosts(staging)).extracting(Host::name).containsExactly("vps1");
        ConfigVersion config = engine.currentConfig(staging).orElseThrow();
        assertThat(config.values()).containsEntry("DB_PASSWORD", "hunter22").containsEntry("PORT", "9090");
        assertThat(config.entries().get("DB_PASSWORD").secret()).isTrue();
        UiFixture.await("the notice", 10, () -> text(robot, "#noticeText").contains("staging added on host vps1"));
    }

    @Test
    void cancelAfterTrustingSavesNothingAndSaysTheTrustedKeyStays(FxRobot robot) {
        open(robot);
        robot.clickOn("#wizEnvName").write("staging");
        robot.clickOn(next(robot));
        UiFixture.await("the host page", 10, () -> robot.lookup("#wizHostName").tryQuery().isPresent());
        robot.clickOn("#wizHostName").write("vps1");
        robot.clickOn("#wizAddress").write(server.address());
        replace(robot, "#wizSshPort", String.valueOf(server.port()));
        paste(robot, "#wizUser", server.user());
        paste(robot, "#wizKeyFile", server.clientKey().toString());
        paste(robot, "#wizBaseDir", server.baseDir().toString());
        UiFixture.await("Next", 5, () -> !next(robot).isDisabled());
        robot.clickOn(next(robot));
        UiFixture.await("the host's fingerprint", 15, () -> robot.lookup("#wizFingerprint").tryQuery()
                .map(n -> ((Label) n).getText().equals(server.hostKeyFingerprint())).orElse(false));
        robot.clickOn("#wizTrust");
        UiFixture.await("the key trusted", 15, () -> text(robot, "#wizKeyVerdict").equals("This key is trusted."));
        robot.clickOn("#wizardCancel");

        UiFixture.await("the wizard to close", 10, () -> robot.lookup("#wizTrust").tryQuery().isEmpty());
        UiFixture.await("the notice", 10, () -> text(robot, "#noticeText").startsWith("Nothing was saved. The host key you trusted"));
        assertThat(text(robot, "#noticeText")).contains(server.hostKeyFingerprint()).contains("known_hosts");
        assertThat(engine.environments(project)).isEmpty();
        assertThat(engine.hosts()).isEmpty();
    }

    private void open(FxRobot robot) {
        UiFixture.await("the project", 10, () -> ui.model.projectProperty().get() != null);
        robot.clickOn("#environmentsMenu").clickOn("Add environment…");
        UiFixture.await("the New environment wizard", 10, () -> robot.lookup("#wizEnvName").tryQuery().isPresent());
    }

    /** Puts a long value in the field at once, as a paste would; short and invalid input is typed key by key. */
    private static void paste(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(text));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
