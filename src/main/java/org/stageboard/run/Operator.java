package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Masker;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.SshTarget;

/**
 * Operates on the release {@code current} points to on one host, with the run settings stored in
 * its folder: stop, start and restart (under the environment's lock, each recorded in the host's
 * ledger), a one-off command in its folder with its config, and its logs. No new release is made;
 * what a rollback goes back to is not changed ({@link RollbackTarget} reads only activations).
 * The calls that start, stop and check the app ({@link Instances}, {@link HealthCheck}) are kept
 * in {@link #startApp}, {@link #stopApp} and {@link #awaitHealth}.
 */
final class Operator {

    /** How long a one-off command may run. */
    static final Duration EXEC_TIMEOUT = Duration.ofHours(24);
    /** Following logs ends when cancelled; this only bounds a forgotten follow. */
    static final Duration FOLLOW_TIMEOUT = Duration.ofDays(30);
    private static final int LOG_TAIL_LINES = 20;
    private static final int DEFAULT_GRACE_SECONDS = 10;

    private final SshTarget target;
    private final String baseDir;

    Operator(SshTarget target, String baseDir) {
        this.target = target;
        this.baseDir = baseDir;
    }

    /** What a locked operation does once connected, locked and current read; returns its result. */
    private interface Body {
        DeployResult run(RemoteShell shell, RemoteLayout layout, ReleaseFolders.Current current, RunSettings run, Masker masker,
                         Progress progress);
    }

    DeployResult stop(Operation op, Duration lockWait, Progress progress) {
        return locked(op, "stop", lockWait, progress, (shell, layout, current, run, masker, p) -> {
            p.step("stop " + name(current));
            String what = stopApp(shell, layout, run);
            return new DeployResult(RunStatus.STOPPED, name(current) + " is stopped on " + target.display() + " (" + what
                    + "). Start it again with start or restart; a deploy starts its release too.", current.folder());
        });
    }

    DeployResult start(Operation op, Duration lockWait, Progress progress) {
        return locked(op, "start", lockWait, progress, (shell, layout, current, run, masker, p) -> {
            List<org.stageboard.core.InstanceState> running = Instances.read(shell, layout).stream()
                    .filter(org.stageboard.core.InstanceState::alive).toList();
            if (!running.isEmpty()) {
                int planned = Instances.plan(shell, layout, layout.current(), run).size();
                String which = String.join(", ", running.stream().map(i -> i.name() + " (pid " + i.pid() + ")").toList());
                if (running.size() < planned) {
                    return new DeployResult(RunStatus.FAILED, name(current) + " partly runs on " + target.display() + " (" + which
                            + "; " + planned + " instances expected): not started again. Restart it to start every instance afresh.",
                            current.folder());
                }
                p.log(name(current) + " already runs (" + which + "): not started again");
                p.step("health check");
                HealthProbe.Answer answer = HealthCheck.once(shell, layout, run);
                if (answer.healthy()) {
                    return new DeployResult(RunStatus.LIVE, name(current) + " already runs on " + target.display()
                            + " and is healthy.", current.folder());
                }
                return new DeployResult(RunStatus.FAILED, name(current) + " already runs on " + target.display() + " (" + which
                        + ") but is not healthy: " + answer.summary() + ". Restart it to start it afresh.",
                        current.folder(), evidence(shell, layout, answer.evidence(), masker, p));
            }
            return startAndCheck(shell, layout, current, run, masker, p, "started");
        });
    }

    DeployResult restart(Operation op, Duration lockWait, Progress progress) {
        return locked(op, "restart", lockWait, progress, (shell, layout, current, run, masker, p) -> {
            // Should this restart die between its stop and its start, the host starts the release again by itself.
            HostGuard guard = armGuard(shell, layout, current, run, op.actor(), p);
            DeployResult result;
            try {
                p.step("stop " + name(current));
                p.log(name(current) + ": " + stopApp(shell, layout, run));
                result = startAndCheck(shell, layout, current, run, masker, p, "restarted");
            } catch (RuntimeException e) {
                // Cancelled or failed while this run still speaks: it reports the host's state itself; the guard is not needed.
                if (guard != null) {
                    try {
                        guard.disarm(shell);
                    } catch (RuntimeException ignored) {
                        // the connection is gone: the guard stays armed and acts once the tether is gone (or the heartbeat stopped)
                    }
                }
                throw e;
            }
            if (guard != null && !guard.disarm(shell)) {
                HostGuard.Restored restored = guard.awaitRestore(shell);
                restored.log().lines().forEach(line -> p.log("guard: " + line));
                // Started by the guard, not checked by this run: not called live.
                return new DeployResult(restored.ok() ? RunStatus.FAILED : RunStatus.APP_DOWN, "The host's guard had found this "
                        + "restart gone (" + HostGuard.signsOfDeath() + ") and started " + name(current) + " again itself" + (restored.ok()
                        ? " (its health not checked by this run): read the host's state." : ", which failed: read the host's state."),
                        current.folder());
            }
            return result;
        });
    }

