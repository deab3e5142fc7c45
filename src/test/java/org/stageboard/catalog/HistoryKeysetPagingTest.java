package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryRow;

/**
 * Keyset pages of the history ({@link HistoryRepository#pageAfter}) on a real H2 file: read one
 * after the other they join up to exactly the rows an offset page of everything holds, also where
 * rows of different kinds and of one kind share the very same time, with a filter and with a
 * search; rows added at the top meanwhile do not shift the pages.
 */
class HistoryKeysetPagingTest {

    @TempDir
    Path home;

    private Catalog catalog;
    private HistorySeed seed;
    private HistoryRepository history;

    @BeforeEach
    void seed() {
        catalog = Catalog.open(home);
        seed = HistorySeed.fill(catalog, 40, 120, 360);
        history = catalog.history();
        // A release and two runs at the very time of build 5: rows of three kinds (and two of one kind) tied on time.
        Instant tie = seed.items().get(4).at();
        catalog.jdbc().inTransaction(c -> {
            long release = Jdbc.insert(c, "INSERT INTO releases(environment_id, version, build_id, artifact_sha256, config_version_id, start_command,"
                    + " health_url, health_timeout_s, stop_grace_s, keep_releases, created_at, actor) SELECT environment_id, 999, build_id,"
                    + " artifact_sha256, config_version_id, start_command, health_url, health_timeout_s, stop_grace_s, keep_releases, ?, actor"
                    + " FROM releases WHERE id = 1", tie.atOffset(ZoneOffset.UTC));
            for (int i = 0; i < 2; i++) {
                Jdbc.insert(c, "INSERT INTO runs(release_id, host_id, kind, status, started_at, finished_at, actor)"
                        + " SELECT ?, host_id, kind, status, ?, finished_at, actor FROM runs WHERE id = 1", release, tie.atOffset(ZoneOffset.UTC));
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private List<HistoryRow> keysetPages(HistoryFilter filter, int size) {
        List<HistoryRow> all = new ArrayList<>();
        HistoryRow after = null;
        while (true) {
            List<HistoryRow> page = history.pageAfter(seed.projectId(), filter, after, size);
            all.addAll(page);
            if (page.size() < size) {
                return all;
            }
            after = page.get(page.size() - 1);
        }
    }

    @Test
    void pagesJoinUpToTheWholeHistoryTiesIncluded() {
        long total = history.count(seed.projectId(), HistoryFilter.ALL);
        assertThat(total).isEqualTo(40 + 121 + 362);
        List<HistoryRow> whole = history.page(seed.projectId(), HistoryFilter.ALL, 0, (int) total);
        assertThat(whole).hasSize((int) total);
        // 7 rows a page: page ends fall inside the tied rows too
        for (int size : new int[] {1, 2, 7, 100}) {
            assertThat(keysetPages(HistoryFilter.ALL, size)).as("pages of %d", size).containsExactlyElementsOf(whole);
        }
        assertThat(history.pageAfter(seed.projectId(), HistoryFilter.ALL, null, 50)).containsExactlyElementsOf(whole.subList(0, 50));
    }

    @Test
    void pagesOfAFilterAndOfASearchJoinUpToTheirWholeList() {
        HistoryFilter production = HistoryFilter.ALL.withEnvironment("production").withStatus("SUPERSEDED");
        long n = history.count(seed.projectId(), production);
        assertThat(n).isPositive();
        assertThat(keysetPages(production, 9)).containsExactlyElementsOf(history.page(seed.projectId(), production, 0, (int) n));

        HistoryFilter search = HistoryFilter.ALL.withSearch(HistorySeed.sha(5).substring(0, 8));
        long found = history.count(seed.projectId(), search);
        assertThat(found).isGreaterThan(3);
        assertThat(keysetPages(search, 2)).containsExactlyElementsOf(history.page(seed.projectId(), search, 0, (int) found));
    }

    @Test
    void rowsAddedAtTheTopDoNotShiftTheNextPage() {
        List<HistoryRow> first = history.pageAfter(seed.projectId(), HistoryFilter.ALL, null, 30);
        List<HistoryRow> expectedNext = history.page(seed.projectId(), HistoryFilter.ALL, 30, 30);
        catalog.jdbc().inTransaction(c -> Jdbc.insert(c, "INSERT INTO runs(release_id, host_id, kind, status, started_at, finished_at, actor)"
                + " SELECT release_id, host_id, kind, status, ?, finished_at, actor FROM runs WHERE id = 1",
                Instant.now().atOffset(ZoneOffset.UTC)));
        assertThat(history.pageAfter(seed.projectId(), HistoryFilter.ALL, first.get(29), 30)).containsExactlyElementsOf(expectedNext);
    }
}
