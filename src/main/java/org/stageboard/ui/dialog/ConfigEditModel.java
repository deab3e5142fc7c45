package org.stageboard.ui.dialog;

import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.StageboardException;
import org.stageboard.ui.ConfigVariable;
import org.stageboard.ui.ConfigVariables;

/**
 * The Edit config dialog without its window: an environment's current config (read in the
 * background) as editable rows, each key checked as typed with the engine's words. Saving makes a
 * new config version: rows set, keys no longer there removed.
 */
public final class ConfigEditModel {

    private final SetupViewModel setup;
    private final Environment environment;
    private final ConfigVariables variables = new ConfigVariables();
    private final Set<String> before = new TreeSet<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper(this, "version", "Reading the current config…");
    private final StringBinding reason;

    public ConfigEditModel(SetupViewModel setup, Environment environment) {
        this.setup = setup;
        this.environment = environment;
        this.reason = Bindings.createStringBinding(() -> !loaded.get() ? "Reading the current config of " + environment.name() + "…"
                : variables.problem().orElse(""), loaded, variables.rows());
    }

    public Environment environment() {
        return environment;
    }

    public ConfigVariables variables() {
        return variables;
    }

    /** Which config version the rows come from, in words. */
    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Why the config cannot be saved, or "". */
    public StringBinding reason() {
        return reason;
    }

    /** The current config (blocking: run it in the background; then {@link #loaded}). */
    public Optional<ConfigVersion> read() {
        return setup.currentConfig(environment);
    }

    /** Takes the current config as the rows (an empty row when there is none to edit). */
    public void loaded(Optional<ConfigVersion> current) {
        before.clear();
        variables.rows().clear();
        current.ifPresentOrElse(config -> {
            version.set("Current: config v" + config.version() + " (" + config.entries().size() + " keys)");
            before.addAll(config.entries().keySet());
            config.entries().values().forEach(e -> variables.add(new ConfigVariable(e.key(), e.value(), e.secret())));
        }, () -> version.set("No config yet: the first save makes config v1."));
        if (variables.rows().isEmpty()) {
            variables.add();
        }
        loaded.set(true);
    }

    /** Saves the rows as the new config version (blocking: run it in the background); throws the reason or the engine's message. */
    public ConfigVersion save() {
        if (!reason.get().isEmpty()) {
            throw new StageboardException(reason.get());
        }
        return setup.saveConfig(environment, new ArrayList<>(variables.entries().values()), before);
    }
}
