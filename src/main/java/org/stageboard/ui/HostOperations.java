package org.stageboard.ui;

import java.time.Duration;
import java.util.function.Consumer;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.board.HostSlot;
import org.stageboard.ui.task.Outcome;
import org.stageboard.ui.task.StopNote;
import org.stageboard.ui.task.TaskList;
import org.stageboard.ui.task.UiTask;

/**
 * Operating what runs on a host from its slot: stop, start, restart (no new release), a one-off
 * command in the current release, and its logs followed live. Each is a background task; the
 * command's output and the log lines are the task's log (secrets masked by the engine).
 */
public final class HostOperations {

    /** How many of the log's last lines a log view starts with. */
    public static final int LOG_LINES = 200;

    private final Stageboard engine;
    private final TaskList tasks;
    private final Consumer<Notice> notice;
    private final Runnable afterChange;

    HostOperations(Stageboard engine, TaskList tasks, Consumer<Notice> notice, Runnable afterChange) {
        this.engine = engine;
        this.tasks = tasks;
        this.notice = notice;
        this.afterChange = afterChange;
    }

    public UiTask stop(HostSlot slot) {
        return control(slot, "Stop", RunStatus.STOPPED, "stopped", progress -> engine.stop(slot.environment(), slot.host(), Duration.ZERO, progress));
    }

    public UiTask start(HostSlot slot) {
        return control(slot, "Start", RunStatus.LIVE, "live", progress -> engine.start(slot.environment(), slot.host(), Duration.ZERO, progress));
    }

    public UiTask restart(HostSlot slot) {
        return control(slot, "Restart", RunStatus.LIVE, "live again",
                progress -> engine.restart(slot.environment(), slot.host(), Duration.ZERO, progress));
    }

    /** Runs {@code command} in the current release on the slot's host; its output is the task's log. */
    public UiTask exec(HostSlot slot, String command) {
        String where = slot.environment().name() + " on " + slot.host().name();
        return tasks.start("Run '" + command + "' in " + where,
                new StopNote("A command is running on " + slot.host().name() + ".", "The command is stopped on the host."),
                progress -> engine.exec(slot.environment(), slot.host(), command, progress::log, progress),
                exit -> exit == 0 ? Outcome.ok("exit code 0") : Outcome.failed("exit code " + exit),
                exit -> notice.accept(exit == 0 ? Notice.info("'" + command + "' finished on " + slot.host().name() + " (exit code 0).")
                        : Notice.error("'" + command + "' exited with code " + exit + " on " + slot.host().name() + "; its output is in the task's log.")),
                this::failed);
    }

    /** Follows the app's logs on the slot's host until cancelled (closing the log view cancels it). */
    public UiTask followLogs(HostSlot slot) {
        return tasks.start("Logs of " + slot.environment().name() + " on " + slot.host().name(),
                new StopNote("A log is being followed on " + slot.host().name() + ".", "Following stops; nothing changes on the host."),
                progress -> {
                    engine.logs(slot.environment(), slot.host(), null, LOG_LINES, true, progress::log, progress);
                    return Boolean.TRUE;
                }, done -> Outcome.ok("log closed"), done -> { }, this::failed);
    }

    private UiTask control(HostSlot slot, String verb, RunStatus success, String word, java.util.function.Function<org.stageboard.core.Progress, Run> work) {
        String where = slot.environment().name() + " on " + slot.host().name();
        return tasks.start(verb + " " + where,
                new StopNote("A " + verb.toLowerCase() + " is running on " + slot.host().name() + ".", "The lock is released."),
                work, run -> run.status() == success ? Outcome.ok(run.status().label())
                        : run.status() == RunStatus.CANCELLED ? Outcome.cancelled("cancelled") : Outcome.failed(run.status().label()),
                run -> {
                    String first = MainViewModel.firstLine(run.message());
                    notice.accept(run.status() == success ? Notice.info(where + ": " + word + (first.isEmpty() ? "." : " — " + first))
                            : run.status() == RunStatus.APP_DOWN ? Notice.error(where + ": app down — " + first)
                            : Notice.warning(where + ": " + run.status().label() + (first.isEmpty() ? "." : " — " + first)));
                    afterChange.run();
                }, this::failed);
    }

    private void failed(Throwable error) {
        notice.accept(Notice.error(ErrorText.of(error)));
        afterChange.run();
    }
}
