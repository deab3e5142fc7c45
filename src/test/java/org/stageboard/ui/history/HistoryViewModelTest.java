package org.stageboard.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.HistorySeed;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryRow;
import org.stageboard.core.Project;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.ui.task.SameThreadTaskExecutor;

/**
 * The history view's model without JavaFX: filters, the list loaded a page at a time as it is
 * scrolled (pages appended, a filter starts it again, the count), charts as series, export, show
 * on board; on a seeded catalog (real H2 file).
 */
class HistoryViewModelTest {

    @TempDir
    Path tmp;

    private Stageboard engine;
    private HistorySeed seed;
    private HistoryViewModel model;
    private final List<String> shown = new ArrayList<>();

    @BeforeEach
    void open() {
        engine = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        seed = HistorySeed.fill(EngineAccess.catalog(engine), 100, 300, 900);
        Project shop = engine.project("shop");
        model = new HistoryViewModel(engine, new SameThreadTaskExecutor(), () -> shop, ZoneOffset.UTC);
        model.setOnShowOnBoard(shown::add);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void loadsChoicesAndTheFirstPageWithTheCount() {
        model.reload();
        assertThat(model.environments()).containsExactly(HistoryViewModel.ANY, "staging", "production");
        assertThat(model.hosts()).containsExactly(HistoryViewModel.ANY, "vps1", "vps2", "vps3");
        assertThat(model.authors()).containsExactly(HistoryViewModel.ANY, "alice", "bob", "carol");
        assertThat(model.totalProperty().get()).isEqualTo(1300);
        assertThat(model.countTextProperty().get()).isEqualTo("1,300 rows match");
        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(model.moreProperty().get()).isTrue();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.rows()).containsExactlyElementsOf(engine.history().page(engine.project("shop"), HistoryFilter.ALL, 0, 200));
    }

