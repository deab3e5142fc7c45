package org.stageboard.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stageboard.build.ArtifactStore;
import org.stageboard.build.ArtifactMaintenance;
import org.stageboard.build.BuildStage;
import org.stageboard.build.ProcessRunner;
import org.stageboard.build.RecipeDetector;
import org.stageboard.core.ArtifactCheck;
import org.stageboard.core.BuildStep;
import org.stageboard.core.DetectedRecipe;
import org.stageboard.core.PruneResult;
import org.stageboard.core.StoredArtifact;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Actor;
import org.stageboard.core.Lazy;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.StageboardException;
import org.stageboard.git.GitRepository;
import org.stageboard.release.ConfigService;
import org.stageboard.release.ReleaseService;
import org.stageboard.release.SecretBox;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;
import org.stageboard.run.HostRunner;
import org.stageboard.core.LockInfo;
import org.stageboard.ssh.HostKeyScan;
import org.stageboard.ssh.KnownHosts;
import org.stageboard.ssh.ConnectionProbe;
import org.stageboard.ssh.KeyFiles;
import org.stageboard.ssh.SshTarget;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.core.KeyFileState;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.ConfigChange;
import org.stageboard.core.ConfigDiff;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.EnvironmentImport;
import org.stageboard.core.ReleaseDetails;
import org.stageboard.core.ReleaseDiff;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Event;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunSettings;
import org.stageboard.core.Rollout;
import org.stageboard.core.Checks;
import org.stageboard.core.KeyFileInfo;
import org.stageboard.catalog.EnvironmentRepository;
import org.stageboard.ssh.KeyFiles;

/**
 * The engine behind the window and the CLI: each method is one user action of the journey
 * (codebase → build → release → run). Methods are synchronous and may take long; callers on a
 * UI thread run them on a background executor. Every action is recorded in the catalog's
 * event trail. Errors the user can fix are {@link org.stageboard.core.StageboardException}s
 * whose message says what was wrong and what to do.
 */
public final class Stageboard implements AutoCloseable {

    private final StageboardHome home;
    private final Catalog catalog;
    // The stages and services are made the first time an action needs them: opening the engine
    // for the window's first board loads none of their classes.
    private final Lazy<BuildStage> buildStage;
    private final Lazy<ArtifactMaintenance> artifactMaintenance;
    private final Lazy<ConfigService> configService;
    private final Lazy<ReleaseService> releaseService;
    private final Lazy<RunStage> runStage;
    private final Lazy<HostStatuses> hostStatuses;
    private final Lazy<RunPlanner> planner;
    private final Lazy<Operations> operations;
    private final Lazy<Rollouts> rollouts;
    private final Lazy<ReleaseStage> releaseStage;
    private final Lazy<KeyPassphrases> passphrases;
    private final Audit audit;
    private final ProjectSetup projectSetup;
    private final HostSetup hostSetup;

    /** The catalog setting holding the default project's name. */
    static final String DEFAULT_PROJECT = "default_project";

    public Stageboard(StageboardHome home, Catalog catalog) {
        this(home, catalog, () -> null);
    }

    /** As {@link #Stageboard(StageboardHome, Catalog)}; {@code askSecretsPassphrase} gives the secrets' passphrase when it is needed and not in $STAGEBOARD_PASSPHRASE. */
    public Stageboard(StageboardHome home, Catalog catalog, java.util.function.Supplier<char[]> askSecretsPassphrase) {
        this.home = home;
        this.catalog = catalog;
        Lazy<ArtifactStore> store = new Lazy<>(() -> new ArtifactStore(home.artifactsDir()));
        this.buildStage = new Lazy<>(() -> new BuildStage(catalog, store.get(), home.buildLogsDir(), home.workDir(), home.cachesDir(),
                new ProcessRunner()));
        this.artifactMaintenance = new Lazy<>(() -> new ArtifactMaintenance(catalog, store.get()));
        Lazy<SecretBox> box = new Lazy<>(() -> SecretBox.open(home.secretKey(), home.passphraseFile(), passphrase(), askSecretsPassphrase));
        this.configService = new Lazy<>(() -> new ConfigService(catalog, box.get()));
        this.releaseService = new Lazy<>(() -> new ReleaseService(catalog, configService.get()));
        this.passphrases = new Lazy<>(() -> new KeyPassphrases(catalog, box.get()));
        this.runStage = new Lazy<>(() -> new RunStage(catalog, home, configService.get(), releaseService.get(), passphrases.get()));
        this.hostStatuses = new Lazy<>(() -> new HostStatuses(catalog, runStage.get()));
        this.planner = new Lazy<>(() -> new RunPlanner(catalog, configService.get(), runStage.get(), hostStatuses.get()));
        this.operations = new Lazy<>(() -> new Operations(catalog, runStage.get(), hostStatuses.get()));
        this.rollouts = new Lazy<>(() -> new Rollouts(catalog, runStage.get(), new ReleaseCommandStage(catalog, home, configService.get(), runStage.get())));
        this.releaseStage = new Lazy<>(() -> new ReleaseStage(catalog, configService.get(), releaseService.get()));
        this.audit = new Audit(catalog);
        this.projectSetup = new ProjectSetup(catalog, audit);
        this.hostSetup = new HostSetup(catalog, home, passphrases, audit);
    }

