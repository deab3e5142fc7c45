package org.stageboard.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.ConfigEntry;
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

    public Stageboard(StageboardHome home, Catalog catalog) {
        this.home = home;
        this.catalog = catalog;
    }

    /** Opens the catalog in the home folder. */
    public static Stageboard open(StageboardHome home) {
        return new Stageboard(home, Catalog.open(home.catalogDir()));
    }

    public Catalog catalog() {
        return catalog;
    }

    public StageboardHome home() {
        return home;
    }

    // --- codebase -------------------------------------------------------------------------

    /** Adds a project for a local git repository; fails clearly if the folder is not one. */
    public Project addProject(String name, Path repository, String branch, Recipe recipe) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Project> projects() {
        return catalog.projects().all();
    }

    public Project project(String name) {
        return catalog.projects().require(name);
    }

    /** The newest commits of the project's branch. */
    public List<CommitInfo> commits(Project project, int limit) {
        throw new UnsupportedOperationException("pending");
    }

    // --- build ----------------------------------------------------------------------------

    /**
     * Builds one commit (a SHA, short SHA, branch or tag) in a clean export of its tree. Returns
     * the build record, {@code SUCCEEDED} or {@code FAILED}; throws only when the input is wrong
     * (e.g. an unknown commit). A build of an already-built tree with the same recipe is reused.
     */
    public Build build(Project project, String commitish, Progress progress) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Build> builds(Project project) {
        return catalog.builds().forProject(project.id());
    }

    public Build build(Project project, int number) {
        throw new UnsupportedOperationException("pending");
    }

    // --- release --------------------------------------------------------------------------

    public Environment addEnvironment(Project project, String name, RunSettings run) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Environment> environments(Project project) {
        return catalog.environments().forProject(project.id());
    }

    public Environment environment(Project project, String name) {
        return catalog.environments().require(project.id(), name);
    }

    /** Makes a new config version from the latest one with keys set and keys removed. */
    public ConfigVersion setConfig(Environment environment, Map<String, ConfigEntry> set, Set<String> unset) {
        throw new UnsupportedOperationException("pending");
    }

    /** The environment's latest config version, secrets opened (in memory only). */
    public Optional<ConfigVersion> currentConfig(Environment environment) {
        throw new UnsupportedOperationException("pending");
    }

    /** A new immutable release: the build's artifact plus the environment's latest config. */
    public Release release(Build build, Environment environment) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Release> releases(Environment environment) {
        return catalog.releases().forEnvironment(environment.id());
    }

    public Release release(Environment environment, int version) {
        throw new UnsupportedOperationException("pending");
    }

    // --- hosts ----------------------------------------------------------------------------

    public Host addHost(String name, String address, int port, String user, Path privateKey, String baseDir) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Host> hosts() {
        return catalog.hosts().all();
    }

    public Host host(String name) {
        return catalog.hosts().require(name);
    }

    /** Asks the host for its key and compares it with the pinned one; changes nothing. */
    public HostKeyCheck checkHostKey(Host host) {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Trusts the host's key: the explicit user action. The key the host presents must have the
     * fingerprint the user saw and confirmed; it is then pinned in the known_hosts file and the catalog.
     */
    public Host trustHostKey(Host host, String confirmedFingerprint) {
        throw new UnsupportedOperationException("pending");
    }

    public void attachHost(Environment environment, Host host) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Host> hosts(Environment environment) {
        return catalog.environments().hosts(environment.id());
    }

    // --- run ------------------------------------------------------------------------------

    /**
     * Puts a release to work on one host. Returns the run record: {@code LIVE},
     * {@code ROLLED_BACK} (health failed; the previous release serves again) or {@code FAILED}
     * (nothing was switched). Never throws for a failed run; the record says why.
     */
    public Run deploy(Release release, Host host, Progress progress) {
        throw new UnsupportedOperationException("pending");
    }

    /** Deploys to every host of the release's environment, one after another; stops at the first failure. */
    public List<Run> deployAll(Release release, Progress progress) {
        throw new UnsupportedOperationException("pending");
    }

    /** Re-activates the release that was live on the host before the current one, with its own config. */
    public Run rollback(Environment environment, Host host, Progress progress) {
        throw new UnsupportedOperationException("pending");
    }

    // --- seeing it ------------------------------------------------------------------------

    /** Everything the board shows for a project. */
    public BoardSnapshot board(Project project, int commitLimit) {
        throw new UnsupportedOperationException("pending");
    }

    /** The audit trail of a project, newest first. */
    public List<Event> history(Project project, int limit) {
        return catalog.events().forSubject(project.name(), limit);
    }

    @Override
    public void close() {
        catalog.close();
    }
}
