package org.stageboard.ui;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.ui.board.BoardView;
import org.stageboard.ui.board.Card;
import org.stageboard.ui.board.CardActions;
import org.stageboard.ui.board.HostSlot;
import org.stageboard.ui.dialog.Confirm;
import org.stageboard.ui.dialog.Choices;
import org.stageboard.ui.dialog.DeployDialog;
import org.stageboard.ui.dialog.ReleaseDialog;
import org.stageboard.ui.dialog.SetupViewModel;
import org.stageboard.ui.task.LogWindow;
import org.stageboard.ui.task.TaskPane;
import org.stageboard.ui.tips.Tips;

/** The main window's content: toolbar, notice, board, tasks and status bar. */
public final class MainWindow extends BorderPane implements CardActions {

    public static final String STYLESHEET = MainWindow.class.getResource("stageboard.css").toExternalForm();

    private final MainViewModel model;
    private final SetupViewModel setup;
    private final SetupActions setupActions;
    private final HostActions hostActions;
    private final KeyUnlock keys;
    private final javafx.event.EventHandler<WindowEvent> onCloseRequest = this::closeRequested;

    public MainWindow(MainViewModel model) {
        this.model = model;
        this.setup = new SetupViewModel(model.engine());
        this.setupActions = new SetupActions(model, setup, this::window);
        this.keys = new KeyUnlock(model, this::window);
        this.hostActions = new HostActions(model, this::window, keys);
        getStyleClass().add("main-window");
        setTop(new VBox(toolbar(), new NoticeBar(model)));
        setCenter(org.stageboard.ui.history.HistoryView.install(new BoardView(model.board(), this), model, model.board()::selectCommit));
        TaskPane tasks = TaskPane.install(model.tasks(), model.live(), model.engine(), model.executor(), this::window);
        setBottom(new VBox(tasks, new StatusBar(model, tasks.model())));
        model.live().whileShown(this, LiveBoard.PERIOD);
        org.stageboard.ui.task.TaskToasts.install(model.tasks(), this::window);
        sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                shortcuts(scene);
                guardClose(null, scene.getWindow());
                scene.windowProperty().addListener((w, was, window) -> guardClose(was, window));
            }
        });
    }

    /** The close guard follows the window this content is shown in (a stage may be given another scene). */
    private void guardClose(Window was, Window now) {
        if (was != null) {
            was.removeEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, onCloseRequest);
        }
        if (now != null) {
            now.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, onCloseRequest);
        }
    }

    /**
     * Closing while work runs asks first; on yes the work is cancelled and the window closes once
     * it has finished (the hosts are put back, their locks released). Nothing here waits on the FX thread.
     */
    private void closeRequested(WindowEvent event) {
        CloseGuard guard = model.closeGuard();
        if (guard.finishingProperty().get()) {
            event.consume();
            if (Confirm.ask(window(), "Close Stageboard", "Still finishing the stopped work",
                    "Close now without waiting? A host may keep this run's lock; it shows as stale once this window is gone.",
                    "Close now", "confirmCloseNow")) {
                window().hide();
            }
            return;
        }
        guard.question().ifPresent(question -> {
            event.consume();
            if (Confirm.ask(window(), "Close Stageboard", "Work is running", question, "Stop and close", "confirmClose")) {
                model.notify(Notice.warning("Finishing: stopping the running work, then closing…"));
                Window window = window();
                guard.stopThenClose(window::hide);
            }
        });
    }

    /** F5 reads the board and the hosts again; Ctrl+B builds the selected commit. */
    private void shortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F5), model::refreshAll);
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.B,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> {
                    if (model.canBuild()) {
                        model.buildSelectedCommit();
                    }
                });
    }

    private ToolBar toolbar() {
        Label brand = new Label("Stageboard");
        brand.getStyleClass().add("brand");
        ComboBox<Project> projects = Choices.combo(List.of(), Project::name);
        projects.setId("projectChooser");
        projects.setPromptText("no project yet");
        projects.setPrefWidth(180);
        projects.setItems(model.projects());
        model.projectProperty().addListener((o, a, b) -> projects.getSelectionModel().select(b));
        projects.setOnAction(e -> {
            Project chosen = projects.getValue();
            if (chosen != null && chosen != model.projectProperty().get()) {
                model.selectProject(chosen);
            }
        });
        Button addProject = button("Add project…", "addProjectButton", setupActions::addProject);

        Button build = button("Build", "buildButton", () -> model.buildSelectedCommit());
        build.getStyleClass().add("stage-button");
        Button release = button("Release…", "releaseButton", () -> model.board().selectedSuccessfulBuild().ifPresent(this::release));
        release.getStyleClass().add("stage-button");
        Button deploy = button("Deploy…", "deployButton", () -> model.board().selectedRelease().ifPresent(this::deploy));
        deploy.getStyleClass().add("stage-button");
        Button rollback = button("Rollback", "rollbackButton", () -> model.board().selectedRollbackSlot().ifPresent(this::rollback));
        tip(build, "Build the selected commit (Ctrl+B): run the build command on a clean export and pack the artifact.");
        tip(release, "Release the selected successful build to an environment: artifact + that environment's config.");
        tip(deploy, "Deploy the selected release to a host of its environment over SSH.");
        tip(rollback, "Roll the selected host back: Stageboard reads the host's ledger and shows which release it would activate first.");
        tip(addProject, "Add a git repository on this computer and the recipe that builds it.");
        Runnable enable = () -> {
            build.setDisable(!model.canBuild());
            release.setDisable(model.board().selectedSuccessfulBuild().isEmpty());
            deploy.setDisable(model.board().selectedRelease().isEmpty());
            rollback.setDisable(model.board().selectedRollbackSlot().isEmpty());
        };
        model.board().selectedCommitProperty().addListener((o, a, b) -> enable.run());
        model.board().selectedCardProperty().addListener((o, a, b) -> enable.run());
        model.board().selectedSlotProperty().addListener((o, a, b) -> enable.run());
        model.projectProperty().addListener((o, a, b) -> enable.run());
        enable.run();

        MenuButton environments = new MenuButton("Environments");
        environments.setId("environmentsMenu");
        environments.getItems().addAll(item("Add environment…", setupActions::addEnvironment), item("Edit config…", setupActions::editConfig),
                item("Run settings…", setupActions::editRunSettings));
        environments.getItems().addAll(setupActions.environmentItems());
        MenuButton hosts = new MenuButton("Hosts");
        hosts.setId("hostsMenu");
        hosts.getItems().addAll(item("Add host…", setupActions::addHost), item("Trust host key…", setupActions::trustHostKey),
                item("Attach host to environment…", () -> setupActions.attachHost(null)));
        hosts.getItems().addAll(setupActions.hostItems());
        Button refresh = button("Refresh", "refreshButton", model::refreshAll);
        tip(refresh, "Read the board and the hosts again (F5), e.g. after using the command line.");

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ToolbarIcons.decorate(addProject, build, release, deploy, rollback, environments, hosts, refresh);
        return new ToolBar(brand, new Separator(), new Label("Project"), projects, addProject, setupActions.projectMenu(), new Separator(),
                build, release, deploy, rollback, gap, environments, hosts, refresh, new org.stageboard.ui.theme.ThemeToggle());
    }

    // --- card and toolbar actions ------------------------------------------------------------

    @Override
    public void release(Build build) {
        List<Environment> environments = model.environments();
        if (environments.isEmpty()) {
            model.notify(Notice.warning("Add an environment first (Environments ▸ Add environment…): a release is a build plus one environment's config."));
            return;
        }
        ReleaseDialog.show(window(), build, environments, setup, model.executor())
                .ifPresent(environment -> model.release(build, environment));
    }

    @Override
    public void deploy(Release release) {
        deploy(release, (org.stageboard.core.Host) null);
    }

    @Override
    public void release(Build build, Environment environment) {
        ReleaseDialog.show(window(), build, List.of(environment), setup, model.executor())
                .ifPresent(chosen -> model.release(build, chosen));
    }

    @Override
    public void deploy(Release release, org.stageboard.core.Host host) {
        // The environment's locked keys are asked for first: the dialog reads its plan from the hosts.
        keys.then(() -> model.releaseActions().hostsOf(release), () ->
                DeployDialog.show(window(), model.deployDialog(release).prefer(host)).ifPresent(target -> {
                    if (target.allHosts()) {
                        model.deployAll(release);
                    } else {
                        model.deploy(release, target.host());
                    }
                }));
    }

    @Override
    public void releasePage(Release release, Release live, java.util.function.Consumer<List<String>> then) {
        model.releaseActions().loadPageLines(release, live, then);
    }

    @Override
    public void recentRuns(HostSlot slot, java.util.function.Consumer<List<Run>> then) {
        model.hosts().recentRuns(slot, then);
    }

    @Override
    public void details(Release release) {
        model.releaseActions().loadPage(release, page -> Confirm.tell(window(), "Release " + release.label(), release.label(),
                String.join("\n", ReleaseActions.lines(page)), "releaseDetails"));
    }

    @Override
    public void promote(Release release) {
        model.releaseActions().loadPromotionTarget(release, target -> {
            if (target.next() == null) {
                Confirm.tell(window(), "Promote", "Nothing to promote to", target.reason(), "promoteExplained");
                return;
            }
            if (Confirm.ask(window(), "Promote", "Promote " + release.label() + " to " + target.next().name() + "?",
                    "Makes the next release of " + target.next().name() + " from the exact artifact of " + release.label() + " (build #"
                            + release.buildNumber() + ", SHA-256 " + release.artifactSha256().substring(0, 12) + "…): nothing is rebuilt. "
                            + "It carries " + target.next().name() + "'s latest config and run settings. Deploy it afterwards.",
                    "Promote", "confirmPromote")) {
                model.releaseActions().promote(release);
            }
        });
    }

    @Override
    public void rebuild(Build build) {
        model.releaseActions().rebuild(model.projectProperty().get(), build);
    }

    @Override
    public void rollback(Run run) {
        hostActions.rollback(run);
    }

    @Override
    public void rollback(HostSlot slot) {
        hostActions.rollback(slot);
    }

    @Override
    public void breakLock(HostSlot slot) {
        hostActions.breakLock(slot);
    }

    @Override
    public void stop(HostSlot slot) {
        hostActions.stop(slot);
    }

    @Override
    public void start(HostSlot slot) {
        hostActions.start(slot);
    }

    @Override
    public void restart(HostSlot slot) {
        hostActions.restart(slot);
    }

    @Override
    public void exec(HostSlot slot) {
        hostActions.exec(slot);
    }

    @Override
    public void logs(HostSlot slot) {
        hostActions.logs(slot);
    }

    @Override
    public void readHosts() {
        model.readHosts();
    }

    @Override
    public void openLog(Card card) {
        java.nio.file.Path file = card.item() instanceof Build b ? b.log() : card.item() instanceof Run r ? r.log() : null;
        if (file == null) {
            model.notify(Notice.warning("This card has no log file yet."));
        } else if (card.item() instanceof Build b) {
            LogWindow.openBuild(window(), card.title(), b, model.engine(), model.executor());
        } else {
            LogWindow.openRun(window(), card.title(), (Run) card.item(), model.engine(), model.executor());
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static void tip(javafx.scene.control.Control control, String text) {
        Tips.text(control, text);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
