package org.stageboard.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.BoardSnapshot;
import org.stageboard.pipeline.HostOutcome;
import org.stageboard.pipeline.RolloutResult;
import org.stageboard.ui.task.HostRows;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.board.BoardViewModel;
import org.stageboard.ui.board.HostSlot;
import org.stageboard.ui.dialog.DeployDialogModel;
import org.stageboard.ui.board.Lane;
import org.stageboard.ui.task.TaskExecutor;
import org.stageboard.ui.task.Outcome;
import org.stageboard.ui.task.StopNote;
import org.stageboard.ui.task.TaskList;
import org.stageboard.ui.task.UiTask;

/**
 * The window's state and actions: which project is shown, its board, the background tasks and
 * the notice over the board. The only class of the main window that calls the engine.
 */
public final class MainViewModel {

    public static final int COMMIT_LIMIT = 100;

    private static final String PUT_BACK = "The host is put back and the lock released.";

    private final Stageboard engine;
    private final TaskExecutor executor;
    private final TaskList tasks;
    private final BoardViewModel board;
    private final HostsViewModel hosts;
    private final HostOperations operations;
    private final ReleaseActions releaseActions;
    private final CloseGuard closeGuard;
    private final ObservableList<Project> projects = FXCollections.observableArrayList();
    private final ObservableList<Project> projectsView = FXCollections.unmodifiableObservableList(projects);
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper schemaVersion = new ReadOnlyStringWrapper("…");
    private final AtomicLong refreshes = new AtomicLong();
    private final LiveBoard live;
    private Consumer<Runnable> afterFirstDraw = Runnable::run;

    public MainViewModel(Stageboard engine, TaskExecutor executor, Clock clock) {
        this.engine = engine;
        this.executor = executor;
        this.tasks = new TaskList(executor);
        this.board = new BoardViewModel(clock);
        board.onPageChanged(this::refresh);
        this.hosts = new HostsViewModel(engine, executor, board, clock, notice::set, this::fail);
        this.closeGuard = new CloseGuard(tasks);
        this.releaseActions = new ReleaseActions(engine, executor, tasks, notice::set, this::refresh);
        this.operations = new HostOperations(engine, tasks, notice::set, () -> {
            readHosts();
            refresh();
        });
        // The beat also reads a host showing a lock again when due, though the catalog records nothing (a guard's restore).
        this.live = new LiveBoard(() -> engine.watch().stamp(), executor, this::changedElsewhere,
                () -> workRuns() || hosts.lockReadDue());
    }

    /** Follows changes to the catalog (the CLI, another window) without a Refresh click: start it once the window shows. */
    public LiveBoard live() {
        return live;
    }

