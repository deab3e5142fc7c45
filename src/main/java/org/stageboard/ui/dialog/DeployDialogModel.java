package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.DeployPlan;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/**
 * The Deploy dialog without its window: the hosts of the release's environment (loaded in the
 * background), the one chosen or "every host" (only offered with two or more), and the plan (what
 * deploying would do on each host, read from the hosts and changing nothing), of which the hosts
 * chosen are shown. Deploy waits for the hosts and the plan, and is disabled with the reason shown
 * while no host is attached or none is chosen; {@link #save()} gives where the release goes.
 */
public final class DeployDialogModel {

    private final Release release;
    private final Stageboard engine;
    private final TaskExecutor executor;
    private final BiConsumer<Release, Consumer<List<Host>>> loadHosts;
    private final ObservableList<Host> hosts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<String, List<String>>> plans = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper planStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper planned = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hostsLoaded = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Host> host = new SimpleObjectProperty<>(this, "host");
    private final BooleanProperty allHosts = new SimpleBooleanProperty(this, "allHosts");
    private final BooleanBinding allHostsOffered = Bindings.size(hosts).greaterThanOrEqualTo(2);
    private final ObjectBinding<Map<String, List<String>>> shownPlans;
    private final StringBinding reason;

    public DeployDialogModel(Release release, Stageboard engine, TaskExecutor executor,
                             BiConsumer<Release, Consumer<List<Host>>> loadHosts) {
        this.release = release;
        this.engine = engine;
        this.executor = executor;
        this.loadHosts = loadHosts;
        // Every host is only offered with two or more; with one left it is that one.
        allHostsOffered.addListener((o, was, offered) -> {
            if (!offered) {
                allHosts.set(false);
            }
        });
        this.shownPlans = Bindings.createObjectBinding(this::chosenPlans, plans, host, allHosts);
        this.reason = Bindings.createStringBinding(() -> problem().orElse(""), hostsLoaded, hosts, host, allHosts);
    }

    TaskExecutor executor() {
        return executor;
    }

    private String preferredHost;

    /** The host chosen at first once the hosts are loaded (a release dropped on that host's slot). */
    public DeployDialogModel prefer(Host host) {
        this.preferredHost = host == null ? null : host.name();
        return this;
    }

    /** The index of the host to choose at first: the preferred one, else the first. */
    int firstChoice() {
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).name().equals(preferredHost)) {
                return i;
            }
        }
        return 0;
    }

    public Release release() {
        return release;
    }

    public ObservableList<Host> hosts() {
        return hosts;
    }

    public ReadOnlyBooleanProperty hostsLoadedProperty() {
        return hostsLoaded.getReadOnlyProperty();
    }

    /** Plan lines per host name, in the environment's host order; empty until planned. */
    public ReadOnlyObjectProperty<Map<String, List<String>>> plansProperty() {
        return plans.getReadOnlyProperty();
    }

    /** "reading the hosts…", empty once planned, or why there is no plan. */
    public ReadOnlyStringProperty planStatusProperty() {
        return planStatus.getReadOnlyProperty();
    }

    /** True once the plan step is over (planned, or the plan could not be made and says why): Deploy may go on. */
    public ReadOnlyBooleanProperty plannedProperty() {
        return planned.getReadOnlyProperty();
    }

    /** The host chosen (the preferred one, else the first, once the hosts are loaded). */
    public ObjectProperty<Host> hostProperty() {
        return host;
    }

    /** Deploy to every host of the environment, as its rollout says, instead of the one chosen. */
    public BooleanProperty allHostsProperty() {
        return allHosts;
    }

    /** True with two or more hosts: only then is "every host" a choice of its own. */
    public BooleanBinding allHostsOffered() {
        return allHostsOffered;
    }

    /** The words of the "every host" choice. */
    public String allHostsText() {
        return "every host of " + release.environmentName() + ", as its rollout says (Environments ▸ Run settings…)";
    }

    /** What the host choice says while the hosts are read. */
    public String hostsPrompt() {
        return "loading the hosts of " + release.environmentName() + "…";
    }

    /** The plan lines of the hosts chosen (every host's with "every host", else the chosen one's), in the environment's host order. */
    public ObjectBinding<Map<String, List<String>>> shownPlans() {
        return shownPlans;
    }

    /** Why the release cannot be deployed (no host attached, none chosen), or "" (also while the hosts are read). */
    public StringBinding reason() {
        return reason;
    }

    /** True while Deploy waits, without a reason to show: the hosts or the plan are still being read. */
    public BooleanBinding waiting() {
        return hostsLoaded.not().or(planned.not());
    }

    /** Where the release goes; throws when there is no host to deploy to or none is chosen. */
    public DeployTarget save() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        return allHosts.get() ? DeployTarget.all() : DeployTarget.one(host.get());
    }

    private Optional<String> problem() {
        if (hostsLoaded.get() && hosts.isEmpty()) {
            return Optional.of("No host is attached to " + release.environmentName()
                    + ": add one under Hosts ▸ Add host…, trust its key, and attach it.");
        }
        if (hostsLoaded.get() && !allHosts.get() && host.get() == null) {
            return Optional.of("Choose the host to deploy to, or every host of " + release.environmentName() + ".");
        }
        return Optional.empty();
    }

    private Map<String, List<String>> chosenPlans() {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        plans.get().forEach((name, lines) -> {
            if (allHosts.get() || host.get() == null || host.get().name().equals(name)) {
                shown.put(name, lines);
            }
        });
        return shown;
    }

    /** Loads the hosts, then reads the plan from them, both in the background. */
    public void load() {
        loadHosts.accept(release, list -> {
            hosts.setAll(list);
            host.set(list.isEmpty() ? null : list.get(firstChoice()));
            hostsLoaded.set(true);
        });
        planStatus.set("Plan: reading the hosts of " + release.environmentName() + "…");
        executor.call(() -> engine.plan(release), list -> {
            Map<String, List<String>> lines = new java.util.LinkedHashMap<>();
            for (DeployPlan plan : list) {
                lines.put(plan.host().name(), PlanText.lines(plan));
            }
            plans.set(lines);
            planStatus.set(lines.isEmpty() ? "No plan: " + release.environmentName() + " has no host." : "");
            planned.set(true);
        }, error -> {
            planStatus.set("No plan: " + ErrorText.of(error));
            planned.set(true);
        });
    }

    /** The plan lines of one host, empty while unknown. */
    public List<String> plan(String host) {
        return plans.get().getOrDefault(host, List.of());
    }
}
