package org.stageboard.ui;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import org.stageboard.ui.task.TaskList;
import org.stageboard.ui.task.UiTask;

/**
 * Closing the window while work runs: ask first, naming the work and what stopping it does; on
 * yes, cancel the work and close once it has finished, without blocking the UI thread.
 */
public final class CloseGuard {

    private final TaskList tasks;
    private final ReadOnlyBooleanWrapper finishing = new ReadOnlyBooleanWrapper();

    CloseGuard(TaskList tasks) {
        this.tasks = tasks;
    }

    /** True from "stop and close" until the window closes: the running work is finishing. */
    public ReadOnlyBooleanProperty finishingProperty() {
        return finishing.getReadOnlyProperty();
    }

    /**
     * The question to ask before closing, e.g. "A deploy is running on vps1. Stop it and close?
     * The host is put back and the lock released."; empty when nothing runs.
     */
    public Optional<String> question() {
        List<UiTask> running = tasks.running();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        running.forEach(t -> text.append(t.stopNote().running()).append(' '));
        text.append(running.size() == 1 ? "Stop it and close?" : "Stop them and close?");
        running.stream().map(t -> t.stopNote().whenStopped()).distinct().forEach(s -> text.append(' ').append(s));
        return Optional.of(text.toString());
    }

    /** Cancels the running work and calls {@code close} (on the UI thread) once all of it has finished. */
    public void stopThenClose(Runnable close) {
        finishing.set(true);
        tasks.cancelAll();
        if (tasks.runningProperty().get() == 0) {
            close.run();
            return;
        }
        tasks.runningProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number before, Number now) {
                if (now.intValue() == 0) {
                    tasks.runningProperty().removeListener(this);
                    close.run();
                }
            }
        });
    }
}
