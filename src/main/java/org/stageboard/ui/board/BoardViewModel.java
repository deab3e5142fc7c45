package org.stageboard.ui.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.BoardSnapshot;

/**
 * The board of one project: commits, the cards of the three lanes, and the selection. Selecting
 * a commit shows its journey; selecting a card selects its commit. Changes on the UI thread only.
 */
public final class BoardViewModel {

    private final Clock clock;
    private final BoardCards cards;
    private final ReadOnlyObjectWrapper<BoardSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CommitInfo> commits = FXCollections.observableArrayList();
    private final ObservableList<CommitInfo> commitsView = FXCollections.unmodifiableObservableList(commits);
    private final Map<Lane, ObservableList<Card>> lanes = new EnumMap<>(Lane.class);
    private final Map<Lane, ObservableList<Card>> laneViews = new EnumMap<>(Lane.class);
    private final ReadOnlyObjectWrapper<String> selectedCommit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Card> selectedCard = new ReadOnlyObjectWrapper<>();
    private final ObservableList<EnvironmentHosts> hosts = FXCollections.observableArrayList();
    private final ObservableList<EnvironmentHosts> hostsView = FXCollections.unmodifiableObservableList(hosts);
    private final Map<String, HostSlot> readings = new HashMap<>();
    private final ReadOnlyBooleanWrapper readingHosts = new ReadOnlyBooleanWrapper();
    private Lane pendingLane;
    private long pendingId;

    public BoardViewModel(Clock clock) {
        this.clock = clock;
        this.cards = new BoardCards(clock);
        for (Lane lane : Lane.values()) {
            ObservableList<Card> list = FXCollections.observableArrayList();
            lanes.put(lane, list);
            laneViews.put(lane, FXCollections.unmodifiableObservableList(list));
        }
    }

    Clock clock() {
        return clock;
    }

    public ReadOnlyObjectProperty<BoardSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ObservableList<CommitInfo> commits() {
        return commitsView;
    }

    public ObservableList<Card> cards(Lane lane) {
        return laneViews.get(lane);
    }

