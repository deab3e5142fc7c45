package org.stageboard.ui.history;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import org.stageboard.core.HistoryRow;
import org.stageboard.ui.MainViewModel;

/**
 * The history view's controller: loads {@code history.fxml} and binds it to a
 * {@link HistoryViewModel}; nothing else lives here. {@link #install} puts the board and the
 * history side by side as two tabs of the main window.
 */
public final class HistoryView {

    @FXML private ComboBox<String> environment;
    @FXML private ComboBox<String> host;
    @FXML private ComboBox<String> status;
    @FXML private ComboBox<String> author;
    @FXML private DatePicker since;
    @FXML private DatePicker until;
    @FXML private TextField search;
    @FXML private Button apply;
    @FXML private Button clear;
    @FXML private TableView<HistoryRow> table;
    @FXML private ChoiceBox<HistoryViewModel.ChartKind> chartKind;
    @FXML private Label summary;
    @FXML private BarChart<String, Number> barChart;
    @FXML private LineChart<String, Number> lineChart;
    @FXML private Label countText;
    @FXML private javafx.scene.layout.HBox loadingMore;
    @FXML private Label loadingText;
    @FXML private Label message;
    @FXML private Button importLedgers;
    @FXML private Button showOnBoard;
    @FXML private Button exportCsv;
    @FXML private Button exportJson;

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final HistoryViewModel model;
    private final Parent root;

    public HistoryView(HistoryViewModel model) {
        this.model = model;
        URL url = HistoryView.class.getResource("/org/stageboard/ui/history/history.fxml");
        if (url == null) {
            throw new IllegalStateException("The history layout history.fxml is missing from the application's resources.");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the history view: " + e.getMessage(), e);
        }
    }

    public Parent root() {
        return root;
    }