    /** Arms the host's guard over a stop and start of the current release ({@link HostGuard}); null when it cannot be armed (logged). */
    private static HostGuard armGuard(RemoteShell shell, RemoteLayout layout, ReleaseFolders.Current current, RunSettings run,
                                      String actor, Progress progress) {
        try {
            HostGuard guard = HostGuard.arm(shell, layout, current.link(),
                    name(current), run, Instances.plan(shell, layout, layout.current(), run), new HostGuard.Guarded(
                            actor + "'s restart of " + name(current), "between stopping and starting " + name(current), true,
                            current.identity() == null ? null : current.identity().catalog(), current, null));
            if (guard.untethered() != null) {
                progress.log("the host's guard has no tether (" + guard.untethered() + "): it watches the lock's heartbeat alone");
            }
            progress.log("guard armed: should this restart die before its start, the host starts " + name(current)
                    + " again by itself " + guard.whenItActs());
            return guard;
        } catch (org.stageboard.ssh.ConnectionLostException lost) {
            throw lost;
        } catch (RuntimeException e) {
            progress.log("the host's guard could not be armed (" + e.getMessage() + "): should this restart die halfway, the app "
                    + "stays stopped until someone starts it");
            return null;
        }
    }

    /** Starts the current release and waits for its health; an app that does not become healthy is stopped again. */
    private DeployResult startAndCheck(RemoteShell shell, RemoteLayout layout, ReleaseFolders.Current current, RunSettings run,
                                       Masker masker, Progress progress, String verb) {
        progress.step("start " + name(current));
        List<Instances.Started> started;
        try {
            started = startApp(shell, layout, run, name(current), progress);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            return new DeployResult(RunStatus.APP_DOWN, name(current) + " could not be started on " + target.display() + ": "
                    + e.getMessage() + " No app runs there now.", current.folder(), evidence(shell, layout, null, masker, progress));
        }
        String pids = String.join(", ", started.stream().map(x -> x.instance().name() + " (pid " + x.pid() + ")").toList());
        progress.log("started " + name(current) + " as " + pids);
        progress.step("health check");
        HealthCheck.Outcome health;
        try {
            health = awaitHealth(shell, layout, run, started, progress);
        } catch (CancelledException e) {
            return new DeployResult(RunStatus.CANCELLED, "Cancelled while waiting for the health of " + name(current) + " on "
                    + target.display() + ": it was started (" + pids + ") and runs on, unchecked.", current.folder());
        }
        if (health.healthy()) {
            return new DeployResult(RunStatus.LIVE, name(current) + " " + verb + " on " + target.display() + " and healthy.",
                    current.folder());
        }
        String evidence = evidence(shell, layout, health.evidence(), masker, progress);
        String stopped = stopApp(shell, layout, run);
        return new DeployResult(RunStatus.APP_DOWN, name(current) + " was " + verb + " on " + target.display()
                + " but is not healthy: " + health.detail() + ". It was stopped again (" + stopped + "): no app runs there now. "
                + "Read its logs, then fix the config and restart, or deploy or roll back.", current.folder(), evidence);
    }

