package org.stageboard.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Masker;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.release.ConfigService;
import org.stageboard.core.HostPlan;
import org.stageboard.run.HostRunner;
import org.stageboard.core.ReleaseIdentity;

/** Plans before acting: what a deploy would do on each host, and what a rollback would activate, read from the hosts. */
final class RunPlanner {

    private final Catalog catalog;
    private final ConfigService configs;
    private final RunStage runStage;
    private final HostStatuses statuses;

    RunPlanner(Catalog catalog, ConfigService configs, RunStage runStage, HostStatuses statuses) {
        this.catalog = catalog;
        this.configs = configs;
        this.runStage = runStage;
        this.statuses = statuses;
    }

    List<DeployPlan> plan(Release release) {
        Environment environment = catalog.environments().get(release.environmentId());
        Project project = catalog.projects().get(environment.projectId());
        ConfigVersion config = configs.get(release.configVersionId());
        var remote = runStage.remoteRelease(release, project, config, org.stageboard.core.Actor.current());
        List<Host> hosts = catalog.environments().hosts(environment.id());
        return HostReads.readAll(hosts, HostStatuses.READ_TIMEOUT, host -> {
            HostPlan plan = new HostRunner(runStage.target(host), host.baseDir()).plan(remote);
            Release now = statuses.ours(environment, plan.now().currentIdentity());
            List<String> changes = now == null ? List.of(plan.now().currentFolder() == null ? "no release runs yet: every key is new"
                    : "the running release is not this catalog's: its config cannot be compared")
                    : configChanges(configs.get(now.configVersionId()), config);
            return new DeployPlan(host, release, plan, null, now, changes);
        }, (host, error) -> new DeployPlan(host, release, null, error, null, List.of()));
    }

    /** Keys added, removed and changed between two config versions; secret values shown masked. */
    static List<String> configChanges(ConfigVersion before, ConfigVersion after) {
        List<String> changes = new ArrayList<>();
        Map<String, ConfigEntry> a = before.entries();
        Map<String, ConfigEntry> b = after.entries();
        for (String key : new TreeSet<>(union(a, b))) {
            ConfigEntry old = a.get(key);
            ConfigEntry now = b.get(key);
            if (old == null) {
                changes.add("+ " + key + "=" + shown(now));
            } else if (now == null) {
                changes.add("- " + key);
            } else if (!Objects.equals(old.value(), now.value()) || old.secret() != now.secret()) {
                changes.add("~ " + key + ": " + shown(old) + " -> " + shown(now));
            }
        }
        return changes;
    }

    private static java.util.Set<String> union(Map<String, ConfigEntry> a, Map<String, ConfigEntry> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String shown(ConfigEntry entry) {
        return entry.secret() ? Masker.MASK : entry.value();
    }

    RollbackChoice rollbackChoice(Environment environment, Host host) {
        runStage.requireAttached(environment, host);
        HostStatus status;
        try {
            status = statuses.read(environment, host, false);
        } catch (org.stageboard.ssh.HostKeyException e) {
            throw new org.stageboard.core.StageboardException(RunStage.hostKeyMessage(host, e));
        }
        var state = status.state();
        String folder = HostRunner.rollbackTarget(state);
        Release current = status.running();
        String now = state.currentFolder() == null ? "nothing" : current != null ? current.label()
                : state.currentIdentity() != null ? state.currentIdentity().label() + " (another catalog's)" : state.currentFolder();
        if (folder == null) {
            return new RollbackChoice(environment, host, state, current, null, null, "Nothing to roll back to on " + host.name()
                    + ": its ledger has no earlier release of " + environment.name() + " that was live and healthy and is still there"
                    + " (now: " + now + "). Deploy a release instead, or name one with --to.");
        }
        Release target = releaseOfFolder(environment, folder);
        if (target == null) {
            return new RollbackChoice(environment, host, state, current, null, folder, "The last good release on " + host.name()
                    + " before " + now + " is " + folder + ", which another catalog deployed (see the host's ledger): this catalog "
                    + "cannot vouch for its code and config. Roll back from that catalog, or name one of this catalog's releases with --to."
                    );
        }
        return new RollbackChoice(environment, host, state, current, target, folder, "Rollback on " + host.name() + " will activate "
                + target.label() + " (" + folder + ", the last release that was live and healthy there before " + now
                + ", per the host's ledger), with its own config.");
    }

    /** This catalog's release whose folder name is {@code folder}, or null. */
    private Release releaseOfFolder(Environment environment, String folder) {
        Project project = catalog.projects().get(environment.projectId());
        for (Release release : catalog.releases().forEnvironment(environment.id())) {
            if (RunStage.identity(catalog.identity(), project, release).folder().equals(folder)) {
                return release;
            }
        }
        return null;
    }
}
