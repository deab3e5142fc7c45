package org.stageboard.ui.board;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.BoardPage;
import org.stageboard.pipeline.BoardSnapshot;

/**
 * The board of one project: commits, builds, one row per environment in Release (its newest
 * releases) and in Run (a slot per host saying what runs there now), the selection and the journey
 * it lights up, what a drag-and-drop means, keyboard moves, and how much of the catalog is read
 * ({@link BoardPage}). Changes on the UI thread only; nothing here touches JavaFX nodes.
 */
public final class BoardViewModel {

    /** A keyboard move on the board. */
    public enum Direction {
        UP, DOWN, LEFT, RIGHT
    }

    /** What the detail pane shows for the selection. */
    public record Detail(String title, List<String> lines) {
        public static final Detail NONE = new Detail("Nothing selected",
                List.of("Select a commit, build, release or host to see its journey across the lanes and its details here.",
                        "Keys: arrows move between cards and lanes, Enter opens, R releases the selected build, D deploys the selected release."));
    }

    private final Clock clock;
    private final BoardCards cards;
    private final ReadOnlyObjectWrapper<BoardSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CommitInfo> commits = FXCollections.observableArrayList();
    private final ObservableList<CommitInfo> commitsView = FXCollections.unmodifiableObservableList(commits);
    private final Map<Lane, ObservableList<Card>> lanes = new EnumMap<>(Lane.class);
    private final Map<Lane, ObservableList<Card>> laneViews = new EnumMap<>(Lane.class);
    private final ObservableList<ReleaseRow> releaseRows = FXCollections.observableArrayList();
    private final ObservableList<ReleaseRow> releaseRowsView = FXCollections.unmodifiableObservableList(releaseRows);
    private final ReadOnlyObjectWrapper<String> selectedCommit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Card> selectedCard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HostSlot> selectedSlot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Journey> journey = new ReadOnlyObjectWrapper<>(Journey.NONE);
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>(Detail.NONE);
    private final ReadOnlyStringWrapper dropHint = new ReadOnlyStringWrapper("");
    private final ObservableList<EnvironmentHosts> hosts = FXCollections.observableArrayList();
    private final ObservableList<EnvironmentHosts> hostsView = FXCollections.unmodifiableObservableList(hosts);
    private final Map<String, HostSlot> readings = new HashMap<>();
    private final ReadOnlyBooleanWrapper readingHosts = new ReadOnlyBooleanWrapper();
    private BoardPage page = BoardPage.FIRST;
    private Runnable onPageChanged = () -> { };
    private Card dragged;
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

    BoardCards cardMaker() {
        return cards;
    }

    public ReadOnlyObjectProperty<BoardSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ObservableList<CommitInfo> commits() {
        return commitsView;
    }

    /** The cards of a lane: builds newest first; releases of every row; the runs that say what the hosts run now. */
    public ObservableList<Card> cards(Lane lane) {
        return laneViews.get(lane);
    }

    /** One row per environment in promotion order, each with its newest releases. */
    public ObservableList<ReleaseRow> releaseRows() {
        return releaseRowsView;
    }

