package org.stageboard.ui.task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Window;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStep;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.log.LogSource;
import org.stageboard.ui.log.LogViewer;

/** Opens the log viewer ({@link LogViewer}) for a running task, a log file, or a build with its steps. */
public final class LogWindow {

    private final LogViewer viewer;

    private LogWindow(LogViewer viewer) {
        this.viewer = viewer;
    }

    /** Follows a running task's log lines. */
    public static LogWindow follow(Window owner, UiTask task) {
        return new LogWindow(LogViewer.follow(owner, task));
    }

    /** Shows a log file (a run's recorded log), read in the background. */
    public static LogWindow open(Window owner, String title, Path file, TaskExecutor executor) {
        return new LogWindow(LogViewer.open(owner, title, List.of(new LogSource("log", file)), executor));
    }

    /** Shows a build's whole log, with a chooser for each step's own log. */
    public static LogWindow openBuild(Window owner, String title, Build build, Stageboard engine, TaskExecutor executor) {
        return new LogWindow(LogViewer.open(owner, title, () -> sources(build, engine.buildSteps(build)), executor));
    }

    /** The whole build first, then each step that has a log of its own. */
    static List<LogSource> sources(Build build, List<BuildStep> steps) {
        List<LogSource> sources = new ArrayList<>();
        if (build.log() != null) {
            sources.add(new LogSource("whole build #" + build.number(), build.log()));
        }
        for (BuildStep step : steps) {
            if (step.log() != null) {
                sources.add(new LogSource(step.position() + " · " + step.name() + " (" + step.status().name().toLowerCase(java.util.Locale.ROOT) + ")", step.log()));
            }
        }
        return sources;
    }

    public LogViewer viewer() {
        return viewer;
    }

    /** Runs {@code action} when the window is closed (e.g. to stop following a log). */
    public LogWindow onClose(Runnable action) {
        viewer.onClose(action);
        return this;
    }
}
