package org.stageboard.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.ui.MainWindow;
import org.stageboard.ui.UiTestScenes;
import org.stageboard.ui.task.BackgroundTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The log viewer on a 100,000-line log file: it opens, finds a line far down, highlights it, and copies. */
@ExtendWith(ApplicationExtension.class)
class LogViewerUiTest {

    @TempDir
    Path temp;

    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(1);
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        UiTestScenes.empty(stage, MainWindow.STYLESHEET);
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    @Test
    void aLongLogOpensAndFindsALineFarDownAndCopiesIt(FxRobot robot) throws Exception {
        Path file = temp.resolve("build.log");
        Files.writeString(file, IntStream.range(0, 100_000).mapToObj(i -> i == 98_765 ? "ERROR at line " + i : "step output line " + i)
                .collect(Collectors.joining("\n")) + "\n");
        robot.interact(() -> LogViewer.open(owner, "build #7", List.of(new LogSource("whole build", file)), executor));
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#logLines").tryQuery().map(n -> ((ListView<?>) n).getItems().size() == 100_000).orElse(false));

        robot.clickOn("#logSearch").write("error at");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> lines = robot.lookup("#logLines").queryAs(ListView.class);
        assertThat(robot.lookup("#logMatchCount").queryAs(Label.class).getText()).isEqualTo("1 of 1");
        assertThat(lines.getSelectionModel().getSelectedIndex()).isEqualTo(98_765);
        assertThat(robot.lookup(".log-current-match").tryQuery()).as("the match is drawn, highlighted").isPresent();
        assertThat(robot.lookup("#logFollow").queryAs(ToggleButton.class).isSelected()).isFalse();

        robot.clickOn("#logCopy");
        assertThat(clipboard(robot)).isEqualTo("ERROR at line 98765\n");
        robot.clickOn("#logCopyAll");
        assertThat(clipboard(robot)).startsWith("step output line 0\n").contains("ERROR at line 98765\n").endsWith("step output line 99999\n");

        robot.clickOn("#logSearch").eraseText(8).write("no such text");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#logMatchCount").queryAs(Label.class).getText()).isEqualTo("no match");
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
