package org.stageboard.ui.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Masker;

/**
 * What a log view shows and does, without JavaFX controls: the lines (at most {@link #maxLines},
 * the oldest dropped first), whether the view follows the tail, a search with its matches and the
 * current one, and the text to copy. Lines arrive already masked by the engine; the view masks
 * once more with the secrets it is given (none unless the caller knows some), so that a secret
 * never shows even if a source forgot. Use on one thread (the FX thread in the window).
 */
public final class LogViewModel {

    /** Where the lines come from: a file read once, a log followed while its work runs, or one followed until its work ended. */
    public enum Feed { FILE, LIVE, ENDED }

    public static final int DEFAULT_MAX_LINES = 200_000;

    private final int maxLines;
    private final Masker masker;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper matchText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper scrollTo = new ReadOnlyIntegerWrapper(-1);
    private final List<Integer> matches = new ArrayList<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Feed> feed = new javafx.beans.property.ReadOnlyObjectWrapper<>(Feed.FILE);
    private long dropped;
    private String state = "";

    public LogViewModel() {
        this(DEFAULT_MAX_LINES, List.of());
    }

    public LogViewModel(int maxLines, Collection<String> secrets) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("A log view keeps at least one line, not " + maxLines + ".");
        }
        this.maxLines = maxLines;
        this.masker = new Masker(secrets);
        query.addListener((o, before, now) -> search());
        follow.addListener((o, before, now) -> {
            if (now) {
                scrollTo.set(lines.size() - 1);
            }
            showStatus();
        });
    }

    /** The lines shown, oldest first. */
    public ObservableList<String> lines() {
        return linesView;
    }

    /** Whether new lines scroll the view to the end. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** The text searched for (case-insensitive); empty for no search. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The line of the current match, or -1. */
    public ReadOnlyIntegerProperty currentMatchProperty() {
        return current.getReadOnlyProperty();
    }

    /** {@code 3 of 12}, {@code no match}, or empty without a search. */
    public ReadOnlyStringProperty matchTextProperty() {
        return matchText.getReadOnlyProperty();
    }

    /** Lines, what was dropped, and whether the view follows: {@code 1,204 lines · following}. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The line the view should show now (the end while following, the current match after a find); -1 for none. */
    public ReadOnlyIntegerProperty scrollToProperty() {
        return scrollTo.getReadOnlyProperty();
    }

    /** Whether the log is followed live ({@link Feed#LIVE}), was until its work ended, or is a file read once. */
    public javafx.beans.property.ReadOnlyObjectProperty<Feed> feedProperty() {
        return feed.getReadOnlyProperty();
    }

    public void setFeed(Feed now) {
        feed.set(now);
    }

    public int maxLines() {
        return maxLines;
    }

    /** How many of the oldest lines were dropped to keep within {@link #maxLines()}. */
    public long dropped() {
        return dropped;
    }

    /** The lines of a match of the current search, in order. */
    public List<Integer> matches() {
        return List.copyOf(matches);
    }

    /** True when the line holds the search text (for highlighting). */
    public boolean matches(String line) {
        String q = query.get();
        return q != null && !q.isEmpty() && line != null && line.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    /** Replaces every line (a log read from a file). */
    public void setAll(List<String> all) {
        lines.clear();
        dropped = 0;
        append(all);
    }

    public void append(String line) {
        append(List.of(line));
    }

    /** Adds lines at the end, masked; beyond {@link #maxLines()} the oldest go. */
    public void append(List<String> more) {
        if (more.isEmpty()) {
            return;
        }
        List<String> masked = new ArrayList<>(more.size());
        for (String line : more) {
            masked.add(masker.mask(line == null ? "" : line));
        }
        if (masked.size() > maxLines) {
            dropped += masked.size() - maxLines;
            masked = masked.subList(masked.size() - maxLines, masked.size());
        }
        int overflow = lines.size() + masked.size() - maxLines;
        if (overflow > 0) {
            lines.remove(0, overflow);
            dropped += overflow;
        }
        int first = lines.size();
        lines.addAll(masked);
        if (overflow > 0) {
            search(); // the line numbers moved
        } else if (!query.get().isEmpty()) {
            for (int i = first; i < lines.size(); i++) {
                if (matches(lines.get(i))) {
                    matches.add(i);
                }
            }
            if (current.get() < 0 && !matches.isEmpty()) {
                current.set(matches.get(0));
            }
            showMatches();
        }
        if (follow.get()) {
            scrollTo.set(lines.size() - 1);
        }
        showStatus();
    }

    /** A word on where the log comes from or how it ended, shown after the count ({@code reading…}, {@code ended}). */
    public void setState(String words) {
        state = words == null ? "" : words;
        showStatus();
    }

    /** Goes to the next match after the current one (round to the first); stops following. */
    public void findNext() {
        step(1);
    }

    /** Goes to the match before the current one (round to the last); stops following. */
    public void findPrevious() {
        step(-1);
    }

    /** The selected lines as text to copy, one per line, in log order. */
    public String text(Collection<Integer> selected) {
        StringBuilder text = new StringBuilder();
        selected.stream().filter(i -> i >= 0 && i < lines.size()).sorted().distinct().forEach(i -> text.append(lines.get(i)).append('\n'));
        return text.toString();
    }

    /** Every line as text to copy. */
    public String allText() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private void step(int direction) {
        if (matches.isEmpty()) {
            return;
        }
        follow.set(false);
        int at = matches.indexOf(current.get());
        int next;
        if (at < 0) {
            next = direction > 0 ? 0 : matches.size() - 1;
        } else {
            next = Math.floorMod(at + direction, matches.size());
        }
        current.set(matches.get(next));
        scrollTo.set(current.get());
        showMatches();
    }

    private void search() {
        int before = current.get();
        matches.clear();
        String q = query.get();
        if (q != null && !q.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                if (matches(lines.get(i))) {
                    matches.add(i);
                }
            }
        }
        if (matches.isEmpty()) {
            current.set(-1);
        } else if (!matches.contains(before)) {
            // A new search starts at the first match from the top (the last one while following the tail).
            current.set(follow.get() ? matches.get(matches.size() - 1) : matches.get(0));
            if (!follow.get()) {
                scrollTo.set(current.get());
            }
        }
        showMatches();
    }

    private void showMatches() {
        String q = query.get();
        if (q == null || q.isEmpty()) {
            matchText.set("");
        } else if (matches.isEmpty()) {
            matchText.set("no match");
        } else {
            matchText.set((matches.indexOf(current.get()) + 1) + " of " + matches.size());
        }
    }

    private void showStatus() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d %s", lines.size(), lines.size() == 1 ? "line" : "lines"));
        if (dropped > 0) {
            text.append(String.format(Locale.ROOT, " (the first %,d dropped: a view keeps the last %,d)", dropped, maxLines));
        }
        text.append(follow.get() ? " · following the end" : " · not following");
        if (!state.isEmpty()) {
            text.append(" · ").append(state);
        }
        status.set(text.toString());
    }
}
