package org.stageboard.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Project;
import org.stageboard.core.ProcessIdentity;

/**
 * Which hosts had work done on them since a mark, as the catalog records it: a run (deploy,
 * rollback, restart, stop, start, ...) that started or ended there, or a lock broken there. A
 * window that follows the catalog reads those hosts again, and only those, so that their slots
 * say what the CLI or another window did. A host where a run of this process still runs is left
 * out: its run's progress already tells the window, and the window reads it when the run ends.
 */
public final class HostActivity {

    /** Where the catalog was: the newest run, the runs not ended, the newest event. */
    public record Mark(long lastRun, Set<Long> running, long lastEvent) {

        public Mark {
            running = Set.copyOf(running);
        }
    }

    /**
     * The hosts (ids) with work started or ended since the mark, the mark to ask from next time,
     * and the hosts where a run of this process runs now (left out of {@code hosts}).
     */
    public record Since(Set<Long> hosts, Mark next, Set<Long> busyHere) {

        public Since {
            hosts = Set.copyOf(hosts);
            busyHere = Set.copyOf(busyHere);
        }
    }

    private record RunRow(long id, long hostId, boolean running, String owner) {
    }

    private final Catalog catalog;
    private final HostStatuses statuses;

    HostActivity(Catalog catalog, HostStatuses statuses) {
        this.catalog = catalog;
        this.statuses = statuses;
    }

    /** Where the catalog is now: take it before reading the hosts, then ask {@link #since} from it. */
    public Mark mark() {
        return since(null).next();
    }

    /** The hosts with a run started or ended (or a lock broken) since {@code mark}; none for a null mark (the first look). */
    public Since since(Mark mark) {
        long newestRun = catalog.jdbc().queryOne("SELECT COALESCE(MAX(id), 0) FROM runs", rs -> rs.getLong(1)).orElse(0L);
        long lastEvent = catalog.jdbc().queryOne("SELECT COALESCE(MAX(id), 0) FROM events", rs -> rs.getLong(1)).orElse(0L);
        List<RunRow> rows = catalog.jdbc().query(
                "SELECT id, host_id, status, owner FROM runs WHERE id > ? OR status = 'RUNNING'",
                rs -> new RunRow(rs.getLong(1), rs.getLong(2), "RUNNING".equals(rs.getString(3)), rs.getString(4)),
                mark == null ? newestRun : mark.lastRun());
        long lastRun = Math.max(newestRun, rows.stream().mapToLong(RunRow::id).max().orElse(0));
        Set<Long> running = new HashSet<>();
        Set<Long> hosts = new HashSet<>();
        Set<Long> busyHere = new HashSet<>();
        for (RunRow row : rows) {
            if (row.running()) {
                running.add(row.id());
                if (ownedHere(row.owner())) {
                    busyHere.add(row.hostId());
                }
            }
            if (mark != null && row.id() > mark.lastRun()) {
                hosts.add(row.hostId()); // started since
            }
        }
        if (mark != null) {
            for (long id : mark.running()) {
                if (!running.contains(id)) { // ended since
                    catalog.jdbc().queryOne("SELECT host_id FROM runs WHERE id = ?", rs -> rs.getLong(1), id).ifPresent(hosts::add);
                }
            }
            hosts.addAll(catalog.jdbc().query("SELECT h.id FROM events e JOIN hosts h ON e.subject LIKE CONCAT('% on ', h.name)"
                    + " WHERE e.id > ? AND e.id <= ? AND e.action = 'lock.break'", rs -> rs.getLong(1), mark.lastEvent(), lastEvent));
        }
        hosts.removeAll(busyHere);
        return new Since(hosts, new Mark(lastRun, running, lastEvent), busyHere);
    }

    /** Reads again only the given hosts of the project (every environment of the project on them), in parallel. */
    public List<HostStatus> readHosts(Project project, Set<Long> hostIds) {
        return statuses.read(project, host -> hostIds.contains(host.id()), true);
    }

    private static boolean ownedHere(String owner) {
        ProcessIdentity self = Self.ID;
        return ProcessIdentity.parse(owner).map(p -> p.pid() == self.pid() && p.machine().equals(self.machine())).orElse(false);
    }

    private static final class Self {
        static final ProcessIdentity ID = ProcessIdentity.current();
    }
}
