package org.stageboard.ui.board;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.BoardSnapshot;

/**
 * The board of one project: commits, the cards of the three lanes, and the selection. Selecting
 * a commit shows its journey; selecting a card selects its commit. Changes on the UI thread only.
 */
public final class BoardViewModel {

    private final BoardCards cards;
    private final ReadOnlyObjectWrapper<BoardSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CommitInfo> commits = FXCollections.observableArrayList();
    private final ObservableList<CommitInfo> commitsView = FXCollections.unmodifiableObservableList(commits);
    private final Map<Lane, ObservableList<Card>> lanes = new EnumMap<>(Lane.class);
    private final Map<Lane, ObservableList<Card>> laneViews = new EnumMap<>(Lane.class);
    private final ReadOnlyObjectWrapper<String> selectedCommit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Card> selectedCard = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper targets = new javafx.beans.property.ReadOnlyStringWrapper("");
    private Lane pendingLane;
    private long pendingId;

    public BoardViewModel(Clock clock) {
        this.cards = new BoardCards(clock);
        for (Lane lane : Lane.values()) {
            ObservableList<Card> list = FXCollections.observableArrayList();
            lanes.put(lane, list);
            laneViews.put(lane, FXCollections.unmodifiableObservableList(list));
        }
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

    /** Where each environment's releases run, e.g. {@code staging → vps1 · production → vps2}. */
    public javafx.beans.property.ReadOnlyStringProperty targetsProperty() {
        return targets.getReadOnlyProperty();
    }

    /** Shows the hosts of each environment (names, in the environments' order). */
    public void showTargets(Map<String, List<String>> hostsByEnvironment) {
        if (hostsByEnvironment.isEmpty()) {
            targets.set("no environment yet");
            return;
        }
        targets.set(hostsByEnvironment.entrySet().stream()
                .map(e -> e.getKey() + " → " + (e.getValue().isEmpty() ? "no host yet" : String.join(", ", e.getValue())))
                .collect(java.util.stream.Collectors.joining(" · ")));
    }

    /** Shows a new snapshot, keeping the selection where its records still exist. */
    public void apply(BoardSnapshot next) {
        snapshot.set(next);
        commits.setAll(next == null ? List.of() : next.commits());
        lanes.get(Lane.BUILD).setAll(next == null ? List.of() : cards.builds(next));
        lanes.get(Lane.RELEASE).setAll(next == null ? List.of() : cards.releases(next));
        lanes.get(Lane.RUN).setAll(next == null ? List.of() : cards.runs(next));
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
        return selected(Run.class).filter(run -> run.status() == RunStatus.LIVE);
    }

    public List<Card> allCards() {
        return lanes.values().stream().flatMap(List::stream).toList();
    }

    private <T> Optional<T> selected(Class<T> type) {
        Card card = selectedCard.get();
        return card != null && type.isInstance(card.item()) ? Optional.of(type.cast(card.item())) : Optional.empty();
    }
}
