package org.stageboard.ui.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tooltips are made when the pointer first comes over their node, and then show as any other. */
@ExtendWith(ApplicationExtension.class)
class TipsUiTest {

    private Button button;
    private Label label;
    private int made;

    @Start
    void start(Stage stage) {
        button = new Button("Build");
        button.setId("build");
        Tips.text(button, "Build the selected commit.");
        label = new Label("staging on vps1");
        label.setId("slot");
        Tips.lazy(label, () -> {
            made++;
            return Tips.wrapping("staging on vps1 (deploy@vps1:22)", 520);
        });
        stage.setScene(new Scene(new HBox(40, button, label), 400, 80));
        stage.show();
    }

    @Test
    void noTooltipIsMadeBeforeTheFirstHoverThenItShows(FxRobot robot) throws Exception {
        assertThat(button.getTooltip()).as("nothing made while the window opens").isNull();
        assertThat(made).isZero();

        robot.moveTo("#build");
        robot.moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> button.getTooltip() != null && button.getTooltip().isShowing());
        assertThat(button.getTooltip().getText()).isEqualTo("Build the selected commit.");
        assertThat(button.getTooltip().isWrapText()).isTrue();

        robot.moveTo("#slot");
        robot.moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip tip
                && tip.isShowing());
        assertThat(((Tooltip) label.getProperties().get("javafx.scene.control.Tooltip")).getText()).isEqualTo("staging on vps1 (deploy@vps1:22)");

        robot.moveTo("#build");
        robot.moveTo("#slot");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(made).as("made once, on the first hover").isEqualTo(1);
    }
}