    /**
     * Runs {@code command} in the current release's folder with its {@code .env} exported; each
     * output line (masked) goes to {@code output} as it comes. Returns the exit code.
     */
    int exec(Operation op, String command, Consumer<String> output, Progress progress) {
        if (command == null || command.isBlank()) {
            throw new StageboardException("The command is empty: give the command to run in the current release, e.g. 'bin/migrate'.");
        }
        Masker masker = new Masker(op.secretValues());
        progress.step("connect to " + target.display());
        try (HostConnection connection = new HostConnection(target, progress)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, op.project(), op.environment());
            ReleaseFolders.Current current = requireCurrent(shell, layout, op);
            progress.step("run in " + current.folder() + ": " + masker.mask(command.strip()));
            FolderCommand run = FolderCommand.run(shell, layout.current(), true, command, EXEC_TIMEOUT, masker, output);
            progress.log("exit " + run.exitCode());
            return run.exitCode();
        }
    }

    /**
     * The last {@code lines} lines of the app's logs (of {@code instance}, e.g. {@code web.1}, or all),
     * then with {@code follow} new lines as they are written, until cancelled (then it returns).
     * Lines are masked, and prefixed with the instance when several logs are shown.
     */
    void logs(Operation op, String instance, int lines, boolean follow, Consumer<String> output, Progress progress) {
        if (lines < 0) {
            throw new StageboardException("The number of log lines cannot be negative.");
        }
        Masker masker = new Masker(op.secretValues());
        progress.step("connect to " + target.display());
        try (HostConnection connection = new HostConnection(target, progress)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, op.project(), op.environment());
            List<LogFile> files = logFiles(shell, layout, instance, op);
            progress.step((follow ? "follow " : "read ") + (files.size() == 1 ? files.get(0).path() : files.size() + " logs"));
            boolean prefix = files.size() > 1;
            StringBuilder script = new StringBuilder("cd " + q(layout.envDir()) + " || exit 1\n");
            for (LogFile file : files) {
                String tail = "tail -n " + lines + (follow ? " -F " : " ") + q(file.path()) + " 2>/dev/null";
                String line = prefix ? tail + " | while IFS= read -r l || [ -n \"$l\" ]; do printf '%s | %s\\n' " + q(file.instance())
                        + " \"$l\"; done" : tail;
                script.append(follow ? "( " + line + " ) &\n" : line + "\n");
            }
            script.append(follow ? "wait\n" : "true\n");
            try {
                FolderCommand.run(shell, layout.envDir(), false, script.toString(), follow ? FOLLOW_TIMEOUT : RemoteShell.SHORT,
                        masker, output);
            } catch (CancelledException e) {
                if (!follow) {
                    throw e;
                }
                progress.log("stopped following");
            }
        }
    }

    /** One log file of the app: the instance it belongs to and its path relative to the environment's folder. */
    record LogFile(String instance, String path) {
    }

    /**
     * The app's log files: one per instance under {@code shared/log/<type>.<i>.log} when there
     * are any, else {@code logs/app.log} (one process).
     */
    static List<LogFile> logFiles(RemoteShell shell, RemoteLayout layout, String instance, Operation op) {
        String out = shell.check("Listing the app's logs", "cd " + q(layout.envDir()) + " 2>/dev/null || exit 0\n"
                + "for f in shared/log/*.log; do [ -f \"$f\" ] && echo \"$f\"; done; [ -f logs/app.log ] && echo logs/app.log; true");
        List<LogFile> perInstance = new ArrayList<>();
        LogFile single = null;
        for (String path : out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            if (path.equals("logs/app.log")) {
                single = new LogFile("app", path);
            } else {
                String name = path.substring(path.lastIndexOf('/') + 1);
                perInstance.add(new LogFile(name.substring(0, name.length() - ".log".length()), path));
            }
        }
        List<LogFile> all = perInstance.isEmpty() ? (single == null ? List.of() : List.of(single)) : perInstance;
        if (all.isEmpty()) {
            throw new StageboardException("There are no app logs for " + op.project() + "/" + op.environment() + " on "
                    + target(shell) + " yet: the app has not been started there.");
        }
        if (instance == null || instance.isBlank()) {
            return all;
        }
        List<LogFile> chosen = all.stream().filter(f -> f.instance().equals(instance.strip())).toList();
        if (chosen.isEmpty() && perInstance.isEmpty()) {
            return all; // one process, one log: every instance name means it
        }
        if (chosen.isEmpty()) {
            throw new StageboardException("There is no log of " + instance + " on " + target(shell) + ": the instances with logs are "
                    + String.join(", ", all.stream().map(LogFile::instance).toList()) + ".");
        }
        return chosen;
    }

    private static String target(RemoteShell shell) {
        return shell.host();
    }

    /**
     * Connects, takes the lock, reads current (none: FAILED, nothing done), runs {@code body},
     * records a ledger line of {@code kind} and unlocks. Errors before the lock is held throw.
     */
    private DeployResult locked(Operation op, String kind, Duration lockWait, Progress progress, Body body) {
        Masker masker = new Masker(op.secretValues());
        Progress masked = masker.wrap(progress);
        masked.step("connect to " + target.display());
        try (HostConnection connection = new HostConnection(target, progress)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, op.project(), op.environment());
            progress.checkCancelled();
            masked.step("lock " + op.project() + "/" + op.environment());
            RemoteLock lock = RemoteLock.acquire(shell, layout, op.actor(), kind, lockWait, progress);
            ReleaseFolders.Current current = null;
            DeployResult result;
            try {
                current = ReleaseFolders.current(shell, layout);
                if (current.folder() == null) {
                    result = new DeployResult(RunStatus.FAILED, "Nothing is deployed in " + op.project() + "/" + op.environment()
                            + " on " + target.display() + ": nothing to " + kind + ". Deploy a release first.", null);
                } else {
                    RunSettings run = StoredRunSettings.fromJson(current.runSettingsJson(), null);
                    if (run == null) {
                        throw new StageboardException("releases/" + current.folder() + " has no readable run settings ("
                                + StoredRunSettings.FILE + "): it was not made by this Stageboard. Deploy a release to " + kind + " it");
                    }
                    result = body.run(shell, layout, current, run, masker, masked);
                }
            } catch (CancelledException e) {
                result = new DeployResult(RunStatus.CANCELLED, "Cancelled: " + kind + " of " + (current == null ? "the current release"
                        : name(current)) + " on " + target.display() + " was stopped halfway; read the host's state.",
                        current == null ? null : current.folder());
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                result = new DeployResult(RunStatus.FAILED, masker.mask(message) + (message.endsWith(".") ? "" : ".")
                        + " Read the host's state to see whether the app runs.", current == null ? null : current.folder());
            }
            finish(connection, layout, op, kind, current, result, lock, masked);
            return result;
        }
    }

    /** Records the operation in the ledger (unless nothing was current) and releases the lock; failures are logged. */
    private static void finish(HostConnection connection, RemoteLayout layout, Operation op, String kind, ReleaseFolders.Current current,
                               DeployResult result, RemoteLock lock, Progress progress) {
        RemoteShell shell;
        try {
            shell = connection.recoveryShell();
        } catch (RuntimeException e) {
            lock.abandon();
            progress.log("the connection could not be opened again to record the " + kind + " and release the lock ("
                    + e.getMessage() + "); the lock will show as stale.");
            return;
        }
        if (current != null && current.folder() != null) {
            try {
                progress.step("record in ledger");
                Ledger.append(shell, layout, Ledger.entry(op.actor(), current.identity(), current.releaseJson(), current.folder(), kind,
                        result.status().name(), result.message()));
            } catch (RuntimeException e) {
                progress.log("could not record the " + kind + " in the host's ledger: " + e.getMessage());
            }
        }
        try {
            progress.step("unlock");
            lock.release(shell);
        } catch (RuntimeException e) {
            lock.abandon();
            progress.log("could not release the lock: " + e.getMessage() + " It will show as stale; break it explicitly.");
        }
    }

    private static ReleaseFolders.Current requireCurrent(RemoteShell shell, RemoteLayout layout, Operation op) {
        ReleaseFolders.Current current = ReleaseFolders.current(shell, layout);
        if (current.folder() == null) {
            throw new StageboardException("Nothing is deployed in " + op.project() + "/" + op.environment() + " on " + shell.host()
                    + ": there is no current release to run the command in. Deploy a release first.");
        }
        return current;
    }

    private static String name(ReleaseFolders.Current current) {
        return current.label() == null ? current.folder() : current.label() + " (" + current.folder() + ")";
    }

    // The calls that act on the app process, kept here so the process model can change in one place.

    /** Stops every instance the host records (and their supervision); says what happened. */
    static String stopApp(RemoteShell shell, RemoteLayout layout, RunSettings run) {
        return Instances.stopAll(shell.uncancellable(), layout, run == null ? DEFAULT_GRACE_SECONDS : run.stopGraceSeconds());
    }

    /** Starts every instance of the release {@code current} points to, under its supervision. */
    static List<Instances.Started> startApp(RemoteShell shell, RemoteLayout layout, RunSettings run, String label, Progress progress) {
        return Instances.startAll(shell, layout, run, label, progress);
    }

    static HealthCheck.Outcome awaitHealth(RemoteShell shell, RemoteLayout layout, RunSettings run, List<Instances.Started> started,
                                           Progress progress) {
        return HealthCheck.awaitAll(shell, layout, run, started, progress);
    }

    /** The health answer and the app's last log lines, masked, also logged; or null. */
    private static String evidence(RemoteShell shell, RemoteLayout layout, String healthEvidence, Masker masker, Progress progress) {
        StringBuilder text = new StringBuilder();
        if (healthEvidence != null && !healthEvidence.isBlank()) {
            text.append("last answer: ").append(healthEvidence.strip()).append('\n');
        }
        try {
            String tail = Instances.logTail(shell.uncancellable(), layout, null, LOG_TAIL_LINES);
            for (String line : tail.lines().toList()) {
                if (line.startsWith("@@log ")) {
                    text.append("last lines of shared/log/").append(line.substring(6)).append(":\n");
                } else {
                    text.append("  ").append(line).append('\n');
                }
            }
        } catch (RuntimeException e) {
            text.append("the app's logs under shared/log could not be read: ").append(e.getMessage()).append('\n');
        }
        String masked = masker.mask(text.toString()).strip();
        masked.lines().forEach(progress::log);
        return masked.isEmpty() ? null : masked;
    }
}
