package org.stageboard.run;

import org.stageboard.core.HostState;
import org.stageboard.core.LockInfo;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.HostPlan;
import static org.stageboard.run.RemoteLayout.q;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.ConnectionLostException;
import org.stageboard.ssh.SshTarget;

/**
 * Puts releases to work on one host under {@code <baseDir>/<project>/<environment>/}, and reads
 * what the host has. Used for deploys and rollbacks alike: a rollback activates an older release,
 * reusing its folder and config. Errors before the lock is taken (connection, host key, lock
 * held) throw a {@link StageboardException}; once it is held, every outcome is a result, the
 * ledger records it and the lock is released.
 */
public final class HostRunner {

    private final SshTarget target;
    private final String baseDir;

    public HostRunner(SshTarget target, String baseDir) {
        this.target = target;
        this.baseDir = baseDir;
    }

    /** As {@link #activate(RemoteRelease, String, Duration, Progress)} for a deploy that does not wait for the lock. */
    public DeployResult activate(RemoteRelease release, Progress progress) {
        return activate(release, "deploy", Duration.ZERO, progress);
    }

    /**
     * Connects (host key verified), takes the environment's lock (waiting up to {@code lockWait}),
     * removes leftovers of interrupted runs, puts the artifact and release folder in place (with
     * the shared data linked in), runs the before-switch command, switches {@code current},
     * restarts, checks health, runs the after-switch command, recovers on failure or cancel,
     * writes the ledger, prunes and unlocks. {@code kind} is {@code deploy} or {@code rollback}.
     */
    public DeployResult activate(RemoteRelease release, String kind, Duration lockWait, Progress progress) {
        validate(release);
        progress.step("connect to " + target.display());
        try (HostConnection connection = new HostConnection(target, progress)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, release.project(), release.environment());
            progress.checkCancelled();

            progress.step("lock " + release.project() + "/" + release.environment());
            RemoteLock lock = RemoteLock.acquire(shell, layout, release.actor(), release.label(), lockWait, progress);
            Activation activation = new Activation(connection, layout, release, progress);
            DeployResult result;
            try {
                Housekeeping.tidy(shell, layout, progress);
                result = activation.run();
            } catch (CancelledException e) {
                result = new DeployResult(RunStatus.CANCELLED, "Cancelled before the switch; " + connection.display()
                        + " serves what it served before.", activation.previous());
            } catch (RuntimeException e) {
                result = new DeployResult(RunStatus.FAILED, e.getMessage() + (e.getMessage() != null && e.getMessage().endsWith(".") ? "" : ".")
                        + " " + activation.nothingSwitched(), activation.previous());
            }
            return finish(connection, layout, release, kind, activation.previous(), result, lock, progress);
        }
    }

    private static DeployResult finish(HostConnection connection, RemoteLayout layout, RemoteRelease release, String kind,
                                       String previous, DeployResult result, RemoteLock lock, Progress progress) {
        for (int attempt = 1; ; attempt++) {
            RemoteShell shell;
            try {
                shell = connection.recoveryShell();
            } catch (RuntimeException e) {
                lock.abandon();
                return new DeployResult(result.status(), result.message() + " The connection could not be opened again to record "
                        + "the run in the host's ledger and release the lock (" + e.getMessage() + "); the lock will show as stale.",
                        result.previousRelease(), result.evidence(), result.uploadedBytes());
            }
            try {
                record(shell, layout, release, kind, previous, result, progress);
                progress.step("unlock");
                lock.release(shell);
                return result;
            } catch (ConnectionLostException e) {
                if (attempt >= 2) {
                    lock.abandon();
                    progress.log("could not record the run and release the lock: " + e.getMessage() + " The lock will show as stale.");
                    return result;
                }
                progress.log("the connection was lost after the run (" + e.getMessage() + "): connecting again");
            } catch (RuntimeException e) {
                progress.log("could not release the lock: " + e.getMessage() + " It will show as stale; break it explicitly.");
                lock.abandon();
                return result;
            }
        }
    }

    /** The ledger line, then pruning after a run that left a release serving; a failure here is logged, not fatal. */
    private static void record(RemoteShell shell, RemoteLayout layout, RemoteRelease release, String kind, String previous,
                               DeployResult result, Progress progress) {
        progress.step("record in ledger");
        // The ledger line and the state pruning is decided on, in one command.
        HostState state = HostReader.read(shell, layout, false,
                Ledger.appendScript(layout, Ledger.entry(release, kind, previous, result.status().name(), result.message())));
        if (result.status() == RunStatus.LIVE || result.status() == RunStatus.ROLLED_BACK) {
            progress.step("prune old releases");
            try {
                Housekeeping.prune(shell, layout, state.releases(), release.run().keepReleases(), protect(state, previous), progress);
            } catch (ConnectionLostException e) {
                throw e;
            } catch (RuntimeException e) {
                progress.log("pruning after the run: " + e.getMessage());
            }
        }
    }

    /** Folders pruning never removes: current, the one before, and the rollback target. */
    private static Set<String> protect(HostState state, String previous) {
        Set<String> protect = new LinkedHashSet<>();
        if (state.currentFolder() != null) {
            protect.add(state.currentFolder());
        }
        if (previous != null) {
            protect.add(previous);
        }
        String target = RollbackTarget.choose(state.ledger(), state.currentFolder(), state.releases());
        if (target != null) {
            protect.add(target);
        }
        return protect;
    }

    /** How long a release command may run. */
    public static final Duration RELEASE_COMMAND_TIMEOUT = Duration.ofMinutes(30);

    /**
     * Runs a release's one-off command (e.g. database migrations) on this host before any switch:
     * connects, takes the lock, tidies, makes the release folder ready as an activation does
     * (upload, unpack, shared links; nothing that serves is touched), runs {@code command} there
     * with the release's {@code .env} exported, its output lines masked and logged as they come,
     * records a {@code release-command} ledger line and unlocks. {@code current} is never changed.
     * Failing to prepare the folder throws (after unlocking); a cancel throws {@link CancelledException}
     * once the command was ended.
     */
    public CommandResult releaseCommand(RemoteRelease release, String command, Duration lockWait, Progress progress) {
        validate(release);
        if (command == null || command.isBlank()) {
            throw new StageboardException("The release command is empty: give the command to run once per release, e.g. 'bin/migrate'.");
        }
        org.stageboard.core.Masker masker = new org.stageboard.core.Masker(
                release.secretValues() == null ? List.of() : release.secretValues());
        progress.step("connect to " + target.display());
        try (HostConnection connection = new HostConnection(target, progress)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, release.project(), release.environment());
            progress.checkCancelled();
            progress.step("lock " + release.project() + "/" + release.environment());
            RemoteLock lock = RemoteLock.acquire(shell, layout, release.actor(), release.label(), lockWait, progress);
            String outcome = "FAILED";
            String message = "release command of " + release.label() + " not run";
            try {
                Housekeeping.tidy(shell, layout, progress);
                ReleaseFolders.prepare(shell, layout, release, progress);
                progress.checkCancelled();
                progress.step("release command");
                progress.log("$ " + masker.mask(command.strip()));
                FolderCommand run = FolderCommand.run(shell, layout.release(release.releaseName()), true, command,
                        RELEASE_COMMAND_TIMEOUT, masker, line -> progress.log("  " + line));
                progress.log("exit " + run.exitCode());
                outcome = run.exitCode() == 0 ? "DONE" : "FAILED";
                message = "release command of " + release.label() + " exited " + run.exitCode();
                return new CommandResult(run.exitCode(), run.output());
            } catch (CancelledException e) {
                outcome = "CANCELLED";
                message = "release command of " + release.label() + " cancelled";
                throw e;
            } catch (RuntimeException e) {
                message = "release command of " + release.label() + " not run: " + masker.mask(String.valueOf(e.getMessage()));
                throw e;
            } finally {
                finishCommand(connection, layout, release, outcome, message, lock, progress);
            }
        }
    }

    /** Records the release command's ledger line and unlocks; failures are logged, the lock left stale. */
    private static void finishCommand(HostConnection connection, RemoteLayout layout, RemoteRelease release, String outcome,
                                      String message, RemoteLock lock, Progress progress) {
        try {
            RemoteShell shell = connection.recoveryShell();
            try {
                progress.step("record in ledger");
                Ledger.append(shell, layout, Ledger.entry(release, "release-command", null, outcome, message));
            } catch (RuntimeException e) {
                progress.log("could not record the release command in the host's ledger: " + e.getMessage());
            }
            progress.step("unlock");
            lock.release(shell);
        } catch (RuntimeException e) {
            lock.abandon();
            progress.log("could not release the lock: " + e.getMessage() + " It will show as stale; break it explicitly.");
        }
    }

    /** Stops the app of the release {@code current} points to, under the lock; {@code STOPPED} (ledger kind {@code stop}). */
    public DeployResult stop(Operation op, Duration lockWait, Progress progress) {
        return new Operator(target, baseDir).stop(op, lockWait, progress);
    }

    /**
     * Starts the current release's app under the lock and waits for its health: {@code LIVE}, or
     * {@code APP_DOWN} (stopped again, with evidence) / {@code FAILED} (ledger kind {@code start}).
     */
    public DeployResult start(Operation op, Duration lockWait, Progress progress) {
        return new Operator(target, baseDir).start(op, lockWait, progress);
    }

    /**
     * Re-enters the run stage without a new release, under the lock: stops the current release's
     * app, starts it, checks health; {@code LIVE} or {@code APP_DOWN} with evidence (ledger kind
     * {@code restart}). What a rollback goes back to does not change.
     */
    public DeployResult restart(Operation op, Duration lockWait, Progress progress) {
        return new Operator(target, baseDir).restart(op, lockWait, progress);
    }

    /**
     * A one-off command (an admin process) in the current release's folder with its {@code .env}
     * exported, no lock; stdout and stderr lines (masked) go to {@code output} as they come;
     * returns the exit code. Cancelling {@code progress} ends the command on the host and throws
     * {@link CancelledException}. Not recorded in the host's ledger.
     */
    public int exec(Operation op, String command, java.util.function.Consumer<String> output, Progress progress) {
        return new Operator(target, baseDir).exec(op, command, output, progress);
    }

    /**
     * The last {@code lines} lines of the app's log(s) ({@code instance} e.g. {@code web.1}, or
     * null for all), then with {@code follow} each new line as it is written, until
     * {@code progress} is cancelled (then it returns). Masked; prefixed with the instance when
     * several logs are shown.
     */
    public void logs(Operation op, String instance, int lines, boolean follow, java.util.function.Consumer<String> output,
                     Progress progress) {
        new Operator(target, baseDir).logs(op, instance, lines, follow, output, progress);
    }

    /** What the environment looks like on the host now; with {@code askHealth}, one health answer too. */
    public HostState state(String project, String environment, boolean askHealth) {
        try (HostConnection connection = new HostConnection(target, Progress.NONE)) {
            RemoteShell shell = connection.shell();
            return HostReader.read(shell, RemoteLayout.resolve(shell, baseDir, project, environment), askHealth);
        }
    }

    /**
     * Every entry of the environment's ledger on the host ({@code .stageboard/ledger.jsonl}),
     * oldest first, whichever catalog wrote it; lines that are not entries are skipped. Empty when
     * nothing was deployed there yet.
     */
    public java.util.List<LedgerEntry> ledger(String project, String environment) {
        try (HostConnection connection = new HostConnection(target, Progress.NONE)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, project, environment);
            return Ledger.parse(shell.check("Reading the ledger", Ledger.readCommand(layout)).lines().toList());
        }
    }

    /** Who holds the environment's lock on the host, or null. */
    public LockInfo lock(String project, String environment) {
        try (HostConnection connection = new HostConnection(target, Progress.NONE)) {
            RemoteShell shell = connection.shell();
            return RemoteLock.read(shell, RemoteLayout.resolve(shell, baseDir, project, environment));
        }
    }

    /**
     * Breaks the environment's lock if it is still held by {@code expectedHolder}, and records who
     * broke whose lock in the host's ledger. Returns false when there was no lock any more.
     */
    public boolean breakLock(String project, String environment, String expectedHolder, String actor) {
        try (HostConnection connection = new HostConnection(target, Progress.NONE)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, project, environment);
            boolean broken = RemoteLock.breakLock(shell, layout, expectedHolder);
            if (broken) {
                Ledger.append(shell, layout, new LedgerEntry(java.time.Instant.now(), actor,
                        org.stageboard.core.ProcessIdentity.current().format(), null, "lock", "-", null, null, null, "LOCK_BROKEN",
                        "lock held by " + expectedHolder + " broken by " + actor));
            }
            return broken;
        }
    }

    /**
     * The release folder a rollback would activate, from the host's ledger: the newest release
     * that was live and healthy before the current one and is still on the host; null if none.
     */
    public static String rollbackTarget(HostState state) {
        return RollbackTarget.choose(state.ledger(), state.currentFolder(), state.releases());
    }

    /** What deploying {@code release} would do here; changes nothing on the host. */
    public HostPlan plan(RemoteRelease release) {
        validate(release);
        try (HostConnection connection = new HostConnection(target, Progress.NONE)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, release.project(), release.environment());
            HostState state = HostReader.read(shell, layout, false);
            boolean folderOnHost = state.releases().contains(release.releaseName());
            boolean artifactOnHost = shell.check("Looking for the artifact", "if [ -f " + q(layout.artifact(release.artifactSha256()))
                    + " ]; then echo yes; else echo no; fi").strip().equals("yes");
            long bytes = folderOnHost || artifactOnHost ? 0 : size(release);
            List<String> after = new ArrayList<>();
            after.add(release.releaseName());
            state.releases().stream().filter(name -> !name.equals(release.releaseName())).forEach(after::add);
            Set<String> protect = new LinkedHashSet<>();
            protect.add(release.releaseName());
            if (state.currentFolder() != null) {
                protect.add(state.currentFolder());
            }
            List<String> shared = release.run().shared();
            String running = state.currentFolder() != null && state.currentExists() ? state.currentFolder() : null;
            List<SharedData.Look> looks = SharedData.look(shell, layout, running == null ? null : layout.release(running), shared);
            List<String> warnings = running == null || running.equals(release.releaseName()) ? List.of()
                    : SharedData.warnings(layout, running, looks);
            return new HostPlan(state, release.releaseName(), folderOnHost, artifactOnHost, bytes,
                    Housekeeping.toPrune(after, release.run().keepReleases(), protect), SharedData.planLines(looks), warnings);
        }
    }

    private static long size(RemoteRelease release) {
        try {
            return release.artifactFile() == null ? -1 : Files.size(release.artifactFile());
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void validate(RemoteRelease release) {
        RemoteLayout.checkName("release", release.releaseName());
        RemoteLayout.checkSha256(release.artifactSha256());
        if (release.run() == null) {
            throw new StageboardException("The release " + release.label() + " has no run settings.");
        }
        EnvFile.format(release.env());
    }
}
