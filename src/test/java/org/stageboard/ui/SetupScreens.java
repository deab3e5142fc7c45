package org.stageboard.ui;

import static org.stageboard.ui.ScreenHarness.await;
import static org.stageboard.ui.ScreenHarness.fire;
import static org.stageboard.ui.ScreenHarness.fx;
import static org.stageboard.ui.ScreenHarness.lookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.EncryptedKeys;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.dialog.HostAddDialog;
import org.stageboard.ui.dialog.HostAddModel;
import org.stageboard.ui.dialog.HostEditDialog;
import org.stageboard.ui.dialog.HostEditModel;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.stageboard.ui.wizard.EnvironmentWizard;
import org.stageboard.ui.wizard.EnvironmentWizardModel;

/**
 * Opens a real set-up view for a screenshot in the app's theme and leaves it open until this
 * process is killed: {@code SetupScreens <work-dir> <view> [light|dark]} where the view is
 * {@code host-add} (Add host with a key that has a passphrase, the right one typed, and a relative
 * base folder), {@code host-edit} (Edit host of a trusted host, a host:port typed in the address) or
 * {@code wizard-passphrase} (the New environment wizard's host page with a key that has a
 * passphrase, a wrong one typed). Prints "ready" when it is there.
 */
public final class SetupScreens {

    private SetupScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        SshTestServer server = SshTestServer.start(work.resolve("ssh"));
        Stageboard engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        try (GitFixture git = GitFixture.init(work.resolve("shop-api"))) {
            git.write("pom.xml", "<project/>\n").commit("First version of the shop API");
        }
        Project project = engine.addProject("shop-api", work.resolve("shop-api"), "main", new Recipe("./mvnw -q package", List.of("target/*.jar")));
        ScreenHarness.start(args.length > 2 ? args[2] : "light");
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(2);
        Path key = EncryptedKeys.encryptedCopy(server.clientKey(), "open sesame", work.resolve("id_ed25519_work"));
        switch (args[1]) {
            case "host-add" -> {
                HostAddModel model = new HostAddModel(engine, server.user(), "");
                Platform.runLater(() -> HostAddDialog.show(null, model, executor).ifPresent(h -> { }));
                await(() -> lookup("#hostName") != null);
                fx(() -> {
                    lookup("#hostName").getScene().getStylesheets().add(MainWindow.STYLESHEET);
                    model.nameProperty().set("vps1");
                    model.addressProperty().set("vps1.example.net");
                    model.key().fileProperty().set(key.toString());
                    model.key().passphraseProperty().set("open sesame");
                    model.baseDirProperty().set("srv/stageboard");
                });
                await(() -> model.reason().get().contains("absolute path"));
            }
            case "host-edit" -> {
                Host host = engine.trustHostKey(engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(),
                        "/srv/stageboard"), server.hostKeyFingerprint());
                HostEditModel model = new HostEditModel(engine, host);
                Platform.runLater(() -> HostEditDialog.show(null, model, executor));
                await(() -> lookup("#hostAddress") != null);
                fx(() -> {
                    lookup("#hostAddress").getScene().getStylesheets().add(MainWindow.STYLESHEET);
                    ((TextField) lookup("#hostAddress")).setText("203.0.113.9:2222");
                });
            }
            default -> {
                EnvironmentWizardModel model = new EnvironmentWizardModel(engine, project, server.user());
                Platform.runLater(() -> EnvironmentWizard.show(null, model, executor, MainWindow.STYLESHEET, work.resolve("no-ssh-config")));
                await(() -> lookup("#wizEnvName") != null);
                fx(() -> model.nameProperty().set("staging"));
                fire("#wizardNext");
                await(() -> lookup("#wizHostName") != null);
                fx(() -> {
                    model.hostNameProperty().set("vps1");
                    model.addressProperty().set(server.address());
                    model.sshPortProperty().set(String.valueOf(server.port()));
                    model.keyFileProperty().set(key.toString());
                    model.baseDirProperty().set("/srv/stageboard");
                    model.passphraseProperty().set("open sesam");
                });
                await(() -> model.hostReason().get().contains("is wrong"));
            }
        }
        ScreenHarness.ready();
    }
}
