package org.stageboard.ui;

import static org.stageboard.ui.ScreenHarness.await;
import static org.stageboard.ui.ScreenHarness.fire;
import static org.stageboard.ui.ScreenHarness.fx;
import static org.stageboard.ui.ScreenHarness.lookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.stageboard.ui.wizard.EnvironmentWizard;
import org.stageboard.ui.wizard.EnvironmentWizardModel;
import org.stageboard.ui.wizard.ProjectWizard;
import org.stageboard.ui.wizard.ProjectWizardModel;

/**
 * Opens a real wizard (for README's screenshots) in the app's theme and leaves it open until this
 * process is killed. Usage: {@code WizardScreens <work-dir> connection|project-invalid [light|dark]}:
 * the New environment wizard against an in-process SSH server, its pages filled, the host key
 * trusted and the connection test run (port forwarding refused); or the New project wizard given a
 * folder that is not a git repository. Run it with a display (e.g. Xvfb) and take the screenshot
 * once it prints "ready".
 */
public final class WizardScreens {

    private WizardScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        String view = args.length > 1 ? args[1] : "connection";
        Stageboard engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        ScreenHarness.start(args.length > 2 ? args[2] : "light");
        if (view.equals("project-invalid")) {
            Path notARepository = Files.createDirectories(work.resolve("notes"));
            ProjectWizardModel model = new ProjectWizardModel(engine);
            Platform.runLater(() -> ProjectWizard.show(null, model, MainWindow.STYLESHEET));
            await(() -> lookup("#wizFolder") != null);
            fx(() -> model.folderProperty().set(notARepository.toString()));
            await(() -> model.sourceReason().get().contains("not a git repository"));
        } else {
            connection(work, engine);
        }
        ScreenHarness.ready();
    }

    /**
     * Opens the New environment wizard for {@code staging} and fills its host page with the SSH
     * server as host vps1, this key and base folder; gives the wizard's view model.
     */
    static EnvironmentWizardModel hostPage(Stageboard engine, Project project, SshTestServer server, Path work, Path key, String baseDir)
            throws Exception {
        EnvironmentWizardModel model = new EnvironmentWizardModel(engine, project, server.user());
        Platform.runLater(() -> EnvironmentWizard.show(null, model, new BackgroundTaskExecutor(2), MainWindow.STYLESHEET,
                work.resolve("no-ssh-config")));
        await(() -> lookup("#wizEnvName") != null);
        fx(() -> model.nameProperty().set("staging"));
        fire("#wizardNext");
        await(() -> lookup("#wizHostName") != null);
        fx(() -> {
            model.hostNameProperty().set("vps1");
            model.addressProperty().set(server.address());
            model.sshPortProperty().set(String.valueOf(server.port()));
            model.keyFileProperty().set(key.toString());
            model.baseDirProperty().set(baseDir);
        });
        return model;
    }

    private static void connection(Path work, Stageboard engine) throws Exception {
        SshTestServer server = SshTestServer.start(work);
        try (GitFixture git = GitFixture.init(work.resolve("shop-api"))) {
            git.write("pom.xml", "<project/>\n").commit("First version of the shop API");
        }
        Project project = engine.addProject("shop-api", work.resolve("shop-api"), "main", new Recipe("./mvnw -q package", List.of("target/*.jar")));
        hostPage(engine, project, server, work, server.clientKey(), server.baseDir().resolve("apps").toString());
        fire("#wizardNext");
        fire("#wizTrust");
        await(() -> !lookup("#wizTest").isDisabled());
        server.setForwardingAllowed(false);
        fire("#wizTest");
        await(() -> lookup("#check-port-forwarding") != null);
    }
}
