package org.stageboard.ui.task;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A notification (ControlsFX {@link Notifications}) each time a task of the window ends (or work started elsewhere that it showed): success
 * or failure in an icon and a word, what finished, and the outcome. It is shown over the window
 * that owns it, and only while that window shows (none while it is hidden or has none, e.g. a
 * test without a stage).
 */
public final class TaskToasts {

    private TaskToasts() {
    }

    /** Shows a notification over the window {@code owner} gives each time a task of the list ends. */
    public static void install(TaskList tasks, Supplier<Window> owner) {
        tasks.onFinished(task -> {
            Window window = owner.get();
            if (task.toast() && window != null && window.isShowing()) {
                show(window, Toast.of(task));
            }
        });
    }

    /** Shows a notification over the window {@code owner} gives each time work started elsewhere ends. */
    public static void install(ElsewhereWork elsewhere, Supplier<Window> owner) {
        elsewhere.onEnded(toast -> {
            Window window = owner.get();
            if (window != null && window.isShowing()) {
                show(window, toast);
            }
        });
    }

    static void show(Window owner, Toast toast) {
        FontIcon icon = new FontIcon(TaskStates.icon(toast.state()));
        icon.setIconSize(28);
        icon.getStyleClass().addAll("toast-icon", TaskStates.styleClass(toast.state()));
        Notifications.create()
                .owner(owner)
                .title(toast.title())
                .text(toast.text())
                .graphic(icon)
                .position(Pos.BOTTOM_LEFT) // over the task titles, away from the Cancel and Log buttons
                .hideAfter(Duration.seconds(toast.state() == TaskState.SUCCEEDED ? 6 : 12))
                .show();
    }
}
