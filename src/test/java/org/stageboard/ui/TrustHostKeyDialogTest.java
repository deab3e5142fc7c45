package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Host;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.SshTestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A host's key is pinned only after the user saw its fingerprint and clicked "Trust this key"; a changed key is a warning. */
@ExtendWith(ApplicationExtension.class)
class TrustHostKeyDialogTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private SshTestServer other;
    private UiFixture ui;
    private Host host;

    @Start
    void start(Stage stage) throws IOException {
        Path work = Files.createDirectories(temp.resolve("trust-" + System.nanoTime()));
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        server = SshTestServer.start(work);
        other = SshTestServer.start(work);
        host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
        server.close();
        other.close();
    }

    @Test
    void anUnknownKeyIsShownAndPinnedOnlyOnAnExplicitClick(FxRobot robot) {
        openTrustDialog(robot);
        Label verdict = robot.lookup("#hostKeyVerdict").queryAs(Label.class);
        assertThat(verdict.getText()).contains("First connection");
        assertThat(engine.host("vps1").hostKeyFingerprint()).as("nothing pinned before the click").isNull();

        robot.clickOn("#trustKeyButton");
        UiFixture.await("the dialog to close", 20, () -> robot.lookup("#hostFingerprint").tryQuery().isEmpty());
        assertThat(engine.host("vps1").hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(robot.lookup("#noticeText").queryAs(Label.class).getText()).contains("The key of vps1 is trusted");
    }

    @Test
    void aChangedKeyIsAWarning(FxRobot robot) throws IOException {
        // Pin another server's key for this address and port: the host now presents a key that differs.
        String otherLine = Files.readString(other.knownHosts()).strip();
        String entry = "[127.0.0.1]:" + server.port() + otherLine.substring(otherLine.indexOf(' '));
        Files.createDirectories(engine.home().knownHosts().getParent());
        Files.writeString(engine.home().knownHosts(), entry + "\n");
        org.stageboard.pipeline.EngineAccess.catalog(engine).hosts().pinHostKey(host.id(), other.hostKeyFingerprint());

        openTrustDialog(robot);
        Label verdict = robot.lookup("#hostKeyVerdict").queryAs(Label.class);
        assertThat(verdict.getText()).contains("CHANGED");
        assertThat(verdict.getStyleClass()).contains("form-warning");
        assertThat(robot.lookup("#trustKeyButton").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#dialogCancel");
        assertThat(engine.host("vps1").hostKeyFingerprint()).isEqualTo(other.hostKeyFingerprint());
    }

    private void openTrustDialog(FxRobot robot) {
        robot.clickOn("#hostsMenu").clickOn("Trust host key…");
        UiFixture.await("the host chooser", 10, () -> robot.lookup("OK").tryQuery().isPresent());
        robot.clickOn("OK");
        UiFixture.await("the fingerprint", 20, () -> robot.lookup("#hostFingerprint").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("SHA256:")).orElse(false)
                || robot.lookup("#dialogError").tryQuery().map(n -> n.isVisible()).orElse(false));
        Label error = robot.lookup("#dialogError").queryAs(Label.class);
        assertThat(error.isVisible()).as("engine error: " + error.getText()).isFalse();
        assertThat(robot.lookup("#hostFingerprint").queryAs(Label.class).getText()).isEqualTo(server.hostKeyFingerprint());
    }
}
