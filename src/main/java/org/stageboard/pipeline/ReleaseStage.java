package org.stageboard.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.ConfigChange;
import org.stageboard.core.ConfigDiff;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.EnvironmentImport;
import org.stageboard.core.Host;
import org.stageboard.core.Masker;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.ReleaseDetails;
import org.stageboard.core.ReleaseDiff;
import org.stageboard.core.StageboardException;
import org.stageboard.git.GitRepository;
import org.stageboard.release.ConfigService;
import org.stageboard.release.EnvironmentSettingsJson;
import org.stageboard.release.ReleaseService;

/**
 * The release stage beyond making a release: the promotion order of a project's environments,
 * config history and diffs, a release's page, the diff between two releases, promotion of a
 * release's exact artifact to the next environment, and export / import of an environment's
 * non-secret settings. Each change is recorded in the audit trail, never with a config value.
 */
final class ReleaseStage {

    /** At most this many commits are listed between two releases. */
    static final int COMMIT_LIMIT = 500;

    private final Catalog catalog;
    private final ConfigService configs;
    private final ReleaseService releases;

    ReleaseStage(Catalog catalog, ConfigService configs, ReleaseService releases) {
        this.catalog = catalog;
        this.configs = configs;
        this.releases = releases;
    }

    // --- promotion order ------------------------------------------------------------------

    List<Environment> orderEnvironments(Project project, List<Environment> first, String actor) {
        for (Environment e : first) {
            if (e.projectId() != project.id()) {
                throw new StageboardException("Environment " + e.name() + " is not one of project " + project.name() + ".");
            }
        }
        if (first.stream().map(Environment::id).distinct().count() != first.size()) {
            throw new StageboardException("An environment is named twice in the promotion order: name each once.");
        }
        catalog.environments().orderEnvironments(project.id(), first.stream().map(Environment::id).toList());
        List<Environment> order = catalog.environments().forProject(project.id());
        audit(actor, project.name(), "env.promote-order", project.name(), "ok", String.join(" -> ", order.stream().map(Environment::name).toList()));
        return order;
    }

    /** The environment after this one in the promotion order, if any. */
    Optional<Environment> nextEnvironment(Environment environment) {
        List<Environment> order = catalog.environments().forProject(environment.projectId());
        for (int i = 0; i < order.size() - 1; i++) {
            if (order.get(i).id() == environment.id()) {
                return Optional.of(order.get(i + 1));
            }
        }
        return Optional.empty();
    }

    // --- config ---------------------------------------------------------------------------

    List<ConfigChange> configHistory(Environment environment) {
        return configs.history(environment);
    }

    /**
     * The difference between two config versions of the environment; {@code to} null means the
     * latest, {@code from} null the one before {@code to} (nothing before v1).
     */
    ConfigDiff configDiff(Environment environment, Integer from, Integer to) {
        ConfigVersion latest = configs.latest(environment).orElseThrow(() -> new StageboardException(
                "Environment " + environment.name() + " has no config yet: set some with 'stageboard config set'."));
        ConfigVersion target = to == null ? latest : configs.version(environment, to);
        int fromNumber = from == null ? target.version() - 1 : from;
        Map<String, ConfigEntry> before = fromNumber <= 0 ? Map.of() : configs.version(environment, fromNumber).entries();
        return ConfigDiff.between(fromNumber <= 0 ? "(nothing)" : "config v" + fromNumber, before, target.label(), target.entries());
    }

    // --- release page and diff ------------------------------------------------------------

    ReleaseDetails details(Release release) {
        Build build = catalog.builds().get(release.buildId());
        Project project = catalog.projects().get(catalog.environments().get(release.environmentId()).projectId());
        CommitInfo commit;
        try (GitRepository git = GitRepository.open(project.repository())) {
            commit = git.resolve(build.commitSha());
        } catch (StageboardException unreadable) {
            commit = null; // the page still shows the SHA from the build
        }
        ConfigVersion config = catalog.configs().get(release.configVersionId()); // sealed: only names are read
        List<String> keys = new ArrayList<>(config.entries().keySet());
        List<String> secretKeys = config.entries().values().stream().filter(ConfigEntry::secret).map(ConfigEntry::key).toList();
        List<String> running = new ArrayList<>();
        for (Host host : catalog.environments().hosts(release.environmentId())) {
            catalog.runs().live(release.environmentId(), host.id())
                    .filter(run -> run.releaseId() == release.id())
                    .ifPresent(run -> running.add(host.name()));
        }
        return new ReleaseDetails(release, build, commit, size(release), keys, secretKeys, running);
    }