    /**
     * The board and the history as two tabs ("Board", "History"); the history loads when first
     * shown and again each time it is shown. "Show on board" goes back to the board tab and hands
     * the commit to {@code showCommit} (the board selects it and draws its journey).
     */
    public static TabPane install(Node board, MainViewModel main, Consumer<String> showCommit) {
        Tab boardTab = new Tab("Board", board);
        boardTab.setId("boardTab");
        Tab historyTab = new Tab("History");
        historyTab.setId("historyTab");
        TabPane tabs = new TabPane(boardTab, historyTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("main-tabs");
        HistoryViewModel model = new HistoryViewModel(main.engine(), main.executor(), () -> main.projectProperty().get(), ZoneId.systemDefault());
        model.setOnShowOnBoard(sha -> {
            tabs.getSelectionModel().select(boardTab);
            showCommit.accept(sha);
        });
        historyTab.setOnSelectionChanged(e -> {
            if (historyTab.isSelected()) {
                if (historyTab.getContent() == null) {
                    historyTab.setContent(new HistoryView(model).root());
                }
                model.reload();
            }
        });
        main.projectProperty().addListener((o, a, b) -> {
            if (historyTab.isSelected()) {
                model.reload();
            }
        });
        return tabs;
    }

    @FXML
    private void initialize() {
        bindChoice(environment, model.environments(), model.environmentProperty());
        bindChoice(host, model.hosts(), model.hostProperty());
        bindChoice(status, model.statuses(), model.statusProperty());
        bindChoice(author, model.authors(), model.authorProperty());
        since.valueProperty().bindBidirectional(model.sinceProperty());
        until.valueProperty().bindBidirectional(model.untilProperty());
        search.textProperty().bindBidirectional(model.searchProperty());
        apply.setOnAction(e -> model.apply());
        clear.setOnAction(e -> model.clear());
        search.setOnAction(e -> model.apply());

        table.setItems(model.rows());
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(model::placeholder, model.loadingProperty(),
                model.rows()));
        table.setPlaceholder(placeholder);
        followScrolling();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("When", 130, r -> WHEN.format(r.at())));
        table.getColumns().add(column("What", 190, r -> r.subject().strip() + (r.fromOtherCatalog() ? "  ⇄ other catalog" : "")));
        table.getColumns().add(column("Environment", 100, r -> text(r.environment())));
        table.getColumns().add(column("Host", 80, r -> text(r.host())));
        table.getColumns().add(column("Status", 100, r -> r.status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        table.getColumns().add(column("Who", 120, r -> r.actor() + (r.fromOtherCatalog() && r.catalog() != null
                ? " (catalog " + r.catalog().substring(0, Math.min(8, r.catalog().length())) + ")" : "")));
        table.getColumns().add(column("Commit", 260, r -> r.commitSha() == null ? "" : r.shortSha() + " " + text(r.commitSubject())));
        table.getColumns().add(column("Message", 240, r -> r.message() == null ? "" : r.message().lines().findFirst().orElse("")));
        table.setRowFactory(t -> {
            TableRow<HistoryRow> row = new TableRow<>();
            MenuItem show = new MenuItem("Show on board");
            show.setOnAction(e -> model.showOnBoard(row.getItem()));
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(new ContextMenu(show)));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.showOnBoard(row.getItem());
                }
            });
            row.itemProperty().addListener((o, a, item) -> {
                row.getStyleClass().removeAll("history-failed", "history-imported");
                if (item != null && org.stageboard.pipeline.History.failedOutcome(item.status())) {
                    row.getStyleClass().add("history-failed");
                }
                if (item != null && item.fromOtherCatalog()) {
                    row.getStyleClass().add("history-imported");
                }
            });
            return row;
        });

        chartKind.getItems().setAll(HistoryViewModel.ChartKind.values());
        chartKind.valueProperty().bindBidirectional(model.chartKindProperty());
        model.series().addListener((ListChangeListener<HistoryViewModel.Series>) c -> drawChart());
        model.chartKindProperty().addListener((o, a, b) -> drawChart());
        model.chartsProperty().addListener((o, a, b) -> summary.setText(b == null ? "" : String.join("   ·   ",
                b.environments().stream().map(HistoryViewModel::summary).toList())));

        countText.textProperty().bind(model.countTextProperty());
        loadingMore.visibleProperty().bind(model.loadingMoreProperty());
        loadingText.textProperty().bind(model.loadingTextProperty());
        message.textProperty().bind(model.messageProperty());
        importLedgers.setOnAction(e -> model.importLedgers());
        showOnBoard.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        showOnBoard.setOnAction(e -> model.showOnBoard(table.getSelectionModel().getSelectedItem()));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                model.showOnBoard(table.getSelectionModel().getSelectedItem());
            }
        });
        exportCsv.setOnAction(e -> export("csv"));
        exportJson.setOnAction(e -> export("json"));
        drawChart();
    }

    /**
     * Tells the model which rows the table shows after each layout in which the table scrolled,
     * resized, or got rows (a tall window may show the end of a page at once): the model reads the
     * next page near the end. The check runs after layout, when the cells show the new rows.
     */
    private void followScrolling() {
        boolean[] pending = {true};
        Runnable check = () -> {
            if (!pending[0]) {
                return;
            }
            pending[0] = false;
            if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
                if (last != null && last.getIndex() >= 0) {
                    model.shownUpTo(last.getIndex());
                }
            }
        };
        Runnable changed = () -> {
            pending[0] = true;
            javafx.application.Platform.requestNextPulse();
        };
        table.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(check);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(check);
            }
        });
        table.skinProperty().addListener((o, a, skin) -> {
            if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.positionProperty().addListener((p, was, now) -> changed.run());
                flow.heightProperty().addListener((p, was, now) -> changed.run());
            }
        });
        model.rows().addListener((ListChangeListener<HistoryRow>) c -> changed.run());
        model.loadingMoreProperty().addListener((o, was, now) -> changed.run());
    }

    private void export(String format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the history (" + format.toUpperCase(java.util.Locale.ROOT) + ")");
        chooser.setInitialFileName("history." + format);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(java.util.Locale.ROOT), "*." + format));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath(), format);
        }
    }

    private void drawChart() {
        HistoryViewModel.ChartKind kind = model.chartKindProperty().get();
        boolean line = kind != null && kind.line();
        lineChart.setVisible(line);
        barChart.setVisible(!line);
        XYChart<String, Number> chart = line ? lineChart : barChart;
        chart.setTitle(kind == null ? "" : kind.title());
        chart.getData().clear();
        for (HistoryViewModel.Series s : model.series()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            for (HistoryViewModel.Point p : s.points()) {
                series.getData().add(new XYChart.Data<>(p.x(), p.y()));
            }
            chart.getData().add(series);
        }
    }

    private static void bindChoice(ComboBox<String> box, javafx.collections.ObservableList<String> items, javafx.beans.property.StringProperty value) {
        box.setItems(items);
        box.valueProperty().bindBidirectional(value);
    }

    private static TableColumn<HistoryRow, String> column(String title, double width, java.util.function.Function<HistoryRow, String> text) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

}
