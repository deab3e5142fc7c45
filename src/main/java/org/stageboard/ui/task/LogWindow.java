package org.stageboard.ui.task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Window;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStep;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.ActiveWork;
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

    /**
     * Shows a build's whole log, with a chooser for each step's own log; while the build is queued
     * or running (here or elsewhere), follows the chosen log as it is written until the build ends.
     */
    public static LogWindow openBuild(Window owner, String title, Build build, Stageboard engine, TaskExecutor executor) {
        if (build.status().active()) {
            return openWork(owner, title, ActiveWork.of(engine), ActiveWork.Kind.BUILD, build.id(), executor);
        }
        return new LogWindow(LogViewer.open(owner, title, () -> sources(build, engine.buildSteps(build)), executor));
    }

    /** Shows a run's log; while the run goes on (here or elsewhere), follows it as it is written until the run ends. */
    public static LogWindow openRun(Window owner, String title, Run run, Stageboard engine, TaskExecutor executor) {
        if (run.status() == RunStatus.RUNNING) {
            return openWork(owner, title, ActiveWork.of(engine), ActiveWork.Kind.RUN, run.id(), executor);
        }
        return open(owner, title, run.log(), executor);
    }

    /** Follows the logs of a build or run that has not ended (one started elsewhere, say) until it ends. */
    public static LogWindow openWork(Window owner, String title, ActiveWork work, ActiveWork.Kind kind, long id, TaskExecutor executor) {
        String noun = kind == ActiveWork.Kind.BUILD ? "build " : "run ";
        return new LogWindow(LogViewer.stream(owner, title,
                () -> work.logs(kind, id).stream().map(log -> new LogSource(log.name(), log.file())).toList(),
                () -> work.ended(kind, id).map(ended -> noun + ended.sentence()), executor));
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
