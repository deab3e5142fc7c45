package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Masker;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.ssh.ConnectionLostException;

/**
 * The steps of one activation on one host, run while holding the lock. First, with nothing that
 * serves touched: the artifact and the release folder in place with its shared links, and the
 * before-switch command (its failure ends the run there). Then, all inside the recovery path:
 * stop the previous app, make sure nothing else answers where the app is checked, switch
 * {@code current}, start the new app, check its health, run the after-switch command. Whatever
 * fails or is cancelled there, the host is brought back to the previous release, restarted and healthy; if even that fails the
 * result is {@code APP_DOWN}, saying exactly what the host has.
 */
final class Activation {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LOG_TAIL_LINES = 20;
    /** How long a before- or after-switch command may run. */
    static final java.time.Duration HOOK_TIMEOUT = java.time.Duration.ofMinutes(10);

    private final HostConnection connection;
    private final RemoteLayout layout;
    private final RemoteRelease release;
    private final Progress progress;
    private final Masker masker;
    private String previous;
    /** True once the host's current release was read: only then does a null {@link #previous} mean there was none. */
    private boolean currentRead;
    private String previousLink;
    private Integer previousPid;
    private String previousLabel;
    private boolean previousStopped;
    private boolean switched;
    private List<Instances.Instance> instances;
    private List<Instances.Started> started;
    private long uploaded;
    private String hookEvidence;
    private HostGuard guard;

    Activation(HostConnection connection, RemoteLayout layout, RemoteRelease release, Progress progress) {
        this.connection = connection;
        this.layout = layout;
        this.release = release;
        this.progress = progress;
        this.masker = new Masker(release.secretValues() == null ? java.util.List.of() : release.secretValues());
    }

    /** The release folder {@code current} pointed to before, once known. */
    /**
     * "Nothing was switched: …", saying what the host serves: what it served before, or, when this
     * run read that no release of the environment was current there, nothing.
     */
    String nothingSwitched() {
        return currentRead && previous == null
                ? "Nothing was switched: no release of this environment was current on the host before, and none runs there now."
                : "Nothing was switched: the host serves what it served before.";
    }

    String previous() {
        return previous;
    }

    DeployResult run() {
        RemoteShell shell = connection.shell();
        uploaded = ReleaseFolders.prepare(shell, layout, release, progress);
        progress.checkCancelled();

        ReleaseFolders.Current current = ReleaseFolders.current(shell, layout);
        previousLink = current.link();
        previous = current.folder();
        currentRead = true;
        previousPid = current.pid();
        previousLabel = current.label();
        RunSettings previousRun = previous == null ? release.run() : StoredRunSettings.fromJson(current.runSettingsJson(), release.run());
        if (previous != null && !previous.equals(release.releaseName()) && !release.run().shared().isEmpty()) {
            SharedData.warnings(layout, previous, SharedData.look(shell, layout, layout.release(previous), release.run().shared()))
                    .forEach(progress::log);
        }
        instances = Instances.plan(shell, layout, layout.release(release.releaseName()), release.run());
        progress.checkCancelled();

        String beforeSwitch = release.run().hooks().beforeSwitch();
        if (beforeSwitch != null) {
            progress.step("before-switch command");
            FolderCommand hook = hook(shell, beforeSwitch);
            if (hook.exitCode() != 0) {
                String output = hook.output();
                return new DeployResult(RunStatus.FAILED, "The before-switch command of " + release.label() + " failed on "
                        + connection.display() + " (exit " + hook.exitCode() + "). " + nothingSwitched(),
                        previous, output.isBlank() ? null : "output of the before-switch command:\n" + output).withUpload(uploaded);
            }
            progress.checkCancelled();
        }
        return switchAndCheck(shell, previousRun).withUpload(uploaded);
    }

    /** A hook in the new release's folder with its config, its output streamed to the log (masked), bounded and cancellable. */
    private FolderCommand hook(RemoteShell shell, String command) {
        progress.log("$ " + masker.mask(command));
        FolderCommand run = FolderCommand.run(shell, layout.release(release.releaseName()), true, command, HOOK_TIMEOUT, masker,
                line -> progress.log("  " + line));
        progress.log("exit " + run.exitCode());
        return run;
    }

