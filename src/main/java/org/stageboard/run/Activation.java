package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.stageboard.core.Masker;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;

/**
 * The steps of one activation on one host, run while holding the lock: files in place, switch
 * {@code current}, stop the previous app, start the new one, check its health, and on failure
 * go back to the previous release.
 */
final class Activation {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LOG_TAIL_LINES = 20;

    private final RemoteShell shell;
    private final RemoteLayout layout;
    private final RemoteRelease release;
    private final Progress progress;
    private String previous;

    Activation(RemoteShell shell, RemoteLayout layout, RemoteRelease release, Progress progress) {
        this.shell = shell;
        this.layout = layout;
        this.release = release;
        this.progress = progress;
    }

    /** The release folder {@code current} pointed to before, once known. */
    String previous() {
        return previous;
    }

    DeployResult run() {
        progress.step("upload artifact");
        ReleaseFolders.ensureArtifact(shell, layout, release, progress);
        progress.checkCancelled();

        progress.step("prepare release folder " + release.releaseName());
        ReleaseFolders.ensureUnpacked(shell, layout, release, progress);
        progress.checkCancelled();

        String previousLink = ReleaseFolders.currentLink(shell, layout);
        previous = ReleaseFolders.releaseName(previousLink);
        Integer previousPid = AppProcess.readPid(shell, layout);
        progress.checkCancelled();

        progress.step("switch current to " + release.releaseName());
        switchCurrent("releases/" + release.releaseName());
        progress.log("current -> releases/" + release.releaseName() + (previous == null ? "" : " (was " + previous + ")"));

        Integer pid = null;
        try {
            if (previousPid != null) {
                progress.step("stop previous app");
                RunSettings previousRun = previous == null ? release.run()
                        : ReleaseFolders.storedRunSettings(shell, layout, previous, release.run());
                progress.log("previous app (pid " + previousPid + "): "
                        + AppProcess.stop(shell, layout, previousPid, previousRun.stopGraceSeconds()));
            }
            progress.step("start " + release.label());
            pid = AppProcess.start(shell, layout, release.run(), release.label());
            progress.log("started " + release.label() + " as pid " + pid);

            progress.step("health check");
            HealthCheck.Outcome health = HealthCheck.await(shell, release.run(), pid, progress);
            if (health.healthy()) {
                return new DeployResult(RunStatus.LIVE, release.label() + " is live on " + shell.host() + ".", previous);
            }
            return rollBack(health.detail(), pid, previousLink);
        } catch (RuntimeException e) {
            if (pid == null) {
                // The start may have launched the app before failing: stop whatever the pidfile now names.
                Integer written = AppProcess.readPid(shell, layout);
                pid = written != null && !written.equals(previousPid) ? written : null;
            }
            return rollBack(e.getMessage(), pid, previousLink);
        }
    }

    private DeployResult rollBack(String failure, Integer failedPid, String previousLink) {
        String failed = release.label() + " failed on " + shell.host() + ": " + failure;
        progress.log(failed);
        logAppTail();
        if (failedPid != null) {
            progress.log("stopping " + release.label() + " (pid " + failedPid + "): "
                    + AppProcess.stop(shell, layout, failedPid, release.run().stopGraceSeconds()));
        }
        if (previous == null || previous.equals(release.releaseName())) {
            progress.step("restore the previous state");
            if (previousLink == null) {
                shell.check("Removing current", "rm -f " + q(layout.current()));
            }
            shell.check("Removing the pidfile", "rm -f " + q(layout.pidFile()));
            String why = previous == null ? "There was no previous release to go back to"
                    : release.releaseName() + " was already the current release, so there is nothing to go back to";
            return new DeployResult(RunStatus.FAILED, failed + ". " + why + ", so no app runs.", previous);
        }

        progress.step("roll back to " + previous);
        switchCurrent(previousLink);
        progress.log("current -> " + previousLink);
        RunSettings previousRun = ReleaseFolders.storedRunSettings(shell, layout, previous, release.run());
        int pid = AppProcess.start(shell, layout, previousRun, previous);
        progress.log("started " + previous + " again as pid " + pid);
        HealthCheck.Outcome health = HealthCheck.await(shell, previousRun, pid, progress);
        if (health.healthy()) {
            return new DeployResult(RunStatus.ROLLED_BACK, failed + ". Rolled back to " + previous + ", which is healthy again.",
                    previous);
        }
        logAppTail();
        return new DeployResult(RunStatus.FAILED, failed + ". Rolled back to " + previous + ", but it is not healthy either: "
                + health.detail() + ".", previous);
    }

    /** Points {@code current} at {@code linkTarget} with one rename, so it is never missing or half-made. */
    private void switchCurrent(String linkTarget) {
        String temp = layout.envDir() + "/.current-" + HexFormat.of().formatHex(randomBytes());
        shell.check("Switching current", "ln -s " + q(linkTarget) + " " + q(temp) + " && mv -T " + q(temp) + " " + q(layout.current())
                // The folder's time says when it was last activated; pruning keeps the most recent.
                + " && touch " + q(layout.current() + "/."));
    }

    /** The app's last log lines, with config values masked: an app may print its own secrets. */
    private void logAppTail() {
        Masker masker = new Masker(release.env() == null ? java.util.List.of() : release.env().values());
        String tail = AppProcess.logTail(shell, layout, LOG_TAIL_LINES);
        if (tail.isBlank()) {
            progress.log("logs/app.log is empty");
            return;
        }
        progress.log("last lines of logs/app.log:");
        for (String line : tail.split("\n")) {
            progress.log("  " + masker.mask(line));
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
