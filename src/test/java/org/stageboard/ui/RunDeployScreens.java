package org.stageboard.ui;

import static org.stageboard.ui.ScreenHarness.await;
import static org.stageboard.ui.ScreenHarness.fx;
import static org.stageboard.ui.ScreenHarness.lookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Processes;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.dialog.DeployDialog;
import org.stageboard.ui.dialog.DeployDialogModel;
import org.stageboard.ui.dialog.RunSettingsDialog;
import org.stageboard.ui.dialog.SetupViewModel;
import org.stageboard.ui.task.BackgroundTaskExecutor;

/**
 * Opens the Run settings or the Deploy dialog for a screenshot in the app's theme and leaves it
 * open until this process is killed: {@code RunDeployScreens <work-dir> <view> [light|dark] [rolling]} where
 * the view is {@code run-settings} (an environment with a process list and five hosts of the
 * in-process SSH server, a scale "web=two" typed; with {@code rolling}, a rolling rollout in batches
 * of 2 with a 30 s pause typed instead) or {@code deploy} (a release of an environment with two hosts of the in-process SSH server, the
 * plan read from them, every host chosen). Prints "ready" when it is there.
 */
public final class RunDeployScreens {

    private RunDeployScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        Stageboard engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        String sha;
        try (GitFixture git = GitFixture.init(work.resolve("shop-api"))) {
            sha = git.write("app.txt", "the shop API\n").commit("First version of the shop API");
        }
        Project project = engine.addProject("shop-api", work.resolve("shop-api"), "main", new Recipe("true", List.of("app.txt")));
        ScreenHarness.start(args.length > 2 ? args[2] : "light");
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(2);
        if (args[1].equals("run-settings")) {
            Environment production = engine.addEnvironment(project, "production",
                    RunSettings.of("java -jar app.jar", "http://127.0.0.1:8080/health")
                            .withProcesses(new Processes("web: java -jar app.jar\nworker: java -cp app.jar Worker", java.util.Map.of("web", 2)))
                            .withShared(List.of("storage/")));
            SshTestServer server = SshTestServer.start(work.resolve("ssh"));
            for (int i = 1; i <= 5; i++) {
                Host host = engine.addHost("web" + i, server.address(), server.port(), server.user(), server.clientKey(),
                        server.baseDir().resolve("web" + i).toString());
                engine.attachHost(production, engine.trustHostKey(host, server.hostKeyFingerprint()));
            }
            java.util.OptionalInt hosts = java.util.OptionalInt.of(engine.hosts(production).size());
            Platform.runLater(() -> RunSettingsDialog.show(null, production, hosts, new SetupViewModel(engine), executor));
            styled("#runScale");
            if (args.length > 3 && args[3].equals("rolling")) {
                fx(() -> {
                    ((javafx.scene.control.ComboBox<?>) lookup("#runRolloutMode")).getSelectionModel().select(1);
                    ((TextField) lookup("#runBatch")).setText("2");
                    ((TextField) lookup("#runPause")).setText("30");
                });
            } else {
                fx(() -> ((TextField) lookup("#runScale")).setText("web=two"));
            }
        } else {
            SshTestServer server = SshTestServer.start(work.resolve("ssh"));
            Environment staging = engine.addEnvironment(project, "staging", new RunSettings("sleep 300", "command:true", 20, 2, 5));
            for (String name : List.of("vps1", "vps2")) {
                Host host = engine.addHost(name, server.address(), server.port(), server.user(), server.clientKey(),
                        server.baseDir().resolve(name).toString());
                engine.attachHost(staging, engine.trustHostKey(host, server.hostKeyFingerprint()));
            }
            Build build = engine.build(project, sha, Progress.NONE);
            Release release = engine.release(build, staging);
            DeployDialogModel model = new DeployDialogModel(release, engine, executor,
                    (r, then) -> executor.call(() -> engine.hosts(staging), then, e -> { }));
            Platform.runLater(() -> DeployDialog.show(null, model));
            styled("#deployHost");
            await(() -> !((Button) lookup("#dialogConfirm")).isDisabled());
            fx(() -> model.allHostsProperty().set(true));
        }
        ScreenHarness.ready();
    }

    /** Waits for the dialog holding this node and gives it Stageboard's stylesheet (the owner window would). */
    private static void styled(String id) throws Exception {
        await(() -> lookup(id) != null);
        fx(() -> lookup(id).getScene().getStylesheets().add(MainWindow.STYLESHEET));
    }
}
