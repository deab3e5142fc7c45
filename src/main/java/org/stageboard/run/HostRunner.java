package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.SshSession;
import org.stageboard.ssh.SshTarget;

/**
 * Puts releases to work on one host under {@code <baseDir>/<project>/<environment>/}. Used for
 * deploys and rollbacks alike: a rollback activates an older release, reusing its folder and config.
 * Errors before anything changed throw a {@link StageboardException}; a failed health check rolls
 * back and is returned as a result, so the host keeps serving its last good release.
 */
public final class HostRunner {

    private final SshTarget target;
    private final String baseDir;

    public HostRunner(SshTarget target, String baseDir) {
        this.target = target;
        this.baseDir = baseDir;
    }

    /**
     * Connects (host key verified), takes the environment's lock, puts the artifact and release
     * folder in place, switches {@code current}, restarts, checks health, rolls back on failure,
     * writes the ledger, prunes old releases and unlocks.
     */
    public DeployResult activate(RemoteRelease release, Progress progress) {
        validate(release);
        progress.step("connect to " + target.display());
        try (SshSession ssh = SshSession.open(target)) {
            RemoteShell shell = new RemoteShell(ssh);
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, release.project(), release.environment());
            progress.checkCancelled();

            progress.step("lock " + release.project() + "/" + release.environment());
            RemoteLock lock = RemoteLock.acquire(shell, layout, release.actor(), release.label());
            Activation activation = new Activation(shell, layout, release, progress);
            DeployResult result = null;
            String failure = null;
            String outcome = "FAILED";
            try {
                result = activation.run();
                outcome = result.status().name();
                return result;
            } catch (CancelledException e) {
                outcome = "CANCELLED";
                failure = e.getMessage();
                throw e;
            } catch (RuntimeException e) {
                failure = e.getMessage();
                throw e;
            } finally {
                finish(shell, layout, release, activation.previous(), result, outcome, failure, lock, progress);
            }
        }
    }

    private static void finish(RemoteShell shell, RemoteLayout layout, RemoteRelease release, String previous, DeployResult result,
                               String outcome, String failure, RemoteLock lock, Progress progress) {
        try {
            progress.step("record in ledger");
            Ledger.append(shell, layout, Ledger.line(release, previous, outcome, result != null ? result.message() : failure));
            if (result != null) {
                progress.step("prune old releases");
                prune(shell, layout, release, previous, progress);
            }
        } catch (RuntimeException e) {
            progress.log("after the run: " + e.getMessage());
        } finally {
            progress.step("unlock");
            try {
                lock.release();
            } catch (RuntimeException e) {
                progress.log("could not release the lock: " + e.getMessage() + " Remove " + layout.lock() + " on the host.");
            }
        }
    }

    /** Keeps the most recently activated {@code keepReleases} folders, and always current and previous. */
    private static void prune(RemoteShell shell, RemoteLayout layout, RemoteRelease release, String previous, Progress progress) {
        String current = ReleaseFolders.releaseName(ReleaseFolders.currentLink(shell, layout));
        List<String> byRecency = ReleaseFolders.byRecency(shell, layout);
        Set<String> keep = new LinkedHashSet<>(byRecency.subList(0, Math.min(release.run().keepReleases(), byRecency.size())));
        if (current != null) {
            keep.add(current);
        }
        if (previous != null) {
            keep.add(previous);
        }
        for (String name : byRecency) {
            if (!keep.contains(name)) {
                shell.check("Removing release " + name, "rm -rf " + q(layout.release(name)));
                progress.log("removed old release folder " + name);
            }
        }
    }

    /** What the environment looks like on the host now. */
    public HostState state(String project, String environment) {
        try (SshSession ssh = SshSession.open(target)) {
            RemoteShell shell = new RemoteShell(ssh);
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, project, environment);
            String current = ReleaseFolders.releaseName(ReleaseFolders.currentLink(shell, layout));
            Integer pid = AppProcess.readPid(shell, layout);
            boolean alive = pid != null && AppProcess.isRunning(shell, pid);
            List<String> releases = ReleaseFolders.byRecency(shell, layout);
            List<String> ledger = shell.check("Reading the ledger", "tail -n 100 " + q(layout.ledger()) + " 2>/dev/null || true").lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            return new HostState(current, pid, alive, releases, ledger);
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