    ReleaseDiff diff(Release from, Release to) {
        Build fromBuild = catalog.builds().get(from.buildId());
        Build toBuild = catalog.builds().get(to.buildId());
        Environment fromEnv = catalog.environments().get(from.environmentId());
        Environment toEnv = catalog.environments().get(to.environmentId());
        if (fromEnv.projectId() != toEnv.projectId()) {
            throw new StageboardException(from.label() + " and " + to.label() + " belong to different projects: compare releases of one project.");
        }
        Project project = catalog.projects().get(fromEnv.projectId());
        List<CommitInfo> commits = List.of();
        boolean backwards = false;
        if (!fromBuild.commitSha().equals(toBuild.commitSha())) {
            try (GitRepository git = GitRepository.open(project.repository())) {
                commits = git.commitsBetween(fromBuild.commitSha(), toBuild.commitSha(), COMMIT_LIMIT);
                if (commits.isEmpty()) {
                    commits = git.commitsBetween(toBuild.commitSha(), fromBuild.commitSha(), COMMIT_LIMIT);
                    backwards = !commits.isEmpty();
                }
            }
        }
        ConfigDiff config = configs.diff(configs.get(from.configVersionId()), label(from), configs.get(to.configVersionId()), label(to));
        return new ReleaseDiff(from, to, commits, backwards, commits.size() >= COMMIT_LIMIT, config,
                !from.run().equals(to.run()), size(from), size(to));
    }

    private static String label(Release release) {
        return release.environmentName() + " config v" + release.configVersion();
    }

    private Long size(Release release) {
        return catalog.artifacts().find(release.artifactSha256()).map(Artifact::size).orElse(null);
    }

    // --- promotion ------------------------------------------------------------------------

    /** The release promote takes by default: the newest one live on one of the environment's hosts, else the newest. */
    Release promotionSource(Environment environment) {
        List<Release> all = catalog.releases().forEnvironment(environment.id());
        if (all.isEmpty()) {
            throw new StageboardException("Environment " + environment.name() + " has no release to promote: make one with 'stageboard release -e "
                    + environment.name() + "'.");
        }
        Set<Long> live = new java.util.HashSet<>();
        for (Host host : catalog.environments().hosts(environment.id())) {
            catalog.runs().live(environment.id(), host.id()).ifPresent(run -> live.add(run.releaseId()));
        }
        return all.stream().filter(r -> live.contains(r.id())).findFirst().orElse(all.get(0));
    }

    /**
     * A release of the next environment in the promotion order from the exact artifact of
     * {@code source} (same build, same SHA-256, checked against the stored file; nothing is
     * rebuilt) with that environment's latest config and run settings.
     */
    Release promote(Release source, String actor) {
        Environment from = catalog.environments().get(source.environmentId());
        Project project = catalog.projects().get(from.projectId());
        Environment target = nextEnvironment(from).orElseThrow(() -> new StageboardException(
                "Environment " + from.name() + " is the last of the promotion order of " + project.name() + ", so there is nowhere to promote "
                        + source.label() + " to: set the order with 'stageboard env promote-order ENV ENV ...'."));
        try {
            Build build = catalog.builds().get(source.buildId());
            Artifact artifact = catalog.artifacts().find(source.artifactSha256()).orElseThrow(() -> new StageboardException(
                    "The artifact of " + source.label() + " is not in the catalog any more: it cannot be promoted; build and release again."));
            if (!Files.isRegularFile(artifact.file())) {
                throw new StageboardException("The artifact file of " + source.label() + " is missing (" + artifact.file()
                        + "): it cannot be promoted; build and release again.");
            }
            String sha = sha256(artifact);
            if (!sha.equals(source.artifactSha256())) {
                throw new StageboardException("The artifact file of " + source.label() + " no longer matches its SHA-256 (it was changed on disk): "
                        + "it cannot be promoted; run 'stageboard artifacts verify', then build and release again.");
            }
            Release made = releases.release(build, target, actor);
            audit(actor, project.name(), "release.promote", project.name() + "/" + made.label(), "ok",
                    "from " + source.label() + ": build #" + build.number() + " (" + build.shortSha() + "), artifact "
                            + sha.substring(0, 12) + ", config v" + made.configVersion());
            return made;
        } catch (StageboardException e) {
            audit(actor, project.name(), "release.promote", project.name() + "/" + target.name(), "rejected", e.getMessage());
            throw e;
        }
    }