    public Stageboard engine() {
        return engine;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public TaskList tasks() {
        return tasks;
    }

    public BoardViewModel board() {
        return board;
    }

    public HostsViewModel hosts() {
        return hosts;
    }

    /** A release's page, promotion, and rebuilding without the cache. */
    public ReleaseActions releaseActions() {
        return releaseActions;
    }

    /** Stop, start, restart, a one-off command and logs on a host. */
    public HostOperations operations() {
        return operations;
    }

    public CloseGuard closeGuard() {
        return closeGuard;
    }

    public ObservableList<Project> projects() {
        return projectsView;
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaVersionProperty() {
        return schemaVersion.getReadOnlyProperty();
    }

    public String catalogPath() {
        return engine.home().catalogDir().toString();
    }

    /** Loads the projects and the schema version, and shows the first project. */
    public void start() {
        start(null);
    }

    /** As {@link #start()}, showing the named project (the one shown last time) if it is still there. */
    public void start(String preferredProject) {
        startWith(() -> FirstBoard.read(engine, preferredProject));
    }

    /** As {@link #start(String)}, with the first board read by {@code first} (e.g. one the app began reading before the window). */
    public void startWith(java.util.function.Supplier<FirstBoard> first) {
        noticeRecovered();
        executor.call(first, this::showFirst, this::fail);
        startRest();
    }

    /**
     * As {@link #startWith(java.util.function.Supplier)} with a first board already read: shown at
     * once (on the UI thread), so that the window's first layout already holds its cards instead
     * of laying out empty lanes first and the board a pulse later.
     */
    public void startWith(FirstBoard first) {
        noticeRecovered();
        showFirst(first);
        startRest();
    }

    private void startRest() {
        executor.call(() -> engine.schemaVersion(), schemaVersion::set, e -> schemaVersion.set("?"));
    }

    /** Says what opening the catalog found interrupted, until a read of the hosts shows none contradicts the catalog. */
    private void noticeRecovered() {
        engine.recoveredAtOpen().ifPresent(sentence -> {
            Notice recovered = Notice.warning(sentence);
            notice.set(recovered);
            // Once every host was read and none contradicts the catalog, what the notice asked for is done.
            hosts.onRead(slots -> {
                if (notice.get() == recovered && slots.stream().allMatch(s -> s.status() != null && s.status().agrees())) {
                    notice.set(null);
                }
            });
        });
    }

    /**
     * How the first read of the hosts waits for the first board to be drawn: the window sets one
     * that runs it after the board's first layout, so that connecting to the hosts (SSH and its
     * crypto) does not take the processor from the window while it opens. By default it runs at once.
     */
    public void setAfterFirstDraw(Consumer<Runnable> afterFirstDraw) {
        this.afterFirstDraw = afterFirstDraw;
    }

    private void showFirst(FirstBoard first) {
        projects.setAll(first.projects());
        if (first.projects().isEmpty()) {
            welcome();
        }
        Project shown = first.shown();
        if (shown == null || first.snapshot() == null) {
            selectProject(shown);
            return;
        }
        project.set(shown);
        board.clearSelection();
        board.resetPage();
        board.clearHostReadings();
        board.apply(first.snapshot());
        expireNotice(first.snapshot());
        hosts.showRemembered(shown);
        afterFirstDraw.accept(() -> {
            if (project.get() != null && project.get().id() == shown.id()) {
                hosts.read(shown);
            }
        });
    }

    private void welcome() {
        notice.set(Notice.info("Welcome to Stageboard. Start with Add project…: a git repository on this computer and the command that builds it.")
                .whileTrue(snapshot -> snapshot == null));
    }

    /** Reloads the project list and shows the named project (or keeps the current one). */
    public void reloadProjects(String show) {
        executor.call(engine::projects, list -> {
            projects.setAll(list);
            if (list.isEmpty()) {
                welcome();
            }
            String wanted = show != null ? show : project.get() == null ? null : project.get().name();
            selectProject(list.stream().filter(p -> p.name().equals(wanted)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
        }, this::fail);
    }

    public void selectProject(Project next) {
        boolean changed = next == null || project.get() == null || next.id() != project.get().id();
        project.set(next);
        if (changed) {
            board.clearSelection();
            board.resetPage();
            board.apply(null);
            board.clearHostReadings();
        }
        refresh();
        if (changed && next != null) {
            hosts.showRemembered(next);
            hosts.read(next);
        }
    }

    /** Asks every host of the shown project what runs there, in the background. */
    public void readHosts() {
        if (project.get() != null) {
            hosts.read(project.get());
        }
    }

    /** F5: the board from the catalog, and the hosts read again. */
    public void refreshAll() {
        refresh();
        readHosts();
    }

    /** Reads the board in the background; a newer refresh wins over an older one. */
    public void refresh() {
        Project current = project.get();
        if (current == null) {
            return;
        }
        long ticket = refreshes.incrementAndGet();
        org.stageboard.pipeline.BoardPage page = board.page();
        executor.call(() -> engine.board(current, page), snapshot -> {
            if (ticket == refreshes.get() && project.get() != null && project.get().id() == current.id()) {
                // The same board is not drawn again (the cards under the pointer stay), unless work runs: its cards show elapsed time.
                if (workRuns() || !snapshot.equals(board.snapshotProperty().get())) {
                    board.apply(snapshot);
                }
                expireNotice(snapshot);
            }
        }, this::fail);
    }

    /**
     * The catalog changed (here or elsewhere): the project list and the board are read again, with
     * what was last read from the hosts, and the hosts where a run started or ended since are read
     * again; a notice whose condition is over goes away.
     */
    void changedElsewhere() {
        executor.call(engine::projects, list -> {
            if (!list.equals(projects)) {
                projects.setAll(list);
                Project current = project.get();
                Project still = current == null ? null : list.stream().filter(p -> p.id() == current.id()).findFirst().orElse(null);
                if (still == null) {
                    selectProject(list.isEmpty() ? null : list.get(0));
                    expireNotice(board.snapshotProperty().get());
                    return;
                }
                project.set(still);
            }
            refresh();
            if (project.get() != null) {
                hosts.showRemembered(project.get());
                hosts.readChanged(project.get());
            } else {
                expireNotice(null);
            }
        }, this::fail);
    }

    /**
     * True while work runs, here or elsewhere (a build or deploy the board shows as not ended, e.g.
     * one the CLI runs): the board is then read and drawn on every beat, so that its cards' elapsed
     * times and steps move on.
     */
    private boolean workRuns() {
        if (tasks.runningProperty().get() > 0) {
            return true;
        }
        BoardSnapshot shown = board.snapshotProperty().get();
        return shown != null && (shown.builds().stream().anyMatch(b -> b.status().active())
                || shown.runs().stream().anyMatch(r -> r.status() == RunStatus.RUNNING));
    }

    /** Takes the notice away once the board shows that what it is about is over. */
    private void expireNotice(BoardSnapshot snapshot) {
        Notice shown = notice.get();
        if (shown != null && !shown.appliesTo(snapshot)) {
            notice.set(null);
        }
    }

    public void dismissNotice() {
        notice.set(null);
    }

    public void notify(Notice next) {
        notice.set(next);
    }

    public void fail(Throwable error) {
        notice.set(Notice.error(ErrorText.of(error)));
    }

    public boolean canBuild() {
        return project.get() != null && board.selectedCommitInfo().isPresent();
    }

    /** Builds the selected commit. */
    public Optional<UiTask> buildSelectedCommit() {
        Project current = project.get();
        Optional<CommitInfo> commit = board.selectedCommitInfo();
        if (current == null || commit.isEmpty()) {
            notice.set(Notice.warning("Select a commit first: the build turns one commit into an artifact."));
            return Optional.empty();
        }
        String sha = commit.get().sha();
        return Optional.of(track(tasks.start("Build " + commit.get().shortSha() + " of " + current.name(),
                new StopNote("A build of " + commit.get().shortSha() + " (" + current.name() + ") is running.",
                        "The build is recorded as cancelled."),
                progress -> engine.build(current, sha, progress), MainViewModel::describe, this::built, this::fail)));
    }

    /** Makes a release of a successful build for an environment. */
    public UiTask release(Build build, Environment environment) {
        return track(tasks.start("Release build #" + build.number() + " to " + environment.name(),
                progress -> {
                    progress.step("snapshot config and record release");
                    return engine.release(build, environment);
                },
                r -> Outcome.ok(r.label() + " made from build #" + r.buildNumber() + " + config v" + r.configVersion()),
                r -> {
                    board.selectWhenShown(Lane.RELEASE, r.id());
                    notice.set(Notice.info(r.label() + " is ready: select it and Deploy it to a host."));
                    refresh();
                }, this::fail));
    }

    /** Deploys to one host of the release's environment (its release command first, once per release). */
    public UiTask deploy(Release release, Host host) {
        return rollout("Deploy " + release.label() + " to " + host.name(),
                new StopNote("A deploy is running on " + host.name() + ".", PUT_BACK), () -> List.of(host),
                progress -> engine.deployTo(release, List.of(host), java.time.Duration.ZERO, progress));
    }

    /**
     * Deploys to every host of the release's environment by its rollout; the task shows one row
     * per host (current step, then outcome).
     */
    public UiTask deployAll(Release release) {
        return rollout("Deploy " + release.label() + " to every host of " + release.environmentName(),
                new StopNote("A deploy is running on the hosts of " + release.environmentName() + ".", PUT_BACK),
                () -> engine.hosts(engine.environmentOf(release)), progress -> engine.deployAll(release, progress));
    }

    /** Deploys again only on the hosts the release is not live on. */
    public UiTask retryFailed(Release release) {
        return rollout("Retry " + release.label() + " on its failed hosts",
                new StopNote("A deploy is running on the hosts of " + release.environmentName() + ".", PUT_BACK),
                () -> engine.failedHosts(release), progress -> engine.retryFailed(release, java.time.Duration.ZERO, progress));
    }

    private UiTask rollout(String title, StopNote stopNote, java.util.function.Supplier<List<Host>> hosts,
                           java.util.function.Function<org.stageboard.pipeline.RolloutProgress, RolloutResult> work) {
        HostRows rows = new HostRows(executor);
        UiTask task = tasks.start(title, stopNote, progress -> work.apply(new DeployProgress(progress, rows, hosts.get())),
                MainViewModel::describe, this::ranAll, this::fail);
        task.showHostRows(rows);
        return track(task);
    }

    /**
     * Rolls the environment on the host back to the release the user confirmed (from
     * {@link HostsViewModel#rollbackChoice}): that release, and no other, is activated.
     */
    public UiTask rollback(Environment environment, Host host, Release target) {
        return track(tasks.start("Roll back " + environment.name() + " on " + host.name() + " to " + target.label(),
                new StopNote("A rollback is running on " + host.name() + ".", PUT_BACK),
                progress -> engine.rollback(environment, host, target.version(), progress), MainViewModel::describe,
                run -> ran(run, host.name()), this::fail));
    }

    /** The host slot a run was on: its environment and host, as the board shows them. */
    public Optional<HostSlot> slotOf(Run run) {
        BoardSnapshot snapshot = board.snapshotProperty().get();
        Release release = snapshot == null ? null : snapshot.releaseOf(run);
        Host host = snapshot == null ? null : snapshot.hosts().get(run.hostId());
        Environment environment = release == null ? null : snapshot.environments().stream()
                .filter(e -> e.id() == release.environmentId()).findFirst().orElse(null);
        if (environment == null || host == null) {
            notice.set(Notice.error("The run's environment or host is no longer known; refresh the board."));
            return Optional.empty();
        }
        return Optional.of(board.hostSlot(environment.name(), host.name()).orElse(HostSlot.unread(environment, host)));
    }

    /** The deploy dialog's state for a release: its hosts and the plan read from them. */
    public DeployDialogModel deployDialog(Release release) {
        return new DeployDialogModel(release, engine, executor, this::loadHosts);
    }

    /** The environments of the shown project, from the last snapshot. */
    public List<Environment> environments() {
        BoardSnapshot snapshot = board.snapshotProperty().get();
        return snapshot == null ? List.of() : snapshot.environments();
    }

    public void loadHosts(Environment environment, Consumer<List<Host>> then) {
        executor.call(() -> engine.hosts(environment), then, this::fail);
    }

    /** The hosts of a release's environment, read in the background. */
    public void loadHosts(Release release, Consumer<List<Host>> then) {
        Environment environment = environments().stream().filter(e -> e.id() == release.environmentId()).findFirst().orElse(null);
        if (environment == null) {
            executor.call(() -> engine.environmentOf(release),
                    found -> loadHosts(found, then), this::fail);
        } else {
            loadHosts(environment, then);
        }
    }

    public void loadConfig(Environment environment, Consumer<Optional<ConfigVersion>> then) {
        executor.call(() -> engine.currentConfig(environment), then, this::fail);
    }

    private UiTask track(UiTask task) {
        // Each new step may have written a record (a build started, a run switched): show it.
        task.stepProperty().addListener((o, before, now) -> refresh());
        refresh();
        return task;
    }

    private void built(Build build) {
        board.selectWhenShown(Lane.BUILD, build.id());
        if (build.succeeded()) {
            notice.set(Notice.info("Build #" + build.number() + " succeeded: select it and Release it to an environment."));
        } else if (build.status() == BuildStatus.CANCELLED) {
            notice.set(Notice.warning("Build #" + build.number() + " was cancelled."));
        } else {
            notice.set(Notice.error("Build #" + build.number() + " failed"
                    + (build.exitCode() == null ? "" : " with exit " + build.exitCode())
                    + (build.message() == null ? "." : ": " + firstLine(build.message())) + " Open its log from the card.")
                    .whileTrue(snapshot -> stillFailed(snapshot, build)));
        }
        refresh();
    }

    /** A failed build's notice applies until the build is gone or a later build of its commit succeeded. */
    static boolean stillFailed(BoardSnapshot snapshot, Build failed) {
        if (snapshot == null || snapshot.project().id() != failed.projectId()) {
            return snapshot != null;
        }
        List<Build> ofCommit = snapshot.buildsOf(failed.commitSha());
        return ofCommit.stream().anyMatch(b -> b.id() == failed.id())
                && ofCommit.stream().noneMatch(b -> b.number() > failed.number() && b.succeeded());
    }

    private void ran(Run run, String host) {
        board.selectWhenShown(Lane.RUN, run.id());
        readHosts();
        String message = run.message() == null ? "" : ": " + firstLine(run.message());
        if (run.status() == RunStatus.LIVE) {
            notice.set(Notice.info("Live on " + host + message));
        } else if (run.status() == RunStatus.ROLLED_BACK) {
            notice.set(Notice.warning("Rolled back on " + host + message));
        } else if (run.status() == RunStatus.CANCELLED) {
            notice.set(Notice.warning("Cancelled on " + host + message));
        } else if (run.status() == RunStatus.APP_DOWN) {
            notice.set(Notice.error("App down on " + host + " — the host was left without a running app" + message));
        } else {
            notice.set(Notice.error("Run on " + host + " " + run.status().label() + message));
        }
        refresh();
    }

    private void ranAll(RolloutResult result) {
        if (!result.allLive() && result.hosts().size() == 1 && result.hosts().get(0).run() != null && result.hosts().get(0).rollback() == null
                && (result.releaseCommand() == null || result.releaseCommand().status() == RunStatus.LIVE)) {
            HostOutcome only = result.hosts().get(0);
            ran(only.run(), only.host().name());
            return;
        }
        List<Run> runs = result.runs();
        if (!runs.isEmpty()) {
            board.selectWhenShown(Lane.RUN, runs.get(runs.size() - 1).id());
        }
        readHosts();
        if (result.allLive()) {
            notice.set(Notice.info("Live on " + result.hosts().size() + (result.hosts().size() == 1 ? " host." : " hosts.")));
        } else if (result.hosts().isEmpty()) {
            notice.set(Notice.info(capitalized(result.summary()) + "."));
        } else {
            HostOutcome first = result.hosts().stream().filter(h -> h.state() != HostOutcome.State.LIVE
                    && h.state() != HostOutcome.State.SKIPPED && h.state() != HostOutcome.State.REVERTED).findFirst().orElse(null);
            String why = result.releaseCommand() != null && result.releaseCommand().status() != RunStatus.LIVE
                    ? " " + firstLine(result.releaseCommand().message())
                    : first == null ? "" : " " + first.host().name() + ": " + firstLine(first.message());
            String text = "Deploy of " + result.release().label() + ": " + result.summary() + "." + why;
            notice.set(result.cancelled() ? Notice.warning(text) : Notice.error(text));
        }
        refresh();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Outcome describe(RolloutResult result) {
        long live = result.hosts().stream().filter(HostOutcome::live).count();
        int all = result.hosts().size();
        if (result.allLive()) {
            return Outcome.ok(live + " of " + all + (all == 1 ? " host" : " hosts") + " live");
        }
        if (all == 0 && result.releaseCommand() == null) {
            return Outcome.ok(result.summary());
        }
        return result.cancelled() ? Outcome.cancelled(result.summary()) : Outcome.failed(result.summary());
    }

    private static Outcome describe(Build build) {
        if (build.status() == BuildStatus.CANCELLED) {
            return Outcome.cancelled("build #" + build.number() + " cancelled");
        }
        return build.succeeded() ? Outcome.ok("build #" + build.number() + " succeeded")
                : Outcome.failed("build #" + build.number() + " failed" + (build.exitCode() == null ? "" : " (exit " + build.exitCode() + ")"));
    }

    private static Outcome describe(Run run) {
        String status = run.status().label();
        if (run.status() == RunStatus.CANCELLED) {
            return Outcome.cancelled("run " + run.id() + ": " + status);
        }
        return run.status() == RunStatus.LIVE ? Outcome.ok("run " + run.id() + ": " + status)
                : Outcome.failed("run " + run.id() + ": " + status);
    }

    /** The first line of an engine message: notices are one line, the log has the rest. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).strip();
        // "… exited with code 1. Last lines:" introduces lines that only the log shows.
        int sentence = line.lastIndexOf(". ");
        return line.endsWith(":") && sentence > 0 ? line.substring(0, sentence + 1) : line;
    }
}
