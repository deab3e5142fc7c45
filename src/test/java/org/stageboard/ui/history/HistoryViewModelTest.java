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
import org.stageboard.core.HistoryRow;
import org.stageboard.core.Project;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.ui.task.SameThreadTaskExecutor;

/** The history view's model without JavaFX: filters, pages, charts as series, export, show on board; on a seeded catalog (real H2 file). */
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
    void loadsChoicesAndPagesNewestFirst() {
        model.reload();
        assertThat(model.environments()).containsExactly(HistoryViewModel.ANY, "staging", "production");
        assertThat(model.hosts()).containsExactly(HistoryViewModel.ANY, "vps1", "vps2", "vps3");
        assertThat(model.authors()).containsExactly(HistoryViewModel.ANY, "alice", "bob", "carol");
        assertThat(model.totalProperty().get()).isEqualTo(1300);
        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(model.pageTextProperty().get()).isEqualTo("page 1 of 7 · 1,300 rows");
        HistoryRow firstOfPageOne = model.rows().get(0);
        model.nextPage();
        assertThat(model.pageProperty().get()).isEqualTo(1);
        assertThat(model.rows().get(0).at()).isBeforeOrEqualTo(firstOfPageOne.at());
        assertThat(model.rows()).doesNotContain(firstOfPageOne);
        model.previousPage();
        assertThat(model.rows().get(0)).isEqualTo(firstOfPageOne);
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