    private static String sha256(Artifact artifact) {
        try (InputStream in = Files.newInputStream(artifact.file())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new StageboardException("Could not read the artifact file " + artifact.file() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- export / import ------------------------------------------------------------------

    /** The environment's non-secret settings as JSON; secret keys by name only, any secret value in other text masked. */
    String export(Environment environment, String actor) {
        ConfigVersion config = configs.latest(environment).orElse(null);
        String json = EnvironmentSettingsJson.write(environment, config);
        Project project = catalog.projects().get(environment.projectId());
        audit(actor, project.name(), "env.export", project.name() + "/" + environment.name(), "ok",
                config == null ? "no config" : config.label() + ", " + config.entries().size() + " keys");
        return config == null ? json : new Masker(config.secretValues()).mask(json);
    }

    /**
     * Creates the environment from an export, or updates it: run settings and rollout, and the
     * plain config keys (one new config version if they change anything). Secret keys named by the
     * file that have no value here are reported, to be set separately.
     */
    EnvironmentImport importSettings(Project project, String name, String json, String actor) {
        Project.requireSlug("environment", name);
        EnvironmentSettingsJson.Settings settings = EnvironmentSettingsJson.read(json);
        Map<String, ConfigEntry> set = new LinkedHashMap<>();
        settings.config().forEach((k, v) -> set.put(k, new ConfigEntry(k, v, false))); // checked before anything is saved
        Optional<Environment> existing = catalog.environments().find(project.id(), name);
        Optional<ConfigVersion> before = existing.flatMap(configs::latest);
        for (String key : set.keySet()) {
            if (before.isPresent() && before.get().entries().containsKey(key) && before.get().entries().get(key).secret()) {
                throw new StageboardException("Config key " + key + " is a secret in " + name + " but plain in the file: "
                        + "remove it from the file's \"config\" or unset the secret first.");
            }
        }
        if (existing.isEmpty() && settings.run() == null) {
            throw new StageboardException("Environment " + name + " does not exist and the file has no \"run\" settings to create it with.");
        }
        Environment environment = existing.isEmpty() ? catalog.environments().add(project.id(), name, settings.run()) : existing.get();
        if (existing.isPresent() && settings.run() != null) {
            environment = catalog.environments().updateRunSettings(environment.id(), settings.run());
        }
        if (settings.rollout() != null) {
            environment = catalog.environments().updateRollout(environment.id(), settings.rollout());
        }
        Integer version = null;
        if (!set.isEmpty()) {
            ConfigVersion after = configs.change(environment, set, Set.of(), actor);
            if (before.isEmpty() || before.get().id() != after.id()) {
                version = after.version();
            }
        }
        Map<String, ConfigEntry> now = configs.latest(environment).map(ConfigVersion::entries).orElse(Map.of());
        List<String> missing = settings.secretKeys().stream().filter(k -> !now.containsKey(k) || !now.get(k).secret()).toList();
        audit(actor, project.name(), "env.import", project.name() + "/" + name, "ok", (existing.isEmpty() ? "created" : "updated")
                + (version == null ? "" : ", config v" + version) + ", keys " + String.join(", ", set.keySet())
                + (missing.isEmpty() ? "" : "; secrets to set: " + String.join(", ", missing)));
        return new EnvironmentImport(environment, existing.isEmpty(), version, new ArrayList<>(set.keySet()), missing);
    }

    private void audit(String actor, String project, String action, String subject, String outcome, String detail) {
        catalog.events().append(actor, project, action, subject, outcome, detail);
    }
}