    /** The full SHA of the selected commit, or null. */
    public ReadOnlyObjectProperty<String> selectedCommitProperty() {
        return selectedCommit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Card> selectedCardProperty() {
        return selectedCard.getReadOnlyProperty();
    }

    /** The selected host slot, or null. */
    public ReadOnlyObjectProperty<HostSlot> selectedSlotProperty() {
        return selectedSlot.getReadOnlyProperty();
    }

    /** Everything connected to the selection, and the links drawn between the cards. */
    public ReadOnlyObjectProperty<Journey> journeyProperty() {
        return journey.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** What the drop under the pointer would do, or why not; empty when nothing is dragged. */
    public ReadOnlyStringProperty dropHintProperty() {
        return dropHint.getReadOnlyProperty();
    }

    /** Each environment of the project with a slot per host it runs on: the rows of the Run lane. */
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

    // --- how much is read -------------------------------------------------------------------

    /** How much of the catalog the next snapshot should read. */
    public BoardPage page() {
        return page;
    }

    /** Called when the user asked for more (older builds, releases, commits): read the board again with {@link #page()}. */
    public void onPageChanged(Runnable reload) {
        this.onPageChanged = reload;
    }

    public void loadMoreCommits() {
        page = page.withCommits(page.commits() * 2);
        onPageChanged.run();
    }

    public void showOlderBuilds() {
        page = page.withBuilds(page.builds() * 2);
        onPageChanged.run();
    }

    public void showOlderReleases(Environment environment) {
        int now = page.releasesOf(environment.id());
        page = page.withReleases(environment.id(), now * 2);
        onPageChanged.run();
    }

    /** Back to the first page (another project is shown). */
    public void resetPage() {
        page = BoardPage.FIRST;
    }

    /** True when the branch may have older commits than those shown. */
    public boolean mayHaveMoreCommits() {
        return commits.size() >= page.commits();
    }

    /** How many builds the catalog holds that the lane does not show. */
    public int olderBuilds() {
        BoardSnapshot shown = snapshot.get();
        return shown == null ? 0 : Math.max(0, shown.buildCount() - lanes.get(Lane.BUILD).size());
    }

    // --- hosts ------------------------------------------------------------------------------

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
        HostSlot selected = selectedSlot.get(); // a selected host's details follow its newest reading
        selectedSlot.set(selected == null ? null : hostSlot(selected.environment().name(), selected.host().name()).orElse(selected));
        refreshSelection();
    }

    /** Forgets the host readings (another project is shown). */
    public void clearHostReadings() {
        readings.clear();
        showHosts();
        refreshSelection();
    }

    /** The slot of a host of an environment, as now shown. */
    public Optional<HostSlot> hostSlot(String environment, String host) {
        return hosts.stream().filter(e -> e.environment().name().equals(environment)).flatMap(e -> e.slots().stream())
                .filter(s -> s.host().name().equals(host)).findFirst();
    }

    /**
     * The release a host slot runs, as the board knows it: what the host said when it was read
     * (nothing for another catalog's release), else what the catalog last recorded live there.
     */
    public Optional<Release> runningOn(HostSlot slot) {
        Long id = running().get(Journey.host(slot));
        BoardSnapshot shown = snapshot.get();
        return id == null || shown == null ? Optional.empty() : shown.release(id);
    }

    /** What the catalog says about a slot, e.g. {@code catalog: staging v1 live since 10:02 by ada}; empty when it knows nothing. */
    public String catalogLine(HostSlot slot) {
        BoardSnapshot shown = snapshot.get();
        if (shown == null) {
            return "";
        }
        List<Run> running = shown.runningOn(slot.environment().id(), slot.host().id());
        if (!running.isEmpty()) {
            Release release = shown.releaseOf(running.get(0));
            return "deploying " + (release == null ? "" : release.label() + " ") + "· started "
                    + Formats.clock(running.get(0).startedAt(), clock.instant(), clock.getZone()) + " by " + running.get(0).actor();
        }
        Optional<Run> down = shown.runs().stream().filter(r -> r.hostId() == slot.host().id() && r.status() == RunStatus.APP_DOWN)
                .filter(r -> shown.release(r.releaseId()).map(x -> x.environmentId() == slot.environment().id()).orElse(false))
                .findFirst();
        if (down.isPresent()) {
            Run run = down.get();
            Instant at = run.finishedAt() == null ? run.startedAt() : run.finishedAt();
            return "catalog: app down since " + Formats.clock(at, clock.instant(), clock.getZone())
                    + " — the last run left the host without a running app (Recent runs has its log)";
        }
        return shown.liveRun(slot.environment().id(), slot.host().id()).map(run -> {
            Release release = shown.releaseOf(run);
            Instant since = run.finishedAt() == null ? run.startedAt() : run.finishedAt();
            return "catalog: " + (release == null ? "release ?" : release.label()) + " live since "
                    + Formats.clock(since, clock.instant(), clock.getZone()) + " by " + run.actor();
        }).orElse("catalog: nothing deployed here yet");
    }

    /** Slot key to the release it runs. */
    private Map<String, Long> running() {
        Map<String, Long> running = new LinkedHashMap<>();
        BoardSnapshot shown = snapshot.get();
        if (shown == null) {
            return running;
        }
        for (EnvironmentHosts row : hosts) {
            for (HostSlot slot : row.slots()) {
                if (slot.state() != null) {
                    if (slot.status().running() != null) {
                        running.put(Journey.host(slot), slot.status().running().id());
                    }
                } else {
                    shown.liveRun(slot.environment().id(), slot.host().id()).ifPresent(run -> running.put(Journey.host(slot), run.releaseId()));
                }
            }
        }
        return running;
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

    // --- snapshot ---------------------------------------------------------------------------

    private static <T> void showIfChanged(javafx.collections.ObservableList<T> shown, List<T> next) {
        if (!shown.equals(next)) {
            shown.setAll(next);
        }
    }

    /** Shows a new snapshot, keeping the selection where its records still exist. */
    public void apply(BoardSnapshot next) {
        snapshot.set(next);
        List<CommitInfo> nextCommits = next == null ? List.of() : next.commits();
        if (!commits.equals(nextCommits)) { // the same commits are not shown again: the list stays as the user left it
            commits.setAll(nextCommits);
        }
        // Cards that did not change are not shown again: a refresh by the live beat leaves the lanes (and a drag begun on them) alone.
        showIfChanged(lanes.get(Lane.BUILD), next == null ? List.of() : cards.builds(next));
        showIfChanged(lanes.get(Lane.RELEASE), next == null ? List.of() : cards.releases(next));
        showIfChanged(lanes.get(Lane.RUN), next == null ? List.of() : cards.runs(next));
        List<ReleaseRow> rows = new ArrayList<>();
        if (next != null) {
            for (Environment environment : next.environments()) {
                List<Card> row = next.releasesOf(environment.id()).stream().map(r -> cards.releaseCard(next, r)).toList();
                rows.add(new ReleaseRow(environment, row, Math.max(row.size(), next.releaseCount(environment.id()))));
            }
        }
        if (!rows.equals(releaseRows)) {
            releaseRows.setAll(rows);
        }
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
        HostSlot slot = selectedSlot.get();
        selectedSlot.set(slot == null ? null : hostSlot(slot.environment().name(), slot.host().name()).orElse(null));
        if (selectedCommit.get() != null && next != null && selectedCard.get() == null && selectedSlot.get() == null
                && next.commits().stream().noneMatch(c -> c.sha().equals(selectedCommit.get()))
                && allCards().stream().noneMatch(c -> c.belongsTo(selectedCommit.get()))) {
            selectedCommit.set(null);
        }
        refreshSelection();
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

    // --- selection and journey --------------------------------------------------------------

    public void selectCommit(String sha) {
        if (selectedCard.get() != null && !selectedCard.get().belongsTo(sha)) {
            selectedCard.set(null);
        }
        if (selectedSlot.get() != null && !runningOn(selectedSlot.get()).map(r -> sha != null && sha.equals(commitOf(r))).orElse(false)) {
            selectedSlot.set(null);
        }
        selectedCommit.set(sha);
        refreshSelection();
    }

    public void selectCard(Card card) {
        selectedSlot.set(null);
        selectedCard.set(card);
        if (card != null && card.commitSha() != null) {
            selectedCommit.set(card.commitSha());
        }
        refreshSelection();
    }

    /** Selects a host slot: its journey leads back from the release it runs to the commit. */
    public void selectSlot(HostSlot slot) {
        selectedCard.set(null);
        selectedSlot.set(slot);
        String sha = slot == null ? null : runningOn(slot).map(this::commitOf).orElse(null);
        selectedCommit.set(sha);
        refreshSelection();
    }

    public void clearSelection() {
        selectedCard.set(null);
        selectedSlot.set(null);
        selectedCommit.set(null);
        refreshSelection();
    }

    private String commitOf(Release release) {
        BoardSnapshot shown = snapshot.get();
        return shown == null ? null : shown.commitOf(release);
    }

    private void refreshSelection() {
        BoardSnapshot shown = snapshot.get();
        Journey next;
        if (shown == null) {
            next = Journey.NONE;
        } else {
            JourneyFinder finder = new JourneyFinder(shown, running());
            HostSlot slot = selectedSlot.get();
            Card card = selectedCard.get();
            if (slot != null) {
                next = finder.ofHost(slot);
            } else if (card != null && card.item() instanceof Build build) {
                next = finder.ofBuild(build);
            } else if (card != null && card.item() instanceof Release release) {
                next = finder.ofRelease(release);
            } else {
                next = finder.ofCommit(selectedCommit.get());
            }
        }
        if (!next.equals(journey.get())) {
            journey.set(next);
        }
        Detail described = BoardDetails.describe(this, shown);
        if (!described.equals(detail.get())) {
            detail.set(described);
        }
    }

    /** Adds lines loaded in the background (a release's page) to the detail of the item they describe, if still selected. */
    public void appendDetail(Object item, List<String> lines) {
        Card card = selectedCard.get();
        if (card != null && card.item().equals(item)) {
            List<String> all = new ArrayList<>(BoardDetails.describe(this, snapshot.get()).lines());
            all.add("");
            all.addAll(lines);
            detail.set(new Detail(detail.get().title(), List.copyOf(all)));
        }
    }

    public Highlight highlightOf(Card card) {
        Journey shown = journey.get();
        if (shown.isEmpty()) {
            return Highlight.NONE;
        }
        if (card.lane() == Lane.RUN) {
            String sha = selectedCommit.get();
            return card.belongsTo(sha) ? Highlight.IN_JOURNEY : Highlight.DIMMED;
        }
        return shown.contains(Journey.of(card)) ? Highlight.IN_JOURNEY : Highlight.DIMMED;
    }

    public Highlight highlightOf(HostSlot slot) {
        Journey shown = journey.get();
        return shown.isEmpty() ? Highlight.NONE : shown.contains(Journey.host(slot)) ? Highlight.IN_JOURNEY : Highlight.DIMMED;
    }

    public Highlight highlightOfCommit(String sha) {
        Journey shown = journey.get();
        return shown.isEmpty() ? Highlight.NONE : shown.contains(Journey.commit(sha)) ? Highlight.IN_JOURNEY : Highlight.DIMMED;
    }

    public boolean isSelected(HostSlot slot) {
        HostSlot selected = selectedSlot.get();
        return selected != null && selected.key().equals(slot.key());
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

    /** The selected host slot if something runs there that a rollback could replace. */
    public Optional<HostSlot> selectedRollbackSlot() {
        return Optional.ofNullable(selectedSlot.get()).filter(s -> s.hasCurrent() || runningOn(s).isPresent());
    }

    public List<Card> allCards() {
        return lanes.values().stream().flatMap(List::stream).toList();
    }

    private <T> Optional<T> selected(Class<T> type) {
        Card card = selectedCard.get();
        return card != null && type.isInstance(card.item()) ? Optional.of(type.cast(card.item())) : Optional.empty();
    }

    // --- drag and drop ----------------------------------------------------------------------

    /** What dropping the card on the target would do, or why it cannot. */
    public DropDecision decideDrop(Card card, DropTarget target) {
        return Drops.decide(card, target, snapshot.get());
    }

    /** A card is being dragged (builds and releases only; others are not draggable). */
    public boolean startDrag(Card card) {
        if (!(card.item() instanceof Build) && !(card.item() instanceof Release)) {
            return false;
        }
        dragged = card;
        dropHint.set(card.item() instanceof Build ? "Drop " + card.title() + " on an environment's row in Release to release it there."
                : "Drop " + card.title() + " on a host (or its environment's row) in Run to deploy it.");
        return true;
    }

    public Card dragged() {
        return dragged;
    }

    /** The dragged card is over a target: says what a drop would do. */
    public DropDecision hover(DropTarget target) {
        DropDecision decision = decideDrop(dragged, target);
        if (dragged != null) {
            dropHint.set((decision.allowed() ? "⤓ " : "⊘ ") + decision.reason());
        }
        return decision;
    }

    /** The dragged card was dropped on the target: the decision, and the drag is over. */
    public DropDecision drop(DropTarget target) {
        DropDecision decision = decideDrop(dragged, target);
        endDrag();
        return decision;
    }

    public void endDrag() {
        dragged = null;
        dropHint.set("");
    }

    // --- keyboard ---------------------------------------------------------------------------

    /**
     * Moves the selection: up and down within a lane, left and right to the next lane (to the
     * first card of the journey there, else its first card); see {@link BoardNavigation}.
     */
    public void move(Direction direction) {
        new BoardNavigation(this).move(direction);
    }

    // --- words for empty lanes --------------------------------------------------------------

    /** What an empty lane says: what its stage does and produces, then the next step on the user's own items. */
    public String emptyText(Lane lane) {
        BoardSnapshot shown = snapshot.get();
        String next = shown == null ? "" : EmptyTexts.next(lane, shown);
        return lane.emptyText() + (next.isEmpty() ? "" : "\n\n" + next);
    }

    /** What an environment's empty row in Release says. */
    public String emptyReleaseRow(Environment environment) {
        return EmptyTexts.releaseRow(environment, snapshot.get());
    }
}