    private DeployResult switchAndCheck(RemoteShell shell, RunSettings previousRun) {
        // One probe (one port forward) for the checks before the switch and the health wait after it.
        try (HealthCheck.Probes probes = HealthCheck.Probes.open(shell, layout, release.run(), instances)) {
            return switchAndCheck(shell, previousRun, probes);
        } catch (CancelledException e) {
            return recover("cancelled by the user", true, null);
        } catch (RuntimeException e) {
            return recover(e.getMessage(), false, null);
        }
    }

    private DeployResult switchAndCheck(RemoteShell shell, RunSettings previousRun, HealthCheck.Probes probes) {
        // Before anything that serves is touched: a health check that cannot reach the app would take a good host down.
        for (HealthProbe probe : probes.network()) {
            HealthProbe.Answer reach = probe.ask();
            if (reach.refusedBySsh()) {
                return recover(reach.summary(), false, null);
            }
        }
        if (previous != null && previousLink != null) {
            armGuard(shell, previousRun);
        }
        if (previous != null || previousPid != null) {
            progress.step("stop previous app");
            // What runs is read from the host: the previous release may have had other types and counts.
            String stopped = Instances.stopAll(shell.uncancellable(), layout, previousRun.stopGraceSeconds());
            previousStopped = !stopped.equals(Instances.NOTHING_RECORDED);
            progress.log("previous app" + (previousLabel == null ? "" : " (" + previousLabel + ")") + ": " + stopped);
        }
        for (HealthProbe probe : probes.network()) {
            HealthProbe.Answer occupied = probe.occupied();
            if (occupied.answered() || occupied.healthy()) {
                return recover(probe.what() + " still answers (" + occupied.summary() + ") with no app of "
                        + layout.envDir() + " running: another process holds that port, and it would pass for the new app. "
                        + "Stop it on the host", false, occupied.evidence());
            }
        }
        progress.step("switch current to " + release.releaseName());
        switched = true;
        switchCurrent(shell, "releases/" + release.releaseName());
        progress.log("current -> releases/" + release.releaseName() + (previous == null ? "" : " (was " + previous + ")"));

        progress.step("start " + release.label());
        started = Instances.startAll(shell, layout, release.run(), instances, release.label(), progress);
        progress.log("started " + release.label() + " as " + describe(started));

        progress.step("health check");
        HealthCheck.Outcome health = HealthCheck.awaitAll(probes, shell, layout, release.run(), started, progress);
        if (!health.healthy()) {
            return recover(health.detail(), false, health.evidence());
        }
        String afterSwitch = release.run().hooks().afterSwitch();
        if (afterSwitch != null) {
            progress.step("after-switch command");
            FolderCommand hook = hook(shell, afterSwitch);
            if (hook.exitCode() != 0) {
                hookEvidence = hook.output().isBlank() ? null : "output of the after-switch command:\n" + hook.output();
                return recover("the after-switch command failed (exit " + hook.exitCode() + ")", false, null);
            }
        }
        if (guard != null && !guard.disarm(shell)) {
            return byGuard(shell, release.label() + " went live on " + connection.display() + ", but the host's guard had found this run gone ("
                    + HostGuard.signsOfDeath() + ")", RunStatus.ROLLED_BACK);
        }
        return new DeployResult(RunStatus.LIVE, release.label() + " is live on " + connection.display() + ".", previous);
    }

    /**
     * Leaves the host able to put the previous release back by itself should this run die before
     * it has finished the switch ({@link HostGuard}). A host where that cannot be done is deployed
     * to all the same, with a line in the log saying what is at stake.
     */
    private void armGuard(RemoteShell shell, RunSettings previousRun) {
        try {
            List<Instances.Instance> previousInstances = Instances.plan(shell, layout, layout.release(previous), previousRun);
            guard = HostGuard.arm(shell, layout, previousLink, previousLabel == null ? previous : previousLabel, previousRun,
                    previousInstances);
            if (guard.untethered() != null) {
                progress.log("the host's guard has no tether (" + guard.untethered() + "): it watches the lock's heartbeat alone");
            }
            progress.log("guard armed: should this run die before the switch is done, the host puts "
                    + (previousLabel == null ? previous : previousLabel) + " back by itself " + guard.whenItActs());
        } catch (RuntimeException e) {
            if (e instanceof ConnectionLostException lost) {
                throw lost;
            }
            progress.log("the host's guard could not be armed (" + e.getMessage() + "): should this run die during the switch, the "
                    + "host is left without its app until someone deploys or rolls back");
        }
    }

