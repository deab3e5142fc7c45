package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
 * Work on a host whose key has a passphrase the engine does not know (what deploy, rollback and
 * the host actions go through): the window asks for it first; a wrong one is said and asked
 * again; the right one starts the work; Cancel starts nothing. Real engine, real encrypted key.
 */
@ExtendWith(ApplicationExtension.class)
class KeyUnlockUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private UiFixture ui;
    private Stage stage;
    private Host host;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path work = temp.resolve("unlock-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        server = SshTestServer.start(work.resolve("ssh"));
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        Project project = engine.addProject("demo", work.resolve("repo"), "main", new Recipe("true", List.of("**")));
        Path key = EncryptedKeys.encryptedCopy(server.clientKey(), "open sesame", work.resolve("id_enc"));
        host = engine.addHost("vps1", server.address(), server.port(), server.user(), key, server.baseDir().toString());
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
        server.close();
    }

    @Test
    void aWrongPassphraseIsSaidAndAskedAgainTheRightOneStartsTheWork(FxRobot robot) {
        AtomicInteger started = new AtomicInteger();
        KeyUnlock keys = new KeyUnlock(ui.model, () -> stage);
        robot.interact(() -> keys.then(host, started::incrementAndGet));
        UiFixture.await("the passphrase dialog", 10, () -> robot.lookup("#keyPassphrase").tryQuery().isPresent());
        Button unlock = robot.lookup("#dialogConfirm").queryAs(Button.class);
        assertThat(unlock.isDisabled()).as("nothing typed yet").isTrue();
        assertThat(robot.lookup("#keyRemember").queryAs(CheckBox.class).isSelected()).as("never stored unless ticked").isFalse();
        assertThat(robot.lookup("#keyRemember").queryAs(CheckBox.class).getText())
                .isEqualTo("Remember this passphrase (stored encrypted in the catalog)");

        robot.clickOn("#keyPassphrase").write("open sesam");
        robot.clickOn(unlock);
        UiFixture.await("the wrong passphrase said", 15, () -> robot.lookup("#dialogError").queryAs(Label.class).getText()
                .contains("is wrong: it does not open the key"));
        assertThat(started.get()).isZero();
        robot.clickOn("#keyPassphrase").write("e");
        robot.clickOn(unlock);
        UiFixture.await("the work started", 15, () -> started.get() == 1);
        assertThat(robot.lookup("#keyPassphrase").tryQuery()).isEmpty();
        assertThat(engine.keyNeedsPassphrase(host)).isFalse();
        assertThat(engine.keyPassphraseStored(host)).isFalse();

        robot.interact(() -> keys.then(host, started::incrementAndGet));
        UiFixture.await("the work started at once: the key is unlocked", 10, () -> started.get() == 2);
    }

    @Test
    void cancelStartsNothing(FxRobot robot) {
        AtomicInteger started = new AtomicInteger();
        KeyUnlock keys = new KeyUnlock(ui.model, () -> stage);
        robot.interact(() -> keys.then(host, started::incrementAndGet));
        UiFixture.await("the passphrase dialog", 10, () -> robot.lookup("#keyPassphrase").tryQuery().isPresent());
        robot.clickOn("#dialogCancel");
        UiFixture.await("the notice", 10, () -> robot.lookup("#noticeText").queryAs(Label.class).getText().startsWith("Nothing was started"));
        assertThat(started.get()).isZero();
        assertThat(engine.keyNeedsPassphrase(host)).isTrue();
    }
}
