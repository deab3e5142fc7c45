package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.StageboardException;

/**
 * The Release dialog without its window: the build, the environment it is released to, and the
 * config version that release would snapshot (read in the background each time the environment
 * changes; secrets masked). The release itself is made by the caller with the environment chosen.
 */
public final class ReleaseDialogModel {

    private final SetupViewModel setup;
    private final Build build;
    private final ObservableList<Environment> environments;
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment");
    private final ReadOnlyStringWrapper config = new ReadOnlyStringWrapper(this, "config", "");
    private final StringBinding reason;

    public ReleaseDialogModel(SetupViewModel setup, Build build, List<Environment> environments) {
        this.setup = setup;
        this.build = build;
        this.environments = FXCollections.observableArrayList(environments);
        this.environment.set(environments.isEmpty() ? null : environments.get(0));
        this.reason = Bindings.createStringBinding(() -> environment.get() == null
                ? environments.isEmpty() ? "Add an environment first (Environments ▸ Add environment…)." : "Choose the environment to release to."
                : "", environment);
    }

    public Build build() {
        return build;
    }

    public ObservableList<Environment> environments() {
        return environments;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    /** What config the release would snapshot, in words ("reading…" while it is read). */
    public ReadOnlyStringProperty configProperty() {
        return config.getReadOnlyProperty();
    }

    public StringBinding reason() {
        return reason;
    }

    /** Starts reading the chosen environment's config: "reading…" until {@link #configRead}. */
    public void readingConfig() {
        config.set(environment.get() == null ? "" : "reading…");
    }

    /** The current config of an environment (blocking: run it in the background). */
    public Optional<ConfigVersion> currentConfig(Environment chosen) {
        return setup.currentConfig(chosen);
    }

    /** Takes the config read for {@code chosen}, if it is still the environment chosen. */
    public void configRead(Environment chosen, Optional<ConfigVersion> current) {
        if (chosen == environment.get()) {
            config.set(describe(current));
        }
    }

    public void configFailed(Environment chosen, String message) {
        if (chosen == environment.get()) {
            config.set(message);
        }
    }

    /** The environment to release to; throws when none is chosen. */
    public Environment save() {
        Environment chosen = environment.get();
        if (chosen == null) {
            throw new StageboardException(reason.get());
        }
        return chosen;
    }

    static String describe(Optional<ConfigVersion> current) {
        return current.map(c -> "config v" + c.version() + " will be snapshotted: " + (c.entries().isEmpty() ? "no keys"
                        : String.join(", ", c.entries().values().stream().map(ConfigEntry::toString).toList())))
                .orElse("no config yet: the release will run without environment variables");
    }
}
