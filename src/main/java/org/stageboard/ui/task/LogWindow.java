package org.stageboard.ui.task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.stageboard.ui.ErrorText;

/** A window with the log of a task as it streams, or of a finished build or run read from its file. */
public final class LogWindow {

    private final Stage stage = new Stage();
    private final TextArea text = new TextArea();

    private LogWindow(Window owner, String title) {
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("log-text");
        text.setId("logText");
        Scene scene = new Scene(text, 820, 480);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setTitle(title);
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    /** Follows a running task's log lines. */
    public static LogWindow follow(Window owner, UiTask task) {
        LogWindow window = new LogWindow(owner, "Log · " + task.title());
        window.text.setText(String.join("\n", task.log()));
        task.log().addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(window::append);
                }
            }
        });
        window.stage.show();
        return window;
    }

    /** Shows a log file, read in the background. */
    public static LogWindow open(Window owner, String title, Path file, TaskExecutor executor) {
        LogWindow window = new LogWindow(owner, "Log · " + title + " · " + file);
        window.text.setText("Reading " + file + " …");
        executor.call(() -> read(file), lines -> window.text.setText(String.join("\n", lines)),
                e -> window.text.setText("Could not read the log " + file + ": " + ErrorText.of(e)));
        window.stage.show();
        return window;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code action} when the window is closed (e.g. to stop following a log). */
    public LogWindow onClose(Runnable action) {
        stage.setOnHidden(e -> action.run());
        return this;
    }

    private void append(String line) {
        if (!text.getText().isEmpty()) {
            text.appendText("\n");
        }
        text.appendText(line);
    }
}
