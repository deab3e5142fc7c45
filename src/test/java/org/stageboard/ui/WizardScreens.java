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
import javafx.stage.Window;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.stageboard.ui.wizard.EnvironmentWizard;
import org.stageboard.ui.wizard.EnvironmentWizardModel;

/**
 * Opens the real New environment wizard (for a screenshot) against an in-process SSH server,
 * fills its pages, trusts the host key and runs the connection test, then leaves the window
 * open until this process is killed. Usage: {@code WizardScreens <work-dir>}; run it with a
 * display (e.g. Xvfb) and take the screenshot once it prints "ready".
 */
public final class WizardScreens {

    private WizardScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        SshTestServer server = SshTestServer.start(work);
        Stageboard engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        try (GitFixture git = GitFixture.init(work.resolve("shop-api"))) {
            git.write("pom.xml", "<project/>\n").commit("First version of the shop API");
        }
        Project project = engine.addProject("shop-api", work.resolve("shop-api"), "main", new Recipe("./mvnw -q package", List.of("target/*.jar")));
        EnvironmentWizardModel model = new EnvironmentWizardModel(engine, project, server.user());
        Platform.startup(() -> { });
        Platform.runLater(() -> EnvironmentWizard.show(null, model, new BackgroundTaskExecutor(2), MainWindow.STYLESHEET,
                work.resolve("no-ssh-config")));
        await(() -> lookup("#wizEnvName") != null);
        fx(() -> model.nameProperty().set("staging"));
        next();
        await(() -> lookup("#wizHostName") != null);
        fx(() -> {
            model.hostNameProperty().set("vps1");
            model.addressProperty().set(server.address());
            model.sshPortProperty().set(String.valueOf(server.port()));
            model.keyFileProperty().set(server.clientKey().toString());
            model.baseDirProperty().set(server.baseDir().resolve("apps").toString());
        });
        next();
        await(() -> lookup("#wizTrust") != null && !lookup("#wizTrust").isDisabled());
        fx(() -> ((Button) lookup("#wizTrust")).fire());
        await(() -> !lookup("#wizTest").isDisabled());
        server.setForwardingAllowed(false);
        fx(() -> ((Button) lookup("#wizTest")).fire());
        await(() -> lookup("#check-port-forwarding") != null);
        Thread.sleep(1000);
        System.out.println("ready");
    }

    private static void next() throws Exception {
        await(() -> lookup("#wizardNext") != null && !lookup("#wizardNext").isDisabled());
        fx(() -> ((Button) lookup("#wizardNext")).fire());
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
        throw new IllegalStateException("the wizard did not get there");
    }
}
