package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.HistorySeed;
import org.stageboard.core.HistoryRow;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The History tab on a seeded catalog: rows, a filter, the charts per environment, "show on board", and the list loading as it is scrolled. */
@ExtendWith(ApplicationExtension.class)
class HistoryUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private UiFixture ui;
    private HistorySeed seed;

    @Start
    void start(Stage stage) {
        engine = Stageboard.open(new StageboardHome(temp.resolve("history-" + System.nanoTime()).resolve("home")));
        seed = HistorySeed.fill(EngineAccess.catalog(engine), 60, 180, 540);
        ui = UiFixture.show(stage, engine);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        engine.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void filteredRowsChartsAndShowOnBoard(FxRobot robot) {
        UiFixture.await("the project", 20, () -> ui.model.projectProperty().get() != null);
        robot.clickOn("History");
        TableView<HistoryRow> table = robot.lookup("#historyTable").queryAs(TableView.class);
        UiFixture.await("the history rows", 30, () -> table.getItems().size() == 200);
        assertThat(robot.lookup("#historyCount").queryAs(Label.class).getText()).isEqualTo("780 rows match");

        ComboBox<String> environment = robot.lookup("#historyEnvironment").queryAs(ComboBox.class);
        ComboBox<String> status = robot.lookup("#historyStatus").queryAs(ComboBox.class);
        robot.interact(() -> {
            environment.setValue("production");
            status.setValue("FAILED");
        });
        robot.clickOn("#historyApply");
        long expected = seed.items().stream().filter(i -> "production".equals(i.environment()) && "FAILED".equals(i.status())).count();
        UiFixture.await("the filtered rows", 30, () -> table.getItems().size() == expected);
        assertThat(table.getItems()).allSatisfy(r -> assertThat(r.environment() + " " + r.status()).isEqualTo("production FAILED"));
        assertThat(robot.lookup("#historyCount").queryAs(Label.class).getText()).isEqualTo(expected + " rows match");

        // the charts: production only; deploys per day add up to production's deploys that count (every seeded run does)
        BarChart<String, Number> bars = robot.lookup("#historyBarChart").queryAs(BarChart.class);
        assertThat(bars.isVisible()).isTrue();
        assertThat(bars.getData()).extracting(XYChart.Series::getName).containsExactly("production");
        long productionRuns = seed.items().stream().filter(i -> "RUN".equals(i.kind()) && "production".equals(i.environment())).count();
        assertThat(bars.getData().get(0).getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).sum()).isEqualTo(productionRuns);
        assertThat(robot.lookup("#historySummary").queryAs(Label.class).getText()).startsWith("production: " + productionRuns + " deploys, ");
        robot.interact(() -> robot.lookup("#historyChartKind").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(org.stageboard.ui.history.HistoryViewModel.ChartKind.LEAD_TIME));
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<String, Number> line = robot.lookup("#historyLineChart").queryAs(LineChart.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(bars.isVisible()).isFalse();
        assertThat(line.getData().get(0).getData()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getYValue().doubleValue()).isBetween(1.0, 1.1));

        // "show on board": back to the board, the row's commit handed to it
        HistoryRow first = table.getItems().get(0);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#historyShowOnBoard");
        TabPane tabs = (TabPane) robot.lookup(".main-tabs").query();
        UiFixture.await("the board tab", 10, () -> tabs.getSelectionModel().getSelectedIndex() == 0);
        assertThat(ui.model.board().selectedCommitProperty().get()).isEqualTo(first.commitSha());
    }

    @SuppressWarnings("unchecked")
    @Test
    void scrollingTheTableToTheEndLoadsTheNextPage(FxRobot robot) {
        UiFixture.await("the project", 20, () -> ui.model.projectProperty().get() != null);
        robot.clickOn("History");
        TableView<HistoryRow> table = robot.lookup("#historyTable").queryAs(TableView.class);
        UiFixture.await("the first page", 30, () -> table.getItems().size() == 200);
        var project = engine.project("shop");

        // the mouse wheel over the table, down a few rows: nothing more is read yet
        robot.moveTo(table).scroll(3, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(200);

        // to the last row (End): the next page is read and appended below the first
        robot.clickOn(robot.lookup("#historyTable .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        robot.type(javafx.scene.input.KeyCode.END);
        UiFixture.await("the second page", 30, () -> table.getItems().size() == 400);
        assertThat(table.getItems()).containsExactlyElementsOf(engine.history().page(project, org.stageboard.core.HistoryFilter.ALL, 0, 400));
        assertThat(robot.lookup("#historyCount").queryAs(Label.class).getText()).isEqualTo("780 rows match");
        UiFixture.await("the loading pill hidden", 10, () -> !robot.lookup("#historyLoadingMore").query().isVisible());

        // on to the end of everything (End again each time a page arrived): 780 rows, then nothing more
        for (int i = 0; i < 5 && table.getItems().size() < 780; i++) {
            int before = table.getItems().size();
            robot.type(javafx.scene.input.KeyCode.END);
            UiFixture.await("the page after row " + before, 30, () -> table.getItems().size() > before);
        }
        UiFixture.await("every row", 30, () -> table.getItems().size() == 780);
        assertThat(table.getItems()).extracting(HistoryRow::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // a filter starts the list again from its first page
        ComboBox<String> environment = robot.lookup("#historyEnvironment").queryAs(ComboBox.class);
        robot.interact(() -> environment.setValue("staging"));
        robot.clickOn("#historyApply");
        long staging = seed.items().stream().filter(i -> "staging".equals(i.environment())).count();
        UiFixture.await("the filtered first page", 30, () -> table.getItems().size() == 200 && "staging".equals(table.getItems().get(0).environment()));
        assertThat(robot.lookup("#historyCount").queryAs(Label.class).getText()).isEqualTo(staging + " rows match");
    }
}
