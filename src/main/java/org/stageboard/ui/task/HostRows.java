package org.stageboard.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One row per host of a task that works on several hosts at once (a deploy over an environment):
 * the host, its current step and its outcome once known. Updated from any thread; the rows change
 * on the UI thread only, the latest state of each host in one batch, so that many hosts reporting
 * many steps do not flood it.
 */
public final class HostRows {

    /** A host's row: its name, current step, outcome (empty while it runs), and whether the outcome needs attention. */
    public record Row(String host, String step, String outcome, boolean bad) {

        public boolean finished() {
            return !outcome.isEmpty();
        }

        /** The row in one line, e.g. {@code vps2 · health check} or {@code vps2 · failed}. */
        public String text() {
            return host + " · " + (finished() ? outcome : step);
        }
    }

    private final TaskExecutor executor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Map<String, Row> pending = new ConcurrentHashMap<>();
    private final Map<String, Row> latest = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    public HostRows(TaskExecutor executor) {
        this.executor = executor;
    }

    /** The rows, in the order hosts were first reported; changed on the UI thread only. */
    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** The host waits for its turn. */
    public void waiting(String host) {
        update(host, "waiting", "", false);
    }

    /** The host is at this step. A host whose outcome is known starts over (e.g. it is rolled back after the rollout failed). */
    public void step(String host, String step) {
        update(host, step, "", false);
    }

    /** The host's outcome; {@code bad} when it needs attention (failed, app down). */
    public void outcome(String host, String outcome, boolean bad) {
        Row before = latest.get(host);
        update(host, before == null ? "" : before.step(), outcome, bad);
    }

    private void update(String host, String step, String outcome, boolean bad) {
        Row row = new Row(host, step, outcome, bad);
        synchronized (order) {
            if (!order.contains(host)) {
                order.add(host);
            }
        }
        latest.put(host, row);
        pending.put(host, row);
        if (drainScheduled.compareAndSet(false, true)) {
            executor.runOnUiThread(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        for (String host : new ArrayList<>(order)) {
            Row row = pending.remove(host);
            if (row == null) {
                continue;
            }
            int at = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).host().equals(host)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                rows.add(row);
            } else {
                rows.set(at, row);
            }
        }
    }
}
