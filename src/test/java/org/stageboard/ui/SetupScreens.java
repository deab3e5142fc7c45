package org.stageboard.ui;

import static org.stageboard.ui.ScreenHarness.await;
import static org.stageboard.ui.ScreenHarness.fx;
import static org.stageboard.ui.ScreenHarness.lookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.EncryptedKeys;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.dialog.AttachHostDialog;
import org.stageboard.ui.dialog.ConfigDialog;
import org.stageboard.ui.dialog.HostAddDialog;
import org.stageboard.ui.dialog.HostAddModel;
import org.stageboard.ui.dialog.HostEditDialog;
import org.stageboard.ui.dialog.HostEditModel;
import org.stageboard.ui.dialog.ReleaseDialog;
import org.stageboard.ui.dialog.SetupViewModel;
import org.stageboard.ui.dialog.TrustHostKeyDialog;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.stageboard.ui.wizard.EnvironmentWizardModel;

/**
 * Opens a real set-up view for a screenshot in the app's theme and leaves it open until this
 * process is killed: {@code SetupScreens <work-dir> <view> [light|dark]} where the view is
 * {@code host-add} (Add host with a key that has a passphrase, the right one typed, and a relative
 * base folder), {@code host-trust} (a new host's key to compare), {@code host-attach} (the host just
 * added chosen), {@code release} (the config a release would snapshot, a secret masked), {@code config} (Edit config
 * with a key typed twice), {@code host-edit} (Edit host of a trusted host, a host:port typed in the address) or
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
                styled("#hostName");
                fx(() -> {
                    model.nameProperty().set("vps1");
                    model.addressProperty().set("vps1.example.net");
                    model.key().fileProperty().set(key.toString());
                    model.key().passphraseProperty().set("open sesame");
                    model.baseDirProperty().set("srv/stageboard");
                });
                await(() -> model.reason().get().contains("absolute path"));
            }
            case "host-trust" -> {
                Host host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), "/srv/stageboard");
                Platform.runLater(() -> TrustHostKeyDialog.show(null, host, new SetupViewModel(engine), executor));
                styled("#hostFingerprint");
                await(() -> ((Label) lookup("#hostFingerprint")).getText().startsWith("SHA256:"));
            }
            case "host-attach" -> {
                List<Environment> environments = List.of(staging(engine, project), engine.addEnvironment(project, "production", RUN));
                engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), "/srv/stageboard");
                Host added = engine.addHost("vps2", "203.0.113.7", 22, "deploy", server.clientKey(), "/srv/stageboard");
                Platform.runLater(() -> AttachHostDialog.show(null, environments, added, new SetupViewModel(engine), executor));
                styled("#attachHost");
                await(() -> ((ComboBox<?>) lookup("#attachHost")).getValue() != null);
            }
            case "release" -> {
                Project built = engine.addProject("shop-web", work.resolve("shop-api"), "main", new Recipe("true", List.of("pom.xml")));
                Environment staging = staging(engine, built);
                engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false),
                        "DB_PASSWORD", new ConfigEntry("DB_PASSWORD", "hunter2", true)), Set.of());
                Build build = engine.build(built, "main", Progress.NONE);
                Platform.runLater(() -> ReleaseDialog.show(null, build, List.of(staging), new SetupViewModel(engine), executor));
                styled("#releaseConfig");
                await(() -> ((Label) lookup("#releaseConfig")).getText().contains("config v1"));
            }
            case "config" -> {
                Environment staging = staging(engine, project);
                engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false),
                        "DB_PASSWORD", new ConfigEntry("DB_PASSWORD", "hunter2", true)), Set.of());
                Platform.runLater(() -> ConfigDialog.show(null, staging, new SetupViewModel(engine), executor));
                styled("#configRows");
                await(() -> ((Label) lookup("#configVersion")).getText().startsWith("Current"));
                fx(() -> ((Button) lookup("#configAdd")).fire());
                await(() -> ((VBox) lookup("#configRows")).getChildren().size() == 3);
                fx(() -> ((TextField) ((HBox) ((VBox) lookup("#configRows")).getChildren().get(2)).getChildren().get(0)).setText("PORT"));
            }
            case "host-edit" -> {
                Host host = engine.trustHostKey(engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(),
                        "/srv/stageboard"), server.hostKeyFingerprint());
                HostEditModel model = new HostEditModel(engine, host);
                Platform.runLater(() -> HostEditDialog.show(null, model, executor));
                styled("#hostAddress");
                fx(() -> ((TextField) lookup("#hostAddress")).setText("203.0.113.9:2222"));
            }
            default -> {
                EnvironmentWizardModel model = WizardScreens.hostPage(engine, project, server, work, key, "/srv/stageboard");
                fx(() -> model.passphraseProperty().set("open sesam"));
                await(() -> model.hostReason().get().contains("is wrong"));
            }
        }
        ScreenHarness.ready();
    }

    private static final RunSettings RUN = RunSettings.of("java -jar app.jar", "http://127.0.0.1:8080/health");

    private static Environment staging(Stageboard engine, Project project) {
        return engine.addEnvironment(project, "staging", RUN);
    }

    /** Waits for the dialog holding this node and gives it Stageboard's stylesheet (the owner window would). */
    private static void styled(String id) throws Exception {
        await(() -> lookup(id) != null);
        fx(() -> lookup(id).getScene().getStylesheets().add(MainWindow.STYLESHEET));
    }
}
