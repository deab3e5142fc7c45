package org.stageboard.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.EncryptedKeys;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.dialog.HostEditDialog;
import org.stageboard.ui.dialog.HostEditModel;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.stageboard.ui.wizard.EnvironmentWizard;
import org.stageboard.ui.wizard.EnvironmentWizardModel;

/**
 * Opens a real set-up view for a screenshot and leaves it open until this process is killed:
 * {@code SetupScreens <work-dir> host-edit} (Edit host of a trusted host, a host:port typed in the
 * address) or {@code SetupScreens <work-dir> wizard-passphrase} (the New environment wizard's host
 * page with a key that has a passphrase, a wrong one typed). Prints "ready" when it is there.
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
        Platform.startup(() -> { });
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(2);
        if (args[1].equals("host-edit")) {
            Host host = engine.trustHostKey(engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(),
                    "/srv/stageboard"), server.hostKeyFingerprint());
            HostEditModel model = new HostEditModel(engine, host);
            Platform.runLater(() -> HostEditDialog.show(null, model, executor));
            await(() -> lookup("#hostAddress") != null);
            fx(() -> {
                Node dialogRoot = lookup("#hostAddress").getScene().getRoot();
                dialogRoot.getScene().getStylesheets().add(MainWindow.STYLESHEET);
                ((TextField) lookup("#hostAddress")).setText("203.0.113.9:2222");
            });
        } else {
            Path key = EncryptedKeys.encryptedCopy(server.clientKey(), "open sesame", work.resolve("id_ed25519_work"));
            EnvironmentWizardModel model = new EnvironmentWizardModel(engine, project, server.user());
            Platform.runLater(() -> EnvironmentWizard.show(null, model, executor, MainWindow.STYLESHEET, work.resolve("no-ssh-config")));
            await(() -> lookup("#wizEnvName") != null);
            fx(() -> model.nameProperty().set("staging"));
            await(() -> lookup("#wizardNext") != null && !lookup("#wizardNext").isDisabled());
            fx(() -> ((Button) lookup("#wizardNext")).fire());
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
        Thread.sleep(1500);
        System.out.println("ready");
    }

    private static Node lookup(String id) {
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null) {
                Node node = window.getScene().lookup(id);
                if (node != null) {
                    return node;
                }
            }
        }
        return null;
    }

    private static void fx(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 300; i++) {
            boolean[] ok = new boolean[1];
            fx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the view did not get there");
    }
}
