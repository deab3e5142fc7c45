package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.pipeline.DeployPlan;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/**
 * The deploy dialog's state: the hosts of the release's environment, and the plan (what deploying
 * would do on each host, read from the hosts and changing nothing). Deploying waits for the plan.
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

    public DeployDialogModel(Release release, Stageboard engine, TaskExecutor executor,
                             BiConsumer<Release, Consumer<List<Host>>> loadHosts) {
        this.release = release;
        this.engine = engine;
        this.executor = executor;
        this.loadHosts = loadHosts;
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

    /** Loads the hosts, then reads the plan from them, both in the background. */
    public void load() {
        loadHosts.accept(release, list -> {
            hosts.setAll(list);
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
