package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.HistorySeed.Item;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryKind;
import org.stageboard.core.HistoryRow;

/**
 * The history query on a real H2 file holding many rows (2,000 builds, 8,000 releases, 20,000
 * runs): every filter, search and page is checked against the seeded rows themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryRepositoryTest {

    @TempDir
    static Path home;

    private Catalog catalog;
    private HistorySeed seed;
    private HistoryRepository history;

    @BeforeAll
    void seed() {
        catalog = Catalog.open(home);
        seed = HistorySeed.fill(catalog, 2000, 8000, 20000);
        history = catalog.history();
    }

    @AfterAll
    void close() {
        catalog.close();
    }

    private List<Item> expected(Predicate<Item> filter) {
        return seed.items().stream().filter(filter).toList();
    }

    private void assertFinds(HistoryFilter filter, Predicate<Item> same) {
        List<Item> expected = expected(same);
        assertThat(history.count(seed.projectId(), filter)).as("count of %s", filter).isEqualTo(expected.size());
        List<HistoryRow> page = history.page(seed.projectId(), filter, 0, 40);
        List<Item> newest = expected.stream().sorted(Comparator.comparing(Item::at).reversed()).limit(40).toList();
        assertThat(page).hasSize(newest.size());
        if (!newest.isEmpty()) {
            assertThat(page.get(0).at()).isEqualTo(newest.get(0).at());
            assertThat(page.get(page.size() - 1).at()).isEqualTo(newest.get(newest.size() - 1).at());
        }
        for (HistoryRow row : page) {
            Item item = seed.items().stream().filter(i -> i.kind().equals(row.kind().name()) && i.id() == row.id()).findFirst().orElseThrow();
            assertThat(same.test(item)).as("row %s passes %s", row, filter).isTrue();
        }
    }

    @Test
    void everythingNewestFirstInPagesThatJoinUp() {
        assertThat(history.count(seed.projectId(), HistoryFilter.ALL)).isEqualTo(30_000);
        List<HistoryRow> joined = new ArrayList<>(history.page(seed.projectId(), HistoryFilter.ALL, 0, 100));
        joined.addAll(history.page(seed.projectId(), HistoryFilter.ALL, 100, 100));
        joined.addAll(history.page(seed.projectId(), HistoryFilter.ALL, 200, 100));
        assertThat(joined).containsExactlyElementsOf(history.page(seed.projectId(), HistoryFilter.ALL, 0, 300));
        assertThat(joined).extracting(HistoryRow::at).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(joined.stream().map(r -> r.kind() + "#" + r.id()).distinct()).hasSize(300);
        Instant newest = seed.items().stream().map(Item::at).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(joined.get(0).at()).isEqualTo(newest);

        // a deep page: the last rows of all
        List<HistoryRow> last = history.page(seed.projectId(), HistoryFilter.ALL, 29_990, 50);
        assertThat(last).hasSize(10);
        assertThat(last.get(9).at()).isEqualTo(seed.items().stream().map(Item::at).min(Comparator.naturalOrder()).orElseThrow());
    }

    @Test
    void rowsCarryWhatTheyStandFor() {
        HistoryRow run = history.page(seed.projectId(), HistoryFilter.ALL.withKind(HistoryKind.RUN), 0, 1).get(0);
        Item item = seed.items().stream().filter(i -> i.kind().equals("RUN") && i.id() == run.id()).findFirst().orElseThrow();
        assertThat(run.environment()).isEqualTo(item.environment());
        assertThat(run.host()).isEqualTo(item.host());
        assertThat(run.status()).isEqualTo(item.status());
        assertThat(run.actor()).isEqualTo(item.actor());
        assertThat(run.commitSha()).isEqualTo(item.sha());
        assertThat(run.commitSubject()).isEqualTo(item.message().lines().findFirst().orElseThrow());
        assertThat(run.release()).isEqualTo(item.release());
        assertThat(run.action()).isEqualTo("DEPLOY");
        assertThat(run.fromOtherCatalog()).isFalse();
    }

    @Test
    void filtersByEnvironmentHostStatusAuthorAndDates() {
        assertFinds(HistoryFilter.ALL.withEnvironment("production"), i -> "production".equals(i.environment()));
        assertFinds(HistoryFilter.ALL.withHost("vps2"), i -> "vps2".equals(i.host()));
        assertFinds(HistoryFilter.ALL.withStatus("failed"), i -> "FAILED".equals(i.status()));
        assertFinds(HistoryFilter.ALL.withStatus("rolled back").withHost("vps1"), i -> "ROLLED_BACK".equals(i.status()) && "vps1".equals(i.host()));
        assertFinds(HistoryFilter.ALL.withAuthor("bob"), i -> "bob".equals(i.actor()));
        Instant since = HistorySeed.BASE.plusSeconds(86_400L * 3);
        Instant until = HistorySeed.BASE.plusSeconds(86_400L * 5);
        assertFinds(HistoryFilter.ALL.withRange(since, until), i -> !i.at().isBefore(since) && i.at().isBefore(until));
        assertFinds(HistoryFilter.ALL.withRange(since, until).withEnvironment("staging").withAuthor("carol").withStatus("SUPERSEDED"),
                i -> !i.at().isBefore(since) && i.at().isBefore(until) && "staging".equals(i.environment()) && "carol".equals(i.actor())
                        && "SUPERSEDED".equals(i.status()));
        assertFinds(HistoryFilter.ALL.withKind(HistoryKind.BUILD).withStatus("FAILED"), i -> i.kind().equals("BUILD") && "FAILED".equals(i.status()));
        assertFinds(HistoryFilter.ALL.withAuthor("nobody"), i -> false);
    }

    @Test
    void searchesByShaPrefixMessageAndReleaseName() {
        String sha = HistorySeed.sha(1234);
        String prefix = sha.substring(0, 10);
        assertFinds(HistoryFilter.ALL.withSearch(prefix), i -> i.sha().startsWith(prefix));
        assertThat(history.page(seed.projectId(), HistoryFilter.ALL.withSearch(prefix).withKind(HistoryKind.BUILD), 0, 5))
                .extracting(HistoryRow::buildNumber).containsExactly(1234);

        assertFinds(HistoryFilter.ALL.withSearch("CHECKOUT-777 rounding"),
                i -> i.message().toLowerCase(Locale.ROOT).contains("checkout-777 rounding"));
        assertFinds(HistoryFilter.ALL.withSearch("production v7"), i -> "production v7".equals(i.release()));
        assertFinds(HistoryFilter.ALL.withSearch("production v7").withHost("vps3"), i -> "production v7".equals(i.release()) && "vps3".equals(i.host()));
        // LIKE wildcards in the search are plain text
        assertFinds(HistoryFilter.ALL.withSearch("%"), i -> i.message().contains("%"));
    }
}
