package org.stageboard.ui.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.stageboard.pipeline.ActiveWork;
import org.stageboard.pipeline.Stageboard;

/**
 * The task panel at the bottom of the window (task-pane.fxml, bound by {@link TaskPaneController}):
 * this window's background tasks, newest first, and the builds and deploys another process runs on
 * the same catalog. Work elsewhere is followed on the board's beat, only while the panel shows in a window.
 */
public final class TaskPane extends VBox {

    private final TaskPanelModel model;
    private final ObservableValue<Boolean> showing;

    /** A panel of the tasks alone (no catalog to follow). */
    public TaskPane(TaskList tasks, Consumer<UiTask> openLog) {
        this(new TaskPanelModel(tasks, ElsewhereWork.none(tasks.executor())), openLog, item -> { });
    }

    public TaskPane(TaskPanelModel model, Consumer<UiTask> openLog, Consumer<ActiveWork.Item> openWorkLog) {
        this.model = model;
        org.stageboard.ui.theme.ActiveTheme.ensureApplied();
        FXMLLoader loader = new FXMLLoader(TaskPane.class.getResource("/org/stageboard/ui/task/task-pane.fxml"));
        TaskPaneController controller = new TaskPaneController();
        loader.setRoot(this);
        loader.setController(controller);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the task panel's layout: " + e.getMessage(), e);
        }
        controller.bind(model, openLog, openWorkLog);
        showing = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.addListener((o, before, now) -> follow(now));
        follow(showing.getValue());
    }

    /**
     * The window's panel: its tasks, and the work another process runs on the engine's catalog,
     * read on the board's beat ({@code live}: no poll of its own), each with its log in the log
     * viewer (followed while it runs); a notification when such work ends.
     */
    public static TaskPane install(TaskList tasks, org.stageboard.ui.LiveBoard live, Stageboard engine, TaskExecutor executor,
                                   Supplier<Window> window) {
        ActiveWork work = ActiveWork.of(engine);
        ElsewhereWork elsewhere = ElsewhereWork.of(work, live, executor);
        TaskToasts.install(elsewhere, window);
        return new TaskPane(new TaskPanelModel(tasks, elsewhere), task -> LogWindow.follow(window.get(), task),
                item -> LogWindow.openWork(window.get(), item.title(), work, item.kind(), item.id(), executor));
    }

    public TaskPanelModel model() {
        return model;
    }

    private void follow(boolean shown) {
        if (shown) {
            model.elsewhere().refresh();
            model.elsewhere().start();
        } else {
            model.elsewhere().stop();
        }
    }
}
