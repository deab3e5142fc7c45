package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.pipeline.Stageboard;

/**
 * The set-up actions of the dialogs the wizards do not replace: config, hosts and host keys. Each
 * method turns typed text into engine input, calls the engine, and is meant to run in the
 * background; failures are {@link StageboardException}s with a message for the user.
 */
public final class SetupViewModel {

    private final Stageboard engine;

    public SetupViewModel(Stageboard engine) {
        this.engine = engine;
    }

    /**
     * Saves the run settings and the rollout typed in the settings dialog; both are checked before
     * either is saved. A rollout field the chosen mode does not use keeps its saved value unless a
     * valid one was typed ({@link RunSettingsForm#rollout(org.stageboard.core.Rollout)}).
     */
    public Environment updateRunSettings(Environment environment, RunSettingsForm typed) {
        RunSettings run = typed.runSettings(environment.run());
        org.stageboard.core.Rollout rollout = typed.rollout(environment.rollout());
        Environment updated = run.equals(environment.run()) ? environment : engine.updateRunSettings(environment, run);
        return rollout.equals(environment.rollout()) ? updated : engine.updateRollout(updated, rollout);
    }

    public Optional<ConfigVersion> currentConfig(Environment environment) {
        return engine.currentConfig(environment);
    }

    /** Saves the rows as the new config version: rows set, keys no longer present removed. */
    public ConfigVersion saveConfig(Environment environment, List<ConfigEntry> rows, Set<String> before) {
        Map<String, ConfigEntry> set = new java.util.TreeMap<>();
        for (ConfigEntry entry : rows) {
            if (set.put(entry.key(), entry) != null) {
                throw new StageboardException("The key " + entry.key() + " appears twice: keep one.");
            }
        }
        Set<String> unset = new java.util.TreeSet<>(before);
        unset.removeAll(set.keySet());
        return engine.setConfig(environment, set, unset);
    }

    public List<Environment> environments(Project project) {
        return engine.environments(project);
    }

    public List<Host> hosts() {
        return engine.hosts();
    }

    public HostKeyCheck checkHostKey(Host host) {
        return engine.checkHostKey(host);
    }

    public Host trustHostKey(Host host, String fingerprint) {
        return engine.trustHostKey(host, fingerprint);
    }

    public Environment attachHost(Environment environment, Host host) {
        engine.attachHost(environment, host);
        return environment;
    }
}