    /** The guard took over from this run (it was thought dead): waits for it and says what it did. */
    private DeployResult byGuard(RemoteShell shell, String what, RunStatus putBack) {
        HostGuard.Restored restored = guard.awaitRestore(shell);
        guard = null;
        String log = restored.log();
        log.lines().forEach(line -> progress.log("guard: " + line));
        if (restored.ok()) {
            return new DeployResult(putBack, what + ": the host's guard took over and put " + previous + " back, started again.", previous,
                    log.isEmpty() ? null : masker.mask(log));
        }
        return new DeployResult(RunStatus.APP_DOWN, what + ": the host's guard took over to put " + previous + " back, and that failed (exit "
                + restored.exitCode() + "). Read the host's state, then deploy or roll back.", previous, log.isEmpty() ? null : masker.mask(log));
    }

    /**
     * Puts the host back on the previous release, running and healthy; says precisely what it has
     * when it cannot. A connection lost during recovery is opened again once and recovery redone.
     */
    private DeployResult recover(String failure, boolean cancelled, String healthEvidence) {
        try {
            return recoverOnce(failure, cancelled, healthEvidence, false);
        } catch (ConnectionLostException lost) {
            progress.log("the connection was lost while putting the host back (" + lost.getMessage() + "): connecting again");
            return recoverOnce(failure, cancelled, healthEvidence, true);
        }
    }

    private DeployResult recoverOnce(String failure, boolean cancelled, String healthEvidence, boolean lastTry) {
        String what = release.label() + (cancelled ? " was cancelled" : " failed") + " on " + connection.display() + ": " + failure;
        progress.log(what);
        RunStatus ended = cancelled ? RunStatus.CANCELLED : RunStatus.FAILED;
        RemoteShell shell;
        try {
            shell = connection.recoveryShell();
        } catch (RuntimeException e) {
            return new DeployResult(RunStatus.APP_DOWN, what + ". The connection is gone and reconnecting failed (" + e.getMessage()
                    + "), so the host may be left without a running app" + stateWhenLost() + guardWillAct() + ". Read the host's state once it is "
                    + "reachable, then deploy or roll back.", previous, healthEvidence);
        }
        if (guard != null) {
            boolean stillThisRuns;
            try {
                stillThisRuns = guard.disarm(shell);
            } catch (ConnectionLostException lost) {
                if (!lastTry) {
                    throw lost;
                }
                // Still armed: once this run's tether is gone (or its lock heartbeat stopped), the host puts the previous release back.
                return new DeployResult(RunStatus.APP_DOWN, what + ". Then the connection was lost again (" + lost.getMessage() + ")"
                        + stateWhenLost() + guardWillAct() + ". Read the host's state then.", previous, healthEvidence);
            }
            if (!stillThisRuns) {
                return byGuard(shell, what, cancelled ? RunStatus.CANCELLED : RunStatus.ROLLED_BACK);
            }
            guard = null;
        }
        String evidence = evidence(shell, healthEvidence);
        try {
            if (switched) {
                // Whatever of the new release was started, read from the host (a start cut short leaves no list here).
                progress.log("stopping " + release.label() + ": " + Instances.stopAll(shell, layout, release.run().stopGraceSeconds()));
            }
            if (!previousStopped && !switched) {
                return new DeployResult(ended, what + ". " + nothingSwitched(), previous, evidence);
            }
            if (previous == null) {
                progress.step("restore the previous state");
                shell.check("Removing current", "rm -f " + q(layout.current()) + " " + q(layout.pidFile()));
                return new DeployResult(ended, what + ". Nothing ran here before, and nothing runs now.", null, evidence);
            }
            if (previous.equals(release.releaseName())) {
                return restart(shell, what, ended, evidence, release.run(), previousLink,
                        release.releaseName() + " was already the current release; restarted it");
            }
            progress.step("roll back to " + previous);
            RunSettings previousRun = ReleaseFolders.storedRunSettings(shell, layout, previous, release.run());
            return restart(shell, what, cancelled ? RunStatus.CANCELLED : RunStatus.ROLLED_BACK, evidence, previousRun, previousLink,
                    "rolled back to " + previous + (previousLabel == null ? "" : " (" + previousLabel + ")"));
        } catch (ConnectionLostException e) {
            if (!lastTry) {
                throw e;
            }
            return new DeployResult(RunStatus.APP_DOWN, what + ". Then going back failed too (" + e.getMessage()
                    + "): the host may be left without a running app" + stateWhenLost() + ". Read the host's state, then deploy or roll back.",
                    previous, evidence);
        } catch (RuntimeException e) {
            return new DeployResult(RunStatus.APP_DOWN, what + ". Then going back failed too (" + e.getMessage()
                    + "): the host may be left without a running app" + stateWhenLost() + ". Read the host's state, then deploy or roll back.",
                    previous, evidence);
        }
    }

