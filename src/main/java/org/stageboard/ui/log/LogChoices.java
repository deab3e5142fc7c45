package org.stageboard.ui.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chooser of a log viewer, without JavaFX controls: the logs it offers (a build's whole log,
 * then each step's) and the one chosen. The list can be given again as the work goes on
 * ({@link #update}): logs that appeared are added, names that changed ({@code 1 · test (running)}
 * becoming {@code (succeeded)}) are renamed, and the log chosen stays chosen (a log is the same
 * log while its file is the same), so nothing is read again. A log is read ({@code load}) when it
 * is first chosen: the first one offered, or another one the user picks. Use on one thread (the FX
 * thread in the window).
 */
public final class LogChoices {

    private final ObservableList<LogSource> sources = FXCollections.observableArrayList();
    private final ObservableList<LogSource> sourcesView = FXCollections.unmodifiableObservableList(sources);
    private final ReadOnlyObjectWrapper<LogSource> chosen = new ReadOnlyObjectWrapper<>();
    private final Consumer<LogSource> load;

    /** @param load reads the log chosen (called again only when another log, another file, is chosen) */
    public LogChoices(Consumer<LogSource> load) {
        this.load = Objects.requireNonNull(load, "load");
    }

    /** The logs offered, in the order the work lists them. */
    public ObservableList<LogSource> sources() {
        return sourcesView;
    }

    /** The log shown, with its latest name; null before any was offered. */
    public ReadOnlyObjectProperty<LogSource> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public LogSource chosen() {
        return chosen.get();
    }

    /**
     * The logs as the work lists them now. Known logs (by file) are renamed in place, new ones
     * added where the work lists them; a log no longer listed goes, unless it is the one shown.
     * The chosen log stays chosen under its new name; with none chosen yet, the first is chosen and read.
     */
    public void update(List<LogSource> found) {
        List<LogSource> next = new ArrayList<>(found.size() + 1);
        for (LogSource source : found) {
            if (source != null && source.file() != null && indexOf(next, source.file()) < 0) {
                next.add(source);
            }
        }
        LogSource shown = chosen.get();
        if (shown != null && indexOf(next, shown.file()) < 0) {
            next.add(Math.max(0, Math.min(indexOf(sources, shown.file()), next.size())), shown); // keep what is on screen in the list
        }
        // change only what changed, so that a list on screen keeps its state (an open popup, the selection)
        for (int i = 0; i < next.size(); i++) {
            LogSource want = next.get(i);
            if (i < sources.size() && sameFile(sources.get(i), want)) {
                if (!sources.get(i).equals(want)) {
                    sources.set(i, want);
                }
            } else {
                int at = indexOf(sources, want.file());
                if (at > i) {
                    sources.remove(at);
                }
                sources.add(i, want);
            }
        }
        if (sources.size() > next.size()) {
            sources.remove(next.size(), sources.size());
        }
        if (shown != null) {
            LogSource renamed = next.get(indexOf(next, shown.file()));
            if (!renamed.equals(shown)) {
                chosen.set(renamed);
            }
        } else if (!next.isEmpty()) {
            choose(next.get(0));
        }
    }

    /**
     * Shows {@code source} (one of {@link #sources()}, picked by the user); it is read unless it
     * is the log shown already. Null is ignored (a chooser clearing its selection).
     */
    public void choose(LogSource source) {
        if (source == null) {
            return;
        }
        LogSource shown = chosen.get();
        chosen.set(source);
        if (shown == null || !shown.file().equals(source.file())) {
            load.accept(source);
        }
    }

    private static boolean sameFile(LogSource a, LogSource b) {
        return a.file().equals(b.file());
    }

    private static int indexOf(List<LogSource> list, Path file) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).file().equals(file)) {
                return i;
            }
        }
        return -1;
    }
}
