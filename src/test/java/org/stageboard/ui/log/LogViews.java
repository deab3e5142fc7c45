package org.stageboard.ui.log;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;

/** For UI tests: the text of the log viewer open now, if one is. */
public final class LogViews {

    private LogViews() {
    }

    /** Every line of the shown log viewer, joined by newlines; empty when none shows. */
    public static Optional<String> text(FxRobot robot) {
        return robot.lookup("#logLines").tryQuery().map(LogViews::text);
    }

    @SuppressWarnings("unchecked")
    static String text(Node node) {
        return String.join("\n", ((ListView<String>) node).getItems());
    }

    /** The window of the shown log viewer. */
    public static javafx.stage.Stage stage(FxRobot robot) {
        return (javafx.stage.Stage) robot.lookup("#logLines").query().getScene().getWindow();
    }
}