    /** The full SHA of the selected commit, or null. */
    public ReadOnlyObjectProperty<String> selectedCommitProperty() {
        return selectedCommit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Card> selectedCardProperty() {
        return selectedCard.getReadOnlyProperty();
    }

    /** Each environment of the project with a slot per host it runs on, in the Run lane. */
    public ObservableList<EnvironmentHosts> hosts() {
        return hostsView;
    }

    /** True while the hosts are being read. */
    public ReadOnlyBooleanProperty readingHostsProperty() {
        return readingHosts.getReadOnlyProperty();
    }

    /** The hosts are being read (true) or the read ended (false). */
    public void readingHosts(boolean reading) {
        readingHosts.set(reading);
    }

    /**
     * Shows what hosts said. A reading from an earlier session never replaces one read in this
     * session: the remembered readings may arrive after a fresh read.
     */
    public void showHostReadings(List<HostSlot> read) {
        for (HostSlot slot : read) {
            HostSlot before = readings.get(slot.key());
            boolean older = before != null && before.status() != null && before.status().fresh()
                    && (slot.status() == null || !slot.status().fresh());
            if (!older) {
                readings.put(slot.key(), slot);
            }
        }
        showHosts();
    }

    /** Forgets the host readings (another project is shown). */
    public void clearHostReadings() {
        readings.clear();
        showHosts();
    }

    /** The slot of a host of an environment, as now shown. */
    public Optional<HostSlot> hostSlot(String environment, String host) {
        return hosts.stream().filter(e -> e.environment().name().equals(environment)).flatMap(e -> e.slots().stream())
                .filter(s -> s.host().name().equals(host)).findFirst();
    }

    private void showHosts() {
        BoardSnapshot shown = snapshot.get();
        if (shown == null) {
            hosts.clear();
            return;
        }
        List<EnvironmentHosts> groups = new ArrayList<>();
        for (Environment environment : shown.environments()) {
            List<HostSlot> slots = new ArrayList<>();
            for (Long hostId : shown.environmentHosts().getOrDefault(environment.id(), List.of())) {
                Host host = shown.hosts().get(hostId);
                if (host != null) {
                    HostSlot read = readings.get(environment.id() + ":" + host.id());
                    slots.add(read == null ? HostSlot.unread(environment, host) : read.on(environment, host));
                }
            }
            groups.add(new EnvironmentHosts(environment, List.copyOf(slots)));
        }
        if (!groups.equals(hosts)) {
            hosts.setAll(groups);
        }
    }

    /** Shows a new snapshot, keeping the selection where its records still exist. */
    public void apply(BoardSnapshot next) {
        snapshot.set(next);
        commits.setAll(next == null ? List.of() : next.commits());
        lanes.get(Lane.BUILD).setAll(next == null ? List.of() : cards.builds(next));
        lanes.get(Lane.RELEASE).setAll(next == null ? List.of() : cards.releases(next));
        lanes.get(Lane.RUN).setAll(next == null ? List.of() : cards.runs(next));
        showHosts();
        if (pendingLane != null) {
            Card made = lanes.get(pendingLane).stream().filter(c -> c.id() == pendingId).findFirst().orElse(null);
            if (made != null) {
                pendingLane = null;
                selectCard(made);
                return;
            }
        }
        Card before = selectedCard.get();
        selectedCard.set(before == null ? null : lanes.get(before.lane()).stream().filter(before::sameAs).findFirst().orElse(null));
        if (selectedCommit.get() != null && next != null && selectedCard.get() == null
                && next.commits().stream().noneMatch(c -> c.sha().equals(selectedCommit.get()))
                && allCards().stream().noneMatch(c -> c.belongsTo(selectedCommit.get()))) {
            selectedCommit.set(null);
        }
    }

    /** Selects the card of a record that a finished task just made, as soon as a snapshot shows it. */
    public void selectWhenShown(Lane lane, long id) {
        pendingLane = lane;
        pendingId = id;
        lanes.get(lane).stream().filter(c -> c.id() == id).findFirst().ifPresent(card -> {
            pendingLane = null;
            selectCard(card);
        });
    }

    public void selectCommit(String sha) {
        if (selectedCard.get() != null && !selectedCard.get().belongsTo(sha)) {
            selectedCard.set(null);
        }
        selectedCommit.set(sha);
    }

    public void selectCard(Card card) {
        selectedCard.set(card);
        if (card != null && card.commitSha() != null) {
            selectedCommit.set(card.commitSha());
        }
    }

    public void clearSelection() {
        selectedCard.set(null);
        selectedCommit.set(null);
    }

    public Highlight highlightOf(Card card) {
        String sha = selectedCommit.get();
        if (sha == null) {
            return Highlight.NONE;
        }
        return card.belongsTo(sha) ? Highlight.IN_JOURNEY : Highlight.DIMMED;
    }

    public Optional<CommitInfo> selectedCommitInfo() {
        String sha = selectedCommit.get();
        return commits.stream().filter(c -> c.sha().equals(sha)).findFirst();
    }

    /** The selected card's build if it succeeded: the one thing a release can be made from. */
    public Optional<Build> selectedSuccessfulBuild() {
        return selected(Build.class).filter(Build::succeeded);
    }

    public Optional<Release> selectedRelease() {
        return selected(Release.class);
    }

    public Optional<Run> selectedLiveRun() {
        return selected(Run.class).filter(run -> run.status() == RunStatus.LIVE && BoardCards.puttingToWork(run));
    }

    public List<Card> allCards() {
        return lanes.values().stream().flatMap(List::stream).toList();
    }

    private <T> Optional<T> selected(Class<T> type) {
        Card card = selectedCard.get();
        return card != null && type.isInstance(card.item()) ? Optional.of(type.cast(card.item())) : Optional.empty();
    }
}
