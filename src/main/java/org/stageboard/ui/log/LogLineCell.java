package org.stageboard.ui.log;

import javafx.scene.control.ListCell;

/** One log line: monospaced, marked when it holds the search text, marked more when it is the current match. */
final class LogLineCell extends ListCell<String> {

    private final LogViewModel model;

    LogLineCell(LogViewModel model) {
        this.model = model;
        getStyleClass().add("log-line");
    }

    @Override
    protected void updateItem(String line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeAll("log-match", "log-current-match");
        if (empty || line == null) {
            setText(null);
            return;
        }
        setText(line);
        if (model.matches(line)) {
            getStyleClass().add(getIndex() == model.currentMatchProperty().get() ? "log-current-match" : "log-match");
        }
    }
}
