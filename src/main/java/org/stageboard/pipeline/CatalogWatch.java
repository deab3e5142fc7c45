package org.stageboard.pipeline;

import java.util.List;
import org.stageboard.catalog.Catalog;

/**
 * A cheap change stamp of the catalog, so that a window can follow what the CLI or another window
 * does without reading the whole board: one query of counts and highest ids (each answered from
 * an index or the table's row count) over projects, environments, hosts, attachments, config
 * versions, builds (and how many are queued or running), build steps, releases, runs (and how many
 * run), events and host readings. Any recorded change moves at least one of them: new rows move an
 * id or a count, a build or run that ends moves its table's unfinished count, and every action
 * writes an event.
 */
public final class CatalogWatch {

    /** The stamp: equal stamps mean nothing the board shows has changed. */
    public record Stamp(List<Long> values) {

        public Stamp {
            values = List.copyOf(values);
        }
    }

    private static final String SQL = """
            SELECT
              (SELECT COUNT(*) FROM projects), (SELECT COALESCE(MAX(id), 0) FROM projects),
              (SELECT COUNT(*) FROM environments), (SELECT COALESCE(MAX(id), 0) FROM environments),
              (SELECT COUNT(*) FROM hosts), (SELECT COALESCE(MAX(id), 0) FROM hosts),
              (SELECT COUNT(*) FROM environment_hosts),
              (SELECT COALESCE(MAX(id), 0) FROM config_versions),
              (SELECT COUNT(*) FROM builds), (SELECT COALESCE(MAX(id), 0) FROM builds),
              (SELECT COUNT(*) FROM builds WHERE status IN ('QUEUED', 'RUNNING')),
              (SELECT COUNT(*) FROM builds WHERE status = 'RUNNING'),
              (SELECT COUNT(*) FROM build_steps),
              (SELECT COUNT(*) FROM releases), (SELECT COALESCE(MAX(id), 0) FROM releases),
              (SELECT COUNT(*) FROM runs), (SELECT COALESCE(MAX(id), 0) FROM runs),
              (SELECT COUNT(*) FROM runs WHERE status = 'RUNNING'),
              (SELECT COALESCE(MAX(id), 0) FROM events),
              (SELECT COUNT(*) FROM host_readings),
              (SELECT COALESCE(DATEDIFF('MILLISECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00Z', MAX(read_at)), 0) FROM host_readings)
            """;

    private static final int COLUMNS = 21;

    private final Catalog catalog;

    CatalogWatch(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The catalog's current stamp; compare it with an earlier one to know whether to read the board again. */
    public Stamp stamp() {
        return catalog.jdbc().queryOne(SQL, rs -> {
            Long[] values = new Long[COLUMNS];
            for (int i = 0; i < COLUMNS; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return new Stamp(List.of(values));
        }).orElseThrow();
    }
}