    private DeployResult restart(RemoteShell shell, String what, RunStatus ok, String evidence, RunSettings run, String link,
                                 String action) {
        switchCurrent(shell, link);
        progress.log("current -> " + link);
        List<Instances.Started> again = Instances.startAll(shell, layout, run, previous, progress);
        progress.log("started " + previous + " again as " + describe(again));
        HealthCheck.Outcome health = HealthCheck.awaitAll(shell, layout, run, again, Progress.NONE);
        if (health.healthy()) {
            return new DeployResult(ok, what + ". " + capitalize(action) + ", which serves again and is healthy.", previous, evidence);
        }
        String appLog = evidence(shell, health.evidence());
        return new DeployResult(RunStatus.APP_DOWN, what + ". Host left without a running app: " + action + " (current -> " + link
                + "), but it is not healthy either: " + health.detail() + ".", previous, appLog);
    }

    /** While the guard is armed: what the host will do by itself. */
    private String guardWillAct() {
        return guard == null ? "" : "; the host's guard puts " + previous + " back by itself " + guard.whenItActs();
    }

    private String stateWhenLost() {
        return switched ? " (current was switched to " + release.releaseName() + (started == null ? "" : ", app " + describe(started)) + ")"
                : previousStopped ? " (the previous app " + previous + " was stopped; current still -> " + previous + ")" : "";
    }

    /** Points {@code current} at {@code linkTarget} with one rename, so it is never missing or half-made. */
    private void switchCurrent(RemoteShell shell, String linkTarget) {
        String temp = layout.envDir() + "/.current-" + HexFormat.of().formatHex(randomBytes());
        shell.uncancellable().check("Switching current", "ln -s " + q(linkTarget) + " " + q(temp) + " && mv -T " + q(temp) + " " + q(layout.current())
                // The folder's time says when it was last activated; pruning keeps the most recent.
                + " && touch " + q(layout.current() + "/."));
    }

    /** The health answer and the app's last log lines, with secrets masked and other values readable. */
    private String evidence(RemoteShell shell, String healthEvidence) {
        StringBuilder text = new StringBuilder();
        if (healthEvidence != null && !healthEvidence.isBlank()) {
            text.append("last answer: ").append(healthEvidence.strip()).append('\n');
        }
        try {
            List<String> names = instances == null ? null : instances.stream().map(Instances.Instance::name).toList();
            String tail = Instances.logTail(shell, layout, names, LOG_TAIL_LINES);
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
        if (!masked.isEmpty()) {
            masked.lines().forEach(progress::log);
        }
        // The hook's output (already masked) was streamed to the log as it came: kept here, not logged twice.
        if (hookEvidence != null) {
            masked = (hookEvidence + "\n" + masked).strip();
        }
        return masked.isEmpty() ? null : masked;
    }

    /** {@code pid 12} for one instance, {@code web.1 (pid 12), worker.1 (pid 13)} for several. */
    private static String describe(List<Instances.Started> started) {
        if (started.size() == 1) {
            return "pid " + started.get(0).pid();
        }
        return String.join(", ", started.stream().map(s -> s.instance().name() + " (pid " + s.pid() + ")").toList());
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