    /** The passphrase that seals secrets, from {@code STAGEBOARD_PASSPHRASE}; null when not set (the key file is used). */
    private static char[] passphrase() {
        String value = System.getenv("STAGEBOARD_PASSPHRASE");
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    /** Opens the catalog in the home folder. */
    public static Stageboard open(StageboardHome home) {
        return open(home, () -> null);
    }

    /** Opens the catalog in the home folder; {@code askSecretsPassphrase} is asked for the secrets' passphrase when needed and not set. */
    public static Stageboard open(StageboardHome home, java.util.function.Supplier<char[]> askSecretsPassphrase) {
        home.create();
        Catalog catalog = Catalog.open(home.catalogDir());
        catalog.recoverInterrupted();
        return new Stageboard(home, catalog, askSecretsPassphrase);
    }

    /** The catalog, for the engine's own package (and its tests): the window and the CLI go through the engine. */
    Catalog catalog() {
        return catalog;
    }

    public StageboardHome home() {
        return home;
    }

    /** A cheap change stamp of the catalog, for following changes made elsewhere (the CLI, another window). */
    public CatalogWatch watch() {
        return new CatalogWatch(catalog);
    }

    /** Which hosts had runs start or end (or a lock broken) since a mark, and reading only those again. */
    public HostActivity hostActivity() { return new HostActivity(catalog, hostStatuses.get()); }

    // --- codebase -------------------------------------------------------------------------

    /** Adds a project for a local git repository; fails clearly if the folder is not one. */
    public Project addProject(String name, Path repository, String branch, Recipe recipe) {
        return projectSetup.add(name, repository, branch, recipe);
    }

    /**
     * Changes a project: its name, repository folder, branch and recipe ({@code null} keeps a
     * field as it is); see {@link ProjectSetup#update}.
     */
    public Project updateProject(Project project, String newName, Path repository, String branch, Recipe recipe) {
        return projectSetup.update(project, newName, repository, branch, recipe);
    }

    /**
     * Removes a project. Refused while it has environments; with builds, refused unless
     * {@code force}; see {@link ProjectSetup#remove}.
     */
    public void removeProject(Project project, boolean force) {
        projectSetup.remove(project, force);
    }

    /** The project commands use when none is named, if one was set with {@link #useProject}. */
    public Optional<Project> defaultProject() {
        return catalog.setting(DEFAULT_PROJECT).flatMap(name -> catalog.projects().find(name));
    }

    /** Sets the default project (null clears it); kept in the catalog, so the window and the CLI share it. */
    public void useProject(Project project) {
        catalog.setSetting(DEFAULT_PROJECT, project == null ? null : project.name());
        audit(project == null ? null : project.name(), "project.use", project == null ? "default project" : project.name(),
                "ok", project == null ? "no default project" : "default project");
    }

    public List<Project> projects() {
        return catalog.projects().all();
    }

    public Project project(String name) {
        return catalog.projects().require(name);
    }

    /** The newest commits of the project's branch. */
    public List<CommitInfo> commits(Project project, int limit) {
        try (GitRepository git = GitRepository.open(project.repository())) {
            return git.commits(project.branch(), limit);
        }
    }

    // --- build ----------------------------------------------------------------------------

    /**
     * What a project in the repository would be built with, detected from the files of the head
     * of {@code branch} (the current branch when null): kind, reason and recipe, for the user to
     * confirm or edit; empty when nothing known was found ({@link #detectionLookedFor()} says what).
     */
    public Optional<DetectedRecipe> detectRecipe(Path repository, String branch) {
        return new RecipeDetector().detect(repository, branch);
    }

    /** What {@link #detectRecipe} looks for, in words. */
    public String detectionLookedFor() {
        return RecipeDetector.lookedFor();
    }

    /** The recipe a build of the commit would use: its {@code stageboard.json} when it has one, else the project's. */
    public Recipe recipeFor(Project project, String commitish) {
        return buildStage.get().recipeFor(project, commitish);
    }

    /**
     * Builds one commit (a SHA, short SHA, branch or tag) in a clean export of its tree. Returns
     * the build record, {@code SUCCEEDED} or {@code FAILED}; throws only when the input is wrong
     * (e.g. an unknown commit). A build of an already-built tree with the same recipe is cached:
     * it reuses that build's artifact at once and says so ({@link Build#cachedFrom()}).
     */
    public Build build(Project project, String commitish, Progress progress) {
        return build(project, commitish, true, progress);
    }

    /**
     * As {@link #build(Project, String, Progress)}; with {@code useCache} false the commit is always
     * built afresh (force rebuild). Waits, QUEUED, while another build of the project runs.
     */
    public Build build(Project project, String commitish, boolean useCache, Progress progress) {
        Build build;
        try {
            build = buildStage.get().build(project, commitish, useCache, actor(), progress);
        } catch (StageboardException e) {
            audit(project.name(), "build", project.name() + "@" + commitish, "rejected", e.getMessage());
            throw e;
        }
        audit(project.name(), useCache ? "build" : "build.force", project.name() + " #" + build.number() + " " + build.shortSha(),
                build.cached() ? "cached" : build.status().name().toLowerCase(java.util.Locale.ROOT), build.message());
        return build;
    }

    public List<Build> builds(Project project) {
        return catalog.builds().forProject(project.id());
    }

    /** The project's builds that have not ended: the running one first, then the queued ones in turn. */
    public List<Build> buildQueue(Project project) {
        return catalog.builds().queue(project.id());
    }

    /** The steps of a build in order, each with its status, duration and log file (none for a cached build). */
    public List<BuildStep> buildSteps(Build build) {
        return catalog.buildSteps().forBuild(build.id());
    }

    public Build build(Project project, int number) {
        return catalog.builds().findByNumber(project.id(), number).orElseThrow(() -> new NotFoundException(
                "Project " + project.name() + " has no build #" + number + ". List builds with 'stageboard builds'."));
    }

    // --- artifact store -------------------------------------------------------------------

    /** Every recorded artifact with what the store last said of it, newest first. */
    public List<StoredArtifact> artifacts() {
        return catalog.artifacts().all();
    }

    /** Re-hashes every stored artifact; corrupt and missing ones are marked (the build cache no longer reuses them). */
    public List<ArtifactCheck> verifyArtifacts(Progress progress) {
        List<ArtifactCheck> checks = artifactMaintenance.get().verify(progress);
        long bad = checks.stream().filter(c -> !c.ok()).count();
        audit(null, "artifacts.verify", "artifact store", bad == 0 ? "ok" : "corrupt",
                checks.size() + " checked, " + bad + " not as packed"
                        + (bad == 0 ? "" : ": " + String.join(", ", checks.stream().filter(c -> !c.ok())
                        .map(c -> c.artifact().sha256().substring(0, 12) + " " + c.state().label()).toList())));
        return checks;
    }

    /**
     * Removes, per project, the artifacts beyond the newest {@code keep} that are older than
     * {@code olderThan}, never one a kept release uses; with {@code dryRun} only says what it would remove.
     */
    public PruneResult pruneArtifacts(int keep, Duration olderThan, boolean dryRun, Progress progress) {
        PruneResult result = artifactMaintenance.get().prune(keep, olderThan, dryRun, progress);
        if (!dryRun) {
            audit(null, "artifacts.prune", "artifact store", "ok", result.removed().size() + " removed (" + result.bytesFreed()
                    + " bytes), " + result.keptForReleases().size() + " kept for releases; keep " + keep + ", older than " + olderThan.toDays() + " days");
        }
        return result;
    }

    // --- release --------------------------------------------------------------------------

    public Environment addEnvironment(Project project, String name, RunSettings run) {
        Project.requireSlug("environment", name);
        Environment environment = catalog.environments().add(project.id(), name, run);
        audit(project.name(), "env.add", project.name() + "/" + name, "ok", "start '" + run.startCommand() + "', health " + run.healthUrl());
        return environment;
    }

    /**
     * Changes how the environment's future releases run (processes and scale, supervision, shared
     * paths, hooks, health, timeouts); releases already made keep the settings they were made with.
     */
    public Environment updateRunSettings(Environment environment, RunSettings run) {
        Environment updated = catalog.environments().updateRunSettings(environment.id(), run);
        Project project = catalog.projects().get(environment.projectId());
        audit(project.name(), "env.settings", project.name() + "/" + environment.name(), "ok", describe(run));
        return updated;
    }

    /** Changes how deploys go over the environment's hosts. */
    public Environment updateRollout(Environment environment, Rollout rollout) {
        Environment updated = catalog.environments().updateRollout(environment.id(), rollout);
        Project project = catalog.projects().get(environment.projectId());
        audit(project.name(), "env.rollout", project.name() + "/" + environment.name(), "ok", rollout.describe());
        return updated;
    }

    /** Sets the order deploys go over the environment's hosts: these first, the others after them. */
    public List<Host> orderHosts(Environment environment, List<Host> first) {
        requireAttachedAll(environment, first);
        catalog.environments().orderHosts(environment.id(), first.stream().map(Host::id).toList());
        Project project = catalog.projects().get(environment.projectId());
        List<Host> order = hosts(environment);
        audit(project.name(), "env.order", project.name() + "/" + environment.name(), "ok",
                String.join(", ", order.stream().map(Host::name).toList()));
        return order;
    }

    private void requireAttachedAll(Environment environment, List<Host> some) {
        for (Host host : some) {
            runStage.get().requireAttached(environment, host);
        }
    }

    private static String describe(RunSettings run) {
        StringBuilder text = new StringBuilder("start '" + run.startCommand() + "', health " + run.healthUrl());
        if (!run.processes().procfile().isEmpty()) {
            text.append(", processes ").append(String.join(", ", org.stageboard.core.Processes.parseProcfile(run.processes().procfile(), "processes").keySet()));
        }
        if (!run.processes().scale().isEmpty()) {
            text.append(", scale ").append(run.processes().scaleText());
        }
        text.append(", supervision ").append(run.supervision().key());
        if (!run.shared().isEmpty()) {
            text.append(", shared ").append(String.join(" ", run.shared()));
        }
        if (run.hooks().releaseCommand() != null) {
            text.append(", release command '").append(run.hooks().releaseCommand()).append("'");
        }
        return text.toString();
    }

    /**
     * Gives an environment a new name. Refused once it was deployed: its hosts keep its releases
     * under the old name, and a new name would start a second copy of the app beside the running one.
     */
    public Environment renameEnvironment(Environment environment, String newName) {
        Environment current = catalog.environments().get(environment.id());
        String name = Project.requireSlug("environment", newName == null ? null : newName.strip());
        Project project = catalog.projects().get(current.projectId());
        int runs = catalog.environments().counts(current.id()).runs();
        if (runs > 0 && !name.equals(current.name())) {
            throw new StageboardException("Environment " + current.name() + " cannot be renamed: it was deployed (" + runs
                    + " runs) and its hosts keep its releases under the name '" + current.name()
                    + "'; a new name would start a second copy of the app beside the running one. Keep the name, or add a new"
                    + " environment and remove this one.");
        }
        Environment renamed = catalog.environments().rename(current.id(), name);
        audit(project.name(), "env.rename", project.name() + "/" + name, "ok", current.name() + " -> " + name);
        return renamed;
    }

    /**
     * Removes an environment. Refused while hosts are attached (named: detach them first); with
     * releases, refused unless {@code force}, saying how many releases and runs of its history
     * would be lost. The apps already running on hosts are left as they are.
     */
    public void removeEnvironment(Environment environment, boolean force) {
        Environment current = catalog.environments().get(environment.id());
        Project project = catalog.projects().get(current.projectId());
        List<Host> attached = hosts(current);
        if (!attached.isEmpty()) {
            throw new StageboardException("Environment " + current.name() + " still runs on "
                    + String.join(", ", attached.stream().map(Host::name).toList()) + ": detach them first ('stageboard env detach "
                    + current.name() + " HOST'); the apps there keep running until you stop them.");
        }
        EnvironmentRepository.Counts counts = catalog.environments().counts(current.id());
        if (counts.releases() > 0 && !force) {
            throw new org.stageboard.core.ForceNeededException("Environment " + current.name() + " has " + counts.releases() + " releases and " + counts.runs()
                    + " runs in its history; removing it loses that history for good (the audit trail stays). To go ahead, remove it with --force.");
        }
        catalog.environments().remove(current.id());
        audit(project.name(), "env.remove", project.name() + "/" + current.name(), "ok",
                counts.releases() + " releases, " + counts.runs() + " runs, " + counts.configVersions() + " config versions removed");
    }

    /** Stops running the environment on the host (the app there is left as it is); recorded in history. */
    public void detachHost(Environment environment, Host host) {
        runStage.get().requireAttached(environment, host);
        catalog.environments().detachHost(environment.id(), host.id());
        Project project = catalog.projects().get(environment.projectId());
        audit(project.name(), "env.detach", project.name() + "/" + environment.name(), "ok", "no longer runs on host " + host.name()
                + " (what runs there was left as it is)");
    }

    public List<Environment> environments(Project project) {
        return catalog.environments().forProject(project.id());
    }

    public Environment environment(Project project, String name) {
        return catalog.environments().require(project.id(), name);
    }

    /** Makes a new config version from the latest one with keys set and keys removed. */
    public ConfigVersion setConfig(Environment environment, Map<String, ConfigEntry> set, Set<String> unset) {
        ConfigVersion before = configService.get().latest(environment).orElse(null);
        ConfigVersion after = configService.get().change(environment, set, unset, actor());
        if (before == null || before.id() != after.id()) {
            Project project = catalog.projects().get(environment.projectId());
            java.util.List<String> changed = new java.util.ArrayList<>(set.keySet());
            unset.forEach(k -> changed.add("-" + k));
            audit(project.name(), "config.set", project.name() + "/" + environment.name(), "ok", after.label() + ": " + String.join(", ", changed));
        }
        return after;
    }

    /** The environment's latest config version, secrets opened (in memory only). */
    public Optional<ConfigVersion> currentConfig(Environment environment) {
        return configService.get().latest(environment);
    }

    /** A new immutable release: the build's artifact plus the environment's latest config. */
    public Release release(Build build, Environment environment) {
        Project project = catalog.projects().get(environment.projectId());
        try {
            Release release = releaseService.get().release(build, environment, actor());
            audit(project.name(), "release", project.name() + "/" + release.label(), "ok",
                    "build #" + build.number() + " (" + build.shortSha() + ") + config v" + release.configVersion());
            return release;
        } catch (StageboardException e) {
            audit(project.name(), "release", project.name() + "/" + environment.name(), "rejected", e.getMessage());
            throw e;
        }
    }

    /**
     * The build a release would be made from: build {@code number} when given, else the newest
     * successful build of the branch head's commit. The reason says which build and commit, and
     * whether that is the head. When the head has no successful build, says so and what to run.
     */
    public BuildChoice chooseBuild(Project project, Integer number) {
        CommitInfo head = commits(project, 1).stream().findFirst().orElseThrow(() -> new StageboardException(
                "The branch " + project.branch() + " of project " + project.name() + " has no commits."));
        List<Build> all = builds(project);
        if (number != null) {
            Build chosen = build(project, number);
            boolean atHead = chosen.commitSha().equals(head.sha());
            return new BuildChoice(chosen, "build #" + chosen.number() + " (commit " + chosen.shortSha() + "), as asked"
                    + (atHead ? ": the head of " + project.branch() : "; note: the head of " + project.branch() + " is " + head.shortSha()
                    + " '" + head.subject() + "'"));
        }
        Optional<Build> atHead = all.stream().filter(b -> b.succeeded() && b.commitSha().equals(head.sha())).findFirst();
        if (atHead.isPresent()) {
            Build b = atHead.get();
            return new BuildChoice(b, "build #" + b.number() + " of commit " + b.shortSha() + " '" + head.subject() + "': the head of "
                    + project.branch() + " (newest successful build of it)");
        }
        Optional<Build> newest = all.stream().filter(Build::succeeded).findFirst();
        throw new StageboardException("The head of " + project.branch() + " (" + head.shortSha() + " '" + head.subject()
                + "') has no successful build: run 'stageboard build' (it builds the head), then release; or 'stageboard ship -e ENV'"
                + " to build, release and deploy it in one go."
                + newest.map(b -> " To release an older build instead, name it: --build " + b.number() + " (commit " + b.shortSha() + ").").orElse(""));
    }

    /**
     * How the environment's latest config differs from the one the release was made with (key
     * names only): what a deploy of this release would not carry.
     */
    public ConfigDrift configChangedSince(Release release) {
        Environment environment = catalog.environments().get(release.environmentId());
        ConfigVersion made = configService.get().get(release.configVersionId());
        Optional<ConfigVersion> latest = configService.get().latest(environment);
        if (latest.isEmpty() || latest.get().id() == made.id()) {
            return new ConfigDrift(made.version(), made.version(), List.of(), List.of(), List.of());
        }
        Map<String, ConfigEntry> before = made.entries();
        Map<String, ConfigEntry> after = latest.get().entries();
        List<String> added = after.keySet().stream().filter(k -> !before.containsKey(k)).sorted()
                .map(k -> k + (after.get(k).secret() ? " (secret)" : "")).toList();
        List<String> removed = before.keySet().stream().filter(k -> !after.containsKey(k)).sorted().toList();
        List<String> changed = after.keySet().stream().filter(before::containsKey).filter(k -> !before.get(k).equals(after.get(k))).sorted()
                .map(k -> k + (after.get(k).secret() ? " (secret)" : "")).toList();
        return new ConfigDrift(made.version(), latest.get().version(), added, removed, changed);
    }

    /**
     * Builds the head of the project's branch (cached when already built), releases it to the
     * environment with the latest config and deploys it to every host by the rollout. A failed
     * build stops there (release and rollout null). Never throws for a failed build or host.
     */
    public ShipResult ship(Project project, Environment environment, Duration lockWait, Progress progress) {
        progress.step("building the head of " + project.branch());
        Build build = build(project, project.branch(), progress);
        if (!build.succeeded()) {
            return new ShipResult(build, null, null);
        }
        progress.step("releasing build #" + build.number() + " (" + build.shortSha() + ") to " + environment.name());
        Release release = release(build, environment);
        return new ShipResult(build, release, deployAll(release, lockWait, progress));
    }

    public List<Release> releases(Environment environment) {
        return catalog.releases().forEnvironment(environment.id());
    }

    public Release release(Environment environment, int version) {
        return catalog.releases().find(environment.id(), version).orElseThrow(() -> new NotFoundException(
                "Environment " + environment.name() + " has no release v" + version + ". List them with 'stageboard releases'."));
    }

    // --- release stage: promotion order, config history, release page, diff, promote, export

    /**
     * Sets the promotion order of the project's environments (staging before production): these
     * first, in this order, the others after them. Returns the whole order.
     */
    public List<Environment> orderEnvironments(Project project, List<Environment> first) {
        return releaseStage.get().orderEnvironments(project, first, actor());
    }

    /** The environment after this one in the promotion order (where promote takes its releases), if any. */
    public Optional<Environment> nextEnvironment(Environment environment) {
        return releaseStage.get().nextEnvironment(environment);
    }

    /** Every config version of the environment, newest first: who, when, which keys it added, removed and changed. */
    public List<ConfigChange> configHistory(Environment environment) {
        return releaseStage.get().configHistory(environment);
    }

    /**
     * The keys added, removed and changed between two config versions (secret values masked);
     * {@code to} null: the latest; {@code from} null: the version before {@code to}.
     */
    public ConfigDiff configDiff(Environment environment, Integer from, Integer to) {
        return releaseStage.get().configDiff(environment, from, to);
    }

    /** What a release page shows: build, commit, config version's keys, who made it and when, which hosts run it now. */
    public ReleaseDetails releaseDetails(Release release) {
        return releaseStage.get().details(release);
    }

    /** What changes from one release to another (same or different environments of one project). */
    public ReleaseDiff diff(Release from, Release to) {
        return releaseStage.get().diff(from, to);
    }

    /** The release promote takes from an environment by default: the newest one live on its hosts, else the newest. */
    public Release promotionSource(Environment environment) {
        return releaseStage.get().promotionSource(environment);
    }

    /**
     * Promotes a release: a new release of the next environment in the promotion order, from the
     * exact artifact of this one (same build and SHA-256, no rebuild) with that environment's latest
     * config and run settings.
     */
    public Release promote(Release source) {
        return releaseStage.get().promote(source, actor());
    }

    /** The environment's non-secret settings as JSON (run settings, rollout, plain config; secret keys by name only). */
    public String exportEnvironment(Environment environment) {
        return releaseStage.get().export(environment, actor());
    }

    /** Creates or updates an environment from {@link #exportEnvironment} JSON; says which secrets are still to set. */
    public EnvironmentImport importEnvironment(Project project, String name, String json) {
        return releaseStage.get().importSettings(project, name, json, actor());
    }

    // --- hosts ----------------------------------------------------------------------------

    public Host addHost(String name, String address, int port, String user, Path privateKey, String baseDir) {
        return addHost(name, address, port, user, privateKey, baseDir, null, false);
    }

    /**
     * Adds a host. Every value is checked as typed ({@link org.stageboard.core.Checks}); the key
     * file must hold a private key. A key with a passphrase: give it ({@code passphrase}) to check
     * it opens the key; it is kept in memory for this engine only, or stored sealed in the catalog
     * when {@code storePassphrase}. Without it, the passphrase is asked for when the host is used.
     */
    public Host addHost(String name, String address, int port, String user, Path privateKey, String baseDir,
                        char[] passphrase, boolean storePassphrase) {
        return hostSetup.add(name, address, port, user, privateKey, baseDir, passphrase, storePassphrase);
    }

    /**
     * Changes how a host is reached ({@code null} keeps a field). A changed address or port
     * un-pins its host key: the returned host has none, and must be trusted again
     * ({@link #trustHostKey}) before the next deploy. A changed key forgets the old key's passphrase.
     */
    public Host updateHost(Host host, String address, Integer port, String user, Path privateKey, String baseDir) {
        return hostSetup.update(host, address, port, user, privateKey, baseDir);
    }

    /**
     * Removes a host. Refused while an environment runs on it (named: detach it first); with runs
     * in the history, refused unless {@code force}. What runs on the machine is left as it is.
     */
    public void removeHost(Host host, boolean force) {
        hostSetup.remove(host, force);
    }

    /**
     * Reads a private key file: type, fingerprint, whether it has a passphrase. Throws, saying
     * why, when it is missing, unreadable, not a private key, or the passphrase is missing or wrong
     * ({@link org.stageboard.core.KeyPassphraseException}).
     */
    public KeyFileInfo inspectKey(Path keyFile, char[] passphrase) {
        return KeyFiles.inspect(keyFile, passphrase);
    }

    /** True when the host's key has a passphrase that is not known (given in this engine, stored, or in the environment). */
    public boolean keyNeedsPassphrase(Host host) {
        try {
            KeyFiles.inspect(host.privateKey(), passphrases.get().forHost(host));
            return false;
        } catch (org.stageboard.core.KeyPassphraseException e) {
            return true;
        }
    }

    /** Checks the passphrase opens the host's key and keeps it in memory for this engine (never written). */
    public void unlockKey(Host host, char[] passphrase) {
        KeyFiles.inspect(host.privateKey(), passphrase);
        passphrases.get().remember(host, passphrase);
    }

    /** Stores the host key's passphrase sealed in the catalog (checked first); null forgets a stored one. */
    public Host storeKeyPassphrase(Host host, char[] passphrase) {
        return hostSetup.storeKeyPassphrase(host, passphrase);
    }

    /** True when the user stored the host key's passphrase. */
    public boolean keyPassphraseStored(Host host) {
        return passphrases.get().stored(host);
    }

    public List<Host> hosts() {
        return catalog.hosts().all();
    }

    public Host host(String name) {
        return catalog.hosts().require(name);
    }

    /** Asks the host for its key and compares it with the pinned one; changes nothing. */
    public HostKeyCheck checkHostKey(Host host) {
        HostKeyScan scan = new KnownHosts(home.knownHosts()).scan(host.address(), host.port(), RunStage.CONNECT_TIMEOUT);
        return new HostKeyCheck(host.name(), scan.keyType(), scan.fingerprint(), scan.pinnedFingerprint(),
                HostKeyCheck.Status.valueOf(scan.status().name()));
    }

    /**
     * Trusts the host's key: the explicit user action. The key the host presents must have the
     * fingerprint the user saw and confirmed; it is then pinned in the known_hosts file and the catalog.
     */
    public Host trustHostKey(Host host, String confirmedFingerprint) {
        return hostSetup.trustHostKey(host, confirmedFingerprint);
    }

    public void attachHost(Environment environment, Host host) {
        catalog.environments().attachHost(environment.id(), host.id());
        Project project = catalog.projects().get(environment.projectId());
        audit(project.name(), "env.host", project.name() + "/" + environment.name(), "ok", "runs on host " + host.name());
    }

    public List<Host> hosts(Environment environment) {
        return catalog.environments().hosts(environment.id());
    }

    // --- set-up checks (wizards): nothing here writes the catalog ------------------------

    /** The local branches of the repository in the folder; fails with a clear message if it is not a git repository. */
    public List<String> branches(Path repository) {
        try (GitRepository git = GitRepository.open(repository)) {
            return git.branches();
        }
    }

    /** The repository's current branch, or null when HEAD is detached or the folder has no commits. */
    public String currentBranch(Path repository) {
        try (GitRepository git = GitRepository.open(repository)) {
            return git.currentBranch();
        }
    }

    /** Asks a host that is not saved yet for its key and compares it with Stageboard's known_hosts; changes nothing. */
    public HostKeyCheck checkHostKey(String address, int port) {
        HostKeyScan scan = new KnownHosts(home.knownHosts()).scan(address, port, RunStage.CONNECT_TIMEOUT);
        return new HostKeyCheck(address, scan.keyType(), scan.fingerprint(), scan.pinnedFingerprint(),
                HostKeyCheck.Status.valueOf(scan.status().name()));
    }

    /**
     * Trusts the key of a host that is not saved yet, as an explicit user action: the key the host
     * presents must have the fingerprint the user confirmed; it is pinned in Stageboard's
     * known_hosts file (not the catalog: {@link #adoptTrustedKey} does that once the host is saved).
     */
    public HostKeyCheck trustHostKey(String address, int port, String confirmedFingerprint) {
        String where = address + ":" + port;
        try {
            HostKeyScan scan = new KnownHosts(home.knownHosts()).trust(address, port, confirmedFingerprint, RunStage.CONNECT_TIMEOUT);
            audit(null, "host.trust", "address:" + where, "ok", scan.keyType() + " " + scan.fingerprint());
            return new HostKeyCheck(address, scan.keyType(), scan.fingerprint(), scan.pinnedFingerprint(), HostKeyCheck.Status.TRUSTED);
        } catch (StageboardException e) {
            audit(null, "host.trust", "address:" + where, "refused", e.getMessage());
            throw e;
        }
    }

    /** Pins in the catalog the key already trusted in known_hosts for the host's address and port (no connection); the host unchanged if none is. */
    public Host adoptTrustedKey(Host host) {
        return new KnownHosts(home.knownHosts()).pinnedFingerprint(host.address(), host.port())
                .map(fingerprint -> catalog.hosts().pinHostKey(host.id(), fingerprint))
                .orElse(host);
    }

    /** What the private key file is: missing, unreadable, not a key, protected by a passphrase, or ready. */
    public KeyFileState privateKeyState(Path file) {
        return KeyFiles.inspect(file);
    }

    /**
     * Tests a host before it is saved: trusted key, login with the key (and its passphrase, used
     * for this test only, may be null), the base folder can be created and written, free space,
     * port forwarding. Never throws for what it finds: each check says how it came out.
     */
    public List<ConnectionCheck> testConnection(String address, int port, String user, Path privateKey, char[] passphrase,
                                                String baseDir) {
        SshTarget target = new SshTarget(address, port, user, privateKey, home.knownHosts(), RunStage.CONNECT_TIMEOUT);
        return ConnectionProbe.run(target, passphrase, baseDir);
    }

    /** {@link #testConnection} for a saved host, with the key passphrase known for it (given, stored or in the environment). */
    public List<ConnectionCheck> testHost(Host host) { return testConnection(host.address(), host.port(), host.user(), host.privateKey(), passphrases.get().forHost(host), host.baseDir()); }

    // --- run ------------------------------------------------------------------------------

    /**
     * Puts a release to work on one host. Returns the run record: {@code LIVE}, {@code ROLLED_BACK}
     * (the new release failed; the previous one serves again), {@code FAILED} or {@code CANCELLED}
     * (nothing that served was changed), or {@code APP_DOWN} (the host was left without a running
     * app; the message says exactly what it has). Never throws for a failed run; the record says why.
     */
    public Run deploy(Release release, Host host, Progress progress) {
        return deploy(release, host, Duration.ZERO, progress);
    }

    /**
     * As {@link #deploy(Release, Host, Progress)}, waiting up to {@code lockWait} for a lock held by another run.
     * This is the host's run alone: it does not run the release command; {@link #deployTo} does.
     */
    public Run deploy(Release release, Host host, Duration lockWait, Progress progress) {
        return runStage.get().activate(release, host, RunKind.DEPLOY, lockWait, actor(), progress);
    }

    /** Deploys to every host of the release's environment by its rollout; see {@link #deployAll(Release, Duration, Progress)}. */
    public RolloutResult deployAll(Release release, Progress progress) {
        return deployAll(release, Duration.ZERO, progress);
    }

    /**
     * Deploys to every host of the release's environment, in the environment's host order, by its
     * rollout (parallel up to a limit, or rolling in batches). The release command, if any, runs
     * first, once per release, on the first host; its failure stops the deploy with nothing
     * switched. On a failure the hosts not started are recorded skipped, and the switched ones are
     * rolled back together or stay, by the environment's failure policy. Each host waits up to
     * {@code lockWait} for its lock. Never throws for a failed host; the result names every host's
     * outcome. Give a {@link RolloutProgress} to follow each host.
     */
    public RolloutResult deployAll(Release release, Duration lockWait, Progress progress) {
        Environment environment = catalog.environments().get(release.environmentId());
        return rollouts.get().deploy(release, hosts(environment), lockWait, actor(), progress);
    }

    /** As {@link #deployAll(Release, Duration, Progress)} over some of the environment's hosts (e.g. one), release command included. */
    public RolloutResult deployTo(Release release, List<Host> hosts, Duration lockWait, Progress progress) {
        Environment environment = catalog.environments().get(release.environmentId());
        java.util.Set<Long> chosen = new java.util.HashSet<>(hosts.stream().map(Host::id).toList());
        requireAttachedAll(environment, hosts);
        return rollouts.get().deploy(release, hosts(environment).stream().filter(h -> chosen.contains(h.id())).toList(), lockWait, actor(), progress);
    }

    /**
     * The hosts of the release's environment that do not run it after its deploys: those whose
     * latest run of this release is not live (failed, rolled back, skipped, cancelled, app down,
     * rolled back after a rollout failed), and those that never ran it; in deploy order.
     */
    public List<Host> failedHosts(Release release) {
        Environment environment = catalog.environments().get(release.environmentId());
        Map<Long, Run> latest = new java.util.HashMap<>();
        catalog.runs().latestPerHost(release.id()).forEach(r -> latest.put(r.hostId(), r));
        return hosts(environment).stream().filter(h -> latest.get(h.id()) == null || latest.get(h.id()).status() != RunStatus.LIVE).toList();
    }

    /**
     * Deploys the release again only on the hosts it is not live on ({@link #failedHosts}), by the
     * environment's rollout. Its release command is not run again when it already succeeded.
     * With nothing to retry, returns a result with no hosts saying so.
     */
    public RolloutResult retryFailed(Release release, Duration lockWait, Progress progress) {
        List<Host> failed = failedHosts(release);
        if (failed.isEmpty()) {
            Environment environment = catalog.environments().get(release.environmentId());
            if (hosts(environment).isEmpty()) {
                throw new StageboardException("Environment " + environment.name() + " has no hosts: add one and attach it first.");
            }
            String summary = "nothing to retry: " + release.label() + " is live on every host of " + environment.name();
            progress.step(summary);
            return new RolloutResult(release, environment.rollout(), null, null, List.of(), false, summary);
        }
        progress.log("retrying " + release.label() + " on " + String.join(", ", failed.stream().map(Host::name).toList()));
        return rollouts.get().deploy(release, failed, lockWait, actor(), progress);
    }

    /**
     * What deploying the release would do on each host of its environment, read from the hosts
     * and changing nothing: what runs now, what would run, bytes to upload, config changes, lock,
     * releases that would be pruned.
     */
    public List<DeployPlan> plan(Release release) {
        return planner.get().plan(release);
    }

    /** Reads the host and says which release a rollback would activate there, before doing anything. */
    public RollbackChoice rollbackChoice(Environment environment, Host host) {
        return planner.get().rollbackChoice(environment, host);
    }

    /** Re-activates the last good release before the current one on the host (from its ledger), with its own config. */
    public Run rollback(Environment environment, Host host, Progress progress) {
        return rollback(environment, host, null, progress);
    }

    /** Rolls back to release {@code toVersion} of the environment, or to the host's last good release when null. */
    public Run rollback(Environment environment, Host host, Integer toVersion, Progress progress) {
        Release target;
        if (toVersion != null) {
            target = release(environment, toVersion);
        } else {
            RollbackChoice choice = rollbackChoice(environment, host);
            if (!choice.possible()) {
                throw new StageboardException(choice.explanation());
            }
            target = choice.target();
        }
        progress.log("rolling back " + host.name() + " to " + target.label());
        return runStage.get().activate(target, host, RunKind.ROLLBACK, Duration.ZERO, actor(), progress);
    }

    // --- operate ---------------------------------------------------------------------------

    /** Stops the app of the release that runs on the host (every instance), under the lock; recorded as a STOP run. */
    public Run stop(Environment environment, Host host, Duration lockWait, Progress progress) {
        return operations.get().stop(environment, host, lockWait, actor(), progress);
    }

    /** Starts the app of the release {@code current} points to on the host and waits for health; recorded as a START run. */
    public Run start(Environment environment, Host host, Duration lockWait, Progress progress) {
        return operations.get().start(environment, host, lockWait, actor(), progress);
    }

    /** Enters the run stage again without a new release: stop, start, health; recorded as a RESTART run. */
    public Run restart(Environment environment, Host host, Duration lockWait, Progress progress) {
        return operations.get().restart(environment, host, lockWait, actor(), progress);
    }

    /**
     * Runs a one-off command in the current release's folder on the host with its config (factor
     * XII admin process), output streamed to {@code output} with secrets masked; returns its exit
     * code. Recorded as an EXEC run.
     */
    public int exec(Environment environment, Host host, String command, java.util.function.Consumer<String> output, Progress progress) {
        return operations.get().exec(environment, host, command, actor(), output, progress);
    }

    /** The app's last log lines on the host (one instance such as {@code web.2}, or all when null), then new ones while {@code follow} until cancelled. */
    public void logs(Environment environment, Host host, String instance, int lines, boolean follow,
                     java.util.function.Consumer<String> output, Progress progress) {
        operations.get().logs(environment, host, instance, lines, follow, output, progress);
    }

    /**
     * What opening this engine found left behind by processes that died (crash, kill, closed
     * window), in a sentence, or empty when nothing was.
     */
    public Optional<String> recoveredAtOpen() {
        var recovered = catalog.lastRecovered();
        return recovered.none() ? Optional.empty() : Optional.of("At start, Stageboard found " + recovered.describe()
                + " (a crash, a kill or a closed window) and marked them interrupted; read the hosts to see what they really have.");
    }

    // --- hosts are the truth ----------------------------------------------------------------

    /**
     * Reads every host of the project's environments in parallel (each within a time limit),
     * stores what was read with the time, and says where each host differs from the catalog.
     */
    public List<HostStatus> readHosts(Project project, boolean askHealth) {
        return hostStatuses.get().read(project, askHealth);
    }

    /** One host of one environment, read now. */
    public HostStatus readHost(Environment environment, Host host, boolean askHealth) {
        return hostStatuses.get().read(environment, host, askHealth);
    }

    /** What the hosts said when last read (no network): for a board that opens at once. */
    public List<HostStatus> lastReadings(Project project) {
        return hostStatuses.get().remembered(project);
    }

    /** Who holds the environment's lock on the host, read from the host. */
    public Optional<LockInfo> lock(Environment environment, Host host) {
        Project project = catalog.projects().get(environment.projectId());
        return Optional.ofNullable(new HostRunner(runStage.get().target(host), host.baseDir()).lock(project.name(), environment.name()));
    }

    /**
     * Breaks the environment's lock on the host, the explicit user action: only if it is still
     * held by {@code expectedHolder} (the holder the user saw). Recorded in the host's ledger and
     * the audit trail. Returns false when there was no lock any more.
     */
    public boolean breakLock(Environment environment, Host host, String expectedHolder) {
        Project project = catalog.projects().get(environment.projectId());
        boolean broken = new HostRunner(runStage.get().target(host), host.baseDir())
                .breakLock(project.name(), environment.name(), expectedHolder, actor());
        audit(project.name(), "lock.break", project.name() + "/" + environment.name() + " on " + host.name(),
                broken ? "ok" : "no lock", "held by " + expectedHolder);
        return broken;
    }

    /** The host a run ran on. */
    public Host hostOf(Run run) {
        return catalog.hosts().get(run.hostId());
    }

    /** The release a run put to work. */
    public Release releaseOf(Run run) {
        return catalog.releases().get(run.releaseId());
    }

    /** The environment a release belongs to. */
    public Environment environmentOf(Release release) {
        return catalog.environments().get(release.environmentId());
    }

    /** Every run of a project, newest first. */
    public List<Run> runs(Project project) {
        return catalog.runs().forProject(project.id());
    }

    /** The catalog's schema version, e.g. {@code 2}. */
    public String schemaVersion() {
        return catalog.schemaVersion();
    }

    // --- seeing it ------------------------------------------------------------------------

    /** What the board shows for a project: its first page (see {@link BoardPage#FIRST}) with up to commitLimit commits. */
    public BoardSnapshot board(Project project, int commitLimit) {
        return board(project, BoardPage.FIRST.withCommits(commitLimit));
    }

    /** What the board shows for a project, bounded by the page whatever the catalog's size. */
    public BoardSnapshot board(Project project, BoardPage page) {
        List<CommitInfo> commits;
        try {
            commits = commits(project, page.commits());
        } catch (StageboardException e) {
            commits = List.of();
        }
        BoardSnapshot snapshot = new BoardLoader(catalog).load(project, commits, environments(project), page);
        // A build or run shown as going on whose process is gone (killed on this machine) is recorded interrupted, and shown so.
        boolean goingOn = snapshot.builds().stream().anyMatch(b -> b.status().active())
                || snapshot.runs().stream().anyMatch(r -> r.status() == RunStatus.RUNNING);
        if (goingOn && !catalog.recoverInterrupted().none()) {
            snapshot = new BoardLoader(catalog).load(project, commits, environments(project), page);
        }
        return snapshot;
    }

    /** The newest runs of an environment on a host, newest first: what the host's "Recent runs" shows. */
    public List<Run> recentRuns(Environment environment, Host host, int limit) {
        return catalog.runs().recent(environment.id(), host.id(), limit);
    }

    /** The history of runs, builds and releases: filtered pages, charts, exports, teammates' deploys from the hosts' ledgers. */
    public History history() { return new History(catalog, configService.get(), runStage.get()); }

    /** The audit trail of a project, newest first. */
    public List<Event> history(Project project, int limit) {
        return catalog.events().forProject(project.name(), limit);
    }

    /** Records an audit event. Callers never pass config values, so no secret reaches the trail. */
    private void audit(String project, String action, String subject, String outcome, String detail) {
        audit.record(project, action, subject, outcome, detail);
    }

    private static String actor() {
        return Actor.current();
    }

    @Override
    public void close() {
        catalog.close();
    }
}
