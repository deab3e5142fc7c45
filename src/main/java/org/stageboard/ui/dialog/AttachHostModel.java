package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.StageboardException;

/**
 * The Attach host dialog without its window: which environment's releases run on which saved
 * host. The hosts are read in the background; the one just added (or picked) is chosen first.
 */
public final class AttachHostModel {

    private final SetupViewModel setup;
    private final Host preselected;
    private final ObservableList<Environment> environments;
    private final ObservableList<Host> hosts = FXCollections.observableArrayList();
    private final BooleanProperty hostsRead = new SimpleBooleanProperty(this, "hostsRead", false);
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment");
    private final ObjectProperty<Host> host = new SimpleObjectProperty<>(this, "host");
    private final StringBinding reason;

    /** @param preselected the host to choose once the hosts are read (null: the first) */
    public AttachHostModel(SetupViewModel setup, List<Environment> environments, Host preselected) {
        this.setup = setup;
        this.preselected = preselected;
        this.environments = FXCollections.observableArrayList(environments);
        this.environment.set(environments.isEmpty() ? null : environments.get(0));
        this.reason = Bindings.createStringBinding(() -> problem().orElse(""), hostsRead, hosts, environment, host);
    }

    public ObservableList<Environment> environments() {
        return environments;
    }

    public ObservableList<Host> hosts() {
        return hosts;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public ObjectProperty<Host> hostProperty() {
        return host;
    }

    /** Why the host cannot be attached yet, or "". */
    public StringBinding reason() {
        return reason;
    }

    public Optional<String> problem() {
        if (environments.isEmpty()) {
            return Optional.of("Add an environment first (Environments ▸ Add environment…).");
        }
        if (!hostsRead.get()) {
            return Optional.of("Reading the saved hosts…");
        }
        if (hosts.isEmpty()) {
            return Optional.of("No hosts yet: add one under Hosts ▸ Add host….");
        }
        if (environment.get() == null) {
            return Optional.of("Choose the environment whose releases should run on the host.");
        }
        return host.get() == null ? Optional.of("Choose the host.") : Optional.empty();
    }

    /** The saved hosts (blocking: run it in the background; then {@link #hostsRead}). */
    public List<Host> readHosts() {
        return setup.hosts();
    }

    /** Takes the saved hosts and chooses the preselected one, else the first. */
    public void hostsRead(List<Host> saved) {
        hosts.setAll(saved);
        hostsRead.set(true);
        host.set(saved.stream().filter(h -> preselected != null && h.id() == preselected.id()).findFirst()
                .orElse(saved.isEmpty() ? null : saved.get(0)));
    }

    /** Attaches the host (blocking: run it in the background); throws the engine's message. */
    public Environment save() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        return setup.attachHost(environment.get(), host.get());
    }
}
