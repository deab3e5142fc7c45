package org.stageboard.ui.log;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.ScrollEvent;
import java.util.function.Consumer;

/** Binds LogView.fxml to a {@link LogViewModel}: nothing here decides, it shows and forwards. */
public final class LogViewController {

    @FXML private ComboBox<LogSource> source;
    @FXML private TextField search;
    @FXML private Button previous;
    @FXML private Button next;
    @FXML private Label matchCount;
    @FXML private ToggleButton follow;
    @FXML private Button copy;
    @FXML private Button copyAll;
    @FXML private ListView<String> lines;
    @FXML private Label status;
    @FXML private Label feed;

    private LogViewModel model;
    private boolean updatingSources;

    /** Shows the model; call once after loading. */
    public void bind(LogViewModel model) {
        this.model = model;
        lines.setId("logLines");
        lines.setUserData(model);
        search.setId("logSearch");
        matchCount.setId("logMatchCount");
        follow.setId("logFollow");
        copy.setId("logCopy");
        copyAll.setId("logCopyAll");
        previous.setId("logPrevious");
        next.setId("logNext");
        status.setId("logStatus");
        feed.setId("logFeed");
        model.feedProperty().addListener((o, before, now) -> showFeed(now));
        showFeed(model.feedProperty().get());
        lines.setItems(model.lines());
        lines.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        lines.setFixedCellSize(20);
        lines.setCellFactory(list -> new LogLineCell(model));
        search.textProperty().bindBidirectional(model.queryProperty());
        matchCount.textProperty().bind(model.matchTextProperty());
        status.textProperty().bind(model.statusProperty());
        follow.selectedProperty().bindBidirectional(model.followProperty());
        model.queryProperty().addListener((o, a, b) -> lines.refresh());
        model.currentMatchProperty().addListener((o, a, now) -> {
            lines.refresh();
            if (now.intValue() >= 0) {
                lines.getSelectionModel().clearAndSelect(now.intValue());
            }
        });
        model.scrollToProperty().addListener((o, a, now) -> show(now.intValue()));
        show(model.scrollToProperty().get());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    model.findPrevious();
                } else {
                    model.findNext();
                }
                e.consume();
            }
        });
        // Scrolling up to read stops following the end; the Follow switch (or End) starts it again.
        lines.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                model.followProperty().set(false);
            }
        });
        lines.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.UP) {
                model.followProperty().set(false);
            } else if (e.getCode() == KeyCode.END) {
                model.followProperty().set(true);
            }
        });
        copy.disableProperty().bind(lines.getSelectionModel().selectedIndexProperty().lessThan(0));
        lines.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN), this::copySelected);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F3), model::findNext);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN), model::findPrevious);
            }
        });
    }

    /** Offers a choice of logs (a build's steps); choosing one calls {@code load}; the first is chosen at once. */
    public void sources(List<LogSource> choices, Consumer<LogSource> load) {
        LogChoices model = new LogChoices(load);
        sources(model);
        model.update(choices);
    }

    /**
     * Shows the chooser of {@code choices} and follows it: logs that appear or are renamed show
     * as they change, the log chosen stays selected, and a log the user picks is chosen there.
     * The chooser shows once there is more than one log to choose from.
     */
    public void sources(LogChoices choices) {
        source.setId("logSource");
        Runnable show = () -> {
            updatingSources = true;
            try {
                source.getItems().setAll(choices.sources());
                source.getSelectionModel().select(choices.chosen());
            } finally {
                updatingSources = false;
            }
            source.setVisible(choices.sources().size() > 1);
            source.setManaged(source.isVisible());
        };
        choices.sources().addListener((javafx.collections.ListChangeListener<LogSource>) change -> show.run());
        choices.chosenProperty().addListener((o, before, now) -> show.run());
        source.setOnAction(e -> {
            if (!updatingSources && source.getValue() != null) {
                choices.choose(source.getValue());
            }
        });
        show.run();
    }

    @FXML
    void findNext() {
        model.findNext();
    }

    @FXML
    void findPrevious() {
        model.findPrevious();
    }

    @FXML
    void copySelected() {
        String text = model.text(lines.getSelectionModel().getSelectedIndices());
        if (!text.isEmpty()) {
            put(text);
        }
    }

    @FXML
    void copyAll() {
        put(model.allText());
    }

    private static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** LIVE with a dot while the log is followed, Finished once its work ended; nothing for a file read once. */
    private void showFeed(LogViewModel.Feed now) {
        feed.getStyleClass().removeAll("log-feed-live", "log-feed-ended");
        feed.setVisible(now != LogViewModel.Feed.FILE);
        feed.setManaged(feed.isVisible());
        if (now == LogViewModel.Feed.LIVE) {
            feed.setText("Live");
            feed.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("fth-radio"));
            feed.getStyleClass().add("log-feed-live");
        } else if (now == LogViewModel.Feed.ENDED) {
            feed.setText("Finished");
            feed.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("fth-check-square"));
            feed.getStyleClass().add("log-feed-ended");
        }
    }

    private void show(int line) {
        if (line >= 0 && line < model.lines().size()) {
            lines.scrollTo(line);
        }
    }
}
