package org.stageboard.run;

import java.time.Duration;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;

/**
 * Waits until the release's app is healthy, as seen from the host: an HTTP URL answering 2xx or a
 * TCP port accepting connections (both through an SSH port forward), or a command exiting 0 in the
 * release folder. Healthy means the answer came while the <em>new</em> process was alive, checked
 * again after the answer, so an old process still holding the port cannot pass for the new app.
 * Gives up early when the app exits; honours cancel between attempts.
 */
final class HealthCheck {

    /** How the wait ended, with the evidence to keep on the run when it failed. */
    record Outcome(boolean healthy, String detail, String evidence) {
    }

    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final Duration LIVENESS_INTERVAL = Duration.ofSeconds(2);

    private HealthCheck() {
    }

    static Outcome await(RemoteShell shell, RemoteLayout layout, RunSettings run, int pid, Progress progress) {
        try (HealthProbe probe = HealthProbe.open(shell, layout, run)) {
            return await(probe, shell, run, pid, progress);
        }
    }

    /** As above, through a probe the caller already opened (one port forward for the whole activation). */
    static Outcome await(HealthProbe probe, RemoteShell shell, RunSettings run, int pid, Progress progress) {
        long deadline = System.nanoTime() + Duration.ofSeconds(run.healthTimeoutSeconds()).toNanos();
        HealthProbe.Answer last = HealthProbe.Answer.none();
        long nextReport = System.nanoTime();
        long nextLivenessCheck = System.nanoTime() + LIVENESS_INTERVAL.toNanos();
        while (true) {
            progress.checkCancelled();
            last = probe.ask();
            if (last.healthy()) {
                // The answer counts only if the new app is still there after it.
                if (AppProcess.isRunning(shell, pid)) {
                    progress.log(probe.what() + " answered: " + last.summary());
                    return new Outcome(true, last.summary(), null);
                }
                return new Outcome(false, probe.what() + " answered (" + last.summary() + "), but the new app (pid " + pid
                        + ") is not running: another process answers there", last.evidence());
            }
            if (last.refusedBySsh()) {
                return new Outcome(false, last.summary(), last.evidence());
            }
            if (System.nanoTime() - nextLivenessCheck >= 0) {
                nextLivenessCheck = System.nanoTime() + LIVENESS_INTERVAL.toNanos();
                if (!AppProcess.isRunning(shell, pid)) {
                    return new Outcome(false, "the app process (pid " + pid + ") exited before " + probe.what()
                            + " was healthy (last: " + last.summary() + ")", last.evidence());
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return new Outcome(false, probe.what() + " was not healthy within " + run.healthTimeoutSeconds()
                        + " s (last: " + last.summary() + ")", last.evidence());
            }
            if (System.nanoTime() - nextReport >= 0) {
                progress.log("waiting for " + probe.what() + ": " + last.summary());
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    /** One quick look, for reading a host's state: healthy or not, and why. */
    static HealthProbe.Answer once(RemoteShell shell, RemoteLayout layout, RunSettings run) {
        try (HealthProbe probe = HealthProbe.open(shell, layout, run)) {
            return probe.ask();
        }
    }
}