    @Test
    void scrollingNearTheEndAppendsTheNextPagesUntilAllAreLoaded() {
        model.reload();
        List<HistoryRow> firstPage = List.copyOf(model.rows());
        // rows far from the end shown: nothing more is read
        model.shownUpTo(20);
        model.shownUpTo(HistoryViewModel.PAGE_SIZE - HistoryViewModel.PREFETCH - 1);
        assertThat(model.rows()).hasSize(200);
        // near the end: the next page is appended, the first stays as it was
        model.shownUpTo(HistoryViewModel.PAGE_SIZE - HistoryViewModel.PREFETCH);
        assertThat(model.rows()).hasSize(400);
        assertThat(model.rows().subList(0, 200)).containsExactlyElementsOf(firstPage);
        Project shop = engine.project("shop");
        assertThat(model.rows().subList(200, 400)).containsExactlyElementsOf(engine.history().page(shop, HistoryFilter.ALL, 200, 200));
        // on to the end: 1,300 rows in 7 reads, each once, newest first; then nothing more is read
        for (int i = 0; i < 10; i++) {
            model.shownUpTo(model.rows().size() - 1);
        }
        assertThat(model.rows()).hasSize(1300).containsExactlyElementsOf(engine.history().page(shop, HistoryFilter.ALL, 0, 1300));
        assertThat(model.rows()).extracting(HistoryRow::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(model.moreProperty().get()).isFalse();
        assertThat(model.countTextProperty().get()).isEqualTo("1,300 rows match");
    }

    @Test
    void aPageBeingReadShowsItselfAndAFilterChangeMeanwhileStartsTheListAgain() {
        HeldExecutor held = new HeldExecutor();
        Project shop = engine.project("shop");
        HistoryViewModel slow = new HistoryViewModel(engine, held, () -> shop, ZoneOffset.UTC);
        slow.reload();
        held.runAll();
        assertThat(slow.rows()).hasSize(200);

        // the filter: the list is emptied at once, and says it is being read
        slow.environmentProperty().set("production");
        slow.apply();
        assertThat(slow.rows()).isEmpty();
        assertThat(slow.loadingProperty().get()).isTrue();
        assertThat(slow.placeholder()).isEqualTo("Reading the history…");
        assertThat(slow.countTextProperty().get()).isEqualTo("Counting…");
        // the rows show as soon as they are read, before they are counted
        held.runOne();
        assertThat(slow.rows()).hasSize(200);
        assertThat(slow.loadingProperty().get()).isFalse();
        assertThat(slow.countTextProperty().get()).isEqualTo("Counting…");
        held.runAll();
        long production = seed.items().stream().filter(i -> "production".equals(i.environment())).count();
        assertThat(slow.totalProperty().get()).isEqualTo(production);
        assertThat(slow.countTextProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d rows match", production));
        assertThat(slow.rows()).hasSize(200).allSatisfy(r -> assertThat(r.environment()).isEqualTo("production"));

        // the next page asked, shown as being read; asking again meanwhile reads nothing more
        slow.shownUpTo(199);
        assertThat(slow.loadingMoreProperty().get()).isTrue();
        assertThat(slow.loadingTextProperty().get()).isEqualTo("Loading rows 201–400 of " + String.format(java.util.Locale.ROOT, "%,d", production) + "…");
        slow.shownUpTo(199);
        assertThat(held.waiting()).isEqualTo(1);
        // the filter changes before that page arrives: the page is dropped, the list starts again from the new filter's first page
        slow.environmentProperty().set("staging");
        slow.apply();
        held.runAll();
        assertThat(slow.loadingMoreProperty().get()).isFalse();
        assertThat(slow.rows()).hasSize(200).allSatisfy(r -> assertThat(r.environment()).isEqualTo("staging"));
        assertThat(slow.rows()).containsExactlyElementsOf(engine.history().page(shop, HistoryFilter.ALL.withEnvironment("staging"), 0, 200));

        // a filter with few rows: one page, nothing more to read
        slow.hostProperty().set("vps1");
        slow.statusProperty().set("FAILED");
        slow.apply();
        held.runAll();
        assertThat(slow.rows().size()).isLessThan(200).isPositive();
        assertThat(slow.moreProperty().get()).isFalse();
        slow.shownUpTo(slow.rows().size() - 1);
        assertThat(held.waiting()).isZero();
        slow.authorProperty().set("nobody");
        slow.apply();
        held.runAll();
        assertThat(slow.countTextProperty().get()).isEqualTo("No rows match");
        assertThat(slow.placeholder()).isEqualTo("Nothing in the history passes this filter.");
    }

    /** Holds background work until the test runs it: what a slow catalog looks like to the model. */
    private static final class HeldExecutor implements org.stageboard.ui.task.TaskExecutor {
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();

        @Override
        public void runInBackground(Runnable work) {
            queue.add(work);
        }

        @Override
        public void runOnUiThread(Runnable update) {
            update.run();
        }

        int waiting() {
            return queue.size();
        }

        void runOne() {
            queue.poll().run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    @Test
    void filtersAndChartsFollowTheControls() {
        model.reload();
        model.environmentProperty().set("production");
        model.hostProperty().set("vps1");
        model.statusProperty().set("FAILED");
        model.apply();
        long expected = seed.items().stream().filter(i -> "production".equals(i.environment()) && "vps1".equals(i.host())
                && "FAILED".equals(i.status())).count();
        assertThat(model.totalProperty().get()).isEqualTo(expected).isPositive();
        assertThat(model.rows()).allSatisfy(r -> {
            assertThat(r.environment()).isEqualTo("production");
            assertThat(r.host()).isEqualTo("vps1");
            assertThat(r.status()).isEqualTo("FAILED");
        });
        // charts: only production, only vps1; a deploy per day series whose counts add up to the deploys that count
        assertThat(model.series()).extracting(HistoryViewModel.Series::name).containsExactly("production");
        long deploys = seed.items().stream().filter(i -> "RUN".equals(i.kind()) && "production".equals(i.environment())
                && "vps1".equals(i.host())).count();
        assertThat(model.series().get(0).points().stream().mapToDouble(HistoryViewModel.Point::y).sum()).isEqualTo(deploys);
        model.chartKindProperty().set(HistoryViewModel.ChartKind.FAILED_RATE);
        assertThat(model.series().get(0).points()).allSatisfy(p -> assertThat(p.y()).isBetween(0.0, 100.0));
        model.chartKindProperty().set(HistoryViewModel.ChartKind.LEAD_TIME);
        // every seeded commit is made an hour before its build; deploys come 2 minutes after the build, 20 s long
        assertThat(model.series().get(0).points()).isNotEmpty().allSatisfy(p -> assertThat(p.y()).isBetween(1.0, 1.1));

        model.sinceProperty().set(LocalDate.of(2026, 1, 2));
        model.untilProperty().set(LocalDate.of(2026, 1, 2));
        model.apply();
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.at().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 2)));

        model.clear();
        assertThat(model.totalProperty().get()).isEqualTo(1300);
    }

    @Test
    void searchesShowsOnBoardAndExports() throws Exception {
        model.reload();
        model.searchProperty().set("checkout-42 ");
        model.apply();
        assertThat(model.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.commitSha()).isEqualTo(HistorySeed.sha(42)));
        model.showOnBoard(model.rows().get(0));
        assertThat(shown).containsExactly(HistorySeed.sha(42));

        Path csv = tmp.resolve("out.csv");
        model.export(csv, "csv");
        assertThat(Files.readAllLines(csv)).hasSize(model.rows().size() + 1);
        assertThat(model.messageProperty().get()).isEqualTo("Exported " + model.rows().size() + " rows to " + csv + ".");
        Path json = tmp.resolve("out.json");
        model.export(json, "json");
        assertThat(Files.readString(json)).startsWith("[").contains(HistorySeed.sha(42));

        // an empty date range is refused with a message, the rows stay
        model.sinceProperty().set(LocalDate.of(2026, 2, 2));
        model.untilProperty().set(LocalDate.of(2026, 2, 1));
        int before = model.rows().size();
        model.apply();
        assertThat(model.messageProperty().get()).contains("date range is empty");
        assertThat(model.rows()).hasSize(before);
    }
}
