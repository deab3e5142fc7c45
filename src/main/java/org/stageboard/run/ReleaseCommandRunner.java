package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.time.Duration;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.ExecResult;
import org.stageboard.ssh.SshTarget;

/**
 * TODO-merge: stands in for {@code HostRunner.releaseCommand(RemoteRelease, String, Duration,
 * Progress)} and {@code run.CommandResult}, written by helper ops in parallel, with the same
 * signature; replaced by them on merge (the only caller is {@code pipeline.ReleaseCommandStage}).
 * Runs a release's one-off command on the host: takes the environment's lock, puts the release
 * folder in place (nothing that serves is touched, {@code current} is not switched), runs the
 * command there with the release's {@code .env} exported, and unlocks.
 */
public final class ReleaseCommandRunner {

    /** How a command ended: its exit code and its output (stdout and stderr together). */
    public record CommandResult(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final SshTarget target;
    private final String baseDir;

    public ReleaseCommandRunner(SshTarget target, String baseDir) {
        this.target = target;
        this.baseDir = baseDir;
    }

    public CommandResult releaseCommand(RemoteRelease release, String command, Duration lockWait, Progress progress) {
        RemoteLayout.checkName("release", release.releaseName());
        RemoteLayout.checkSha256(release.artifactSha256());
        if (command == null || command.isBlank()) {
            throw new StageboardException("The release command is empty.");
        }
        progress.step("connect to " + target.display());
        try (HostConnection connection = new HostConnection(target, progress)) {
            RemoteShell shell = connection.shell();
            RemoteLayout layout = RemoteLayout.resolve(shell, baseDir, release.project(), release.environment());
            progress.step("lock " + release.project() + "/" + release.environment());
            RemoteLock lock = RemoteLock.acquire(shell, layout, release.actor(), release.label(), lockWait, progress);
            try {
                if (!ReleaseFolders.folderReady(shell, layout, release)) {
                    progress.step("upload artifact");
                    long uploaded = ReleaseFolders.ensureArtifact(shell, layout, release, progress);
                    progress.checkCancelled();
                    progress.step("prepare release folder " + release.releaseName());
                    ReleaseFolders.unpack(shell, layout, release, uploaded > 0, progress);
                }
                progress.checkCancelled();
                progress.step("release command: " + command);
                ExecResult result = shell.run("cd " + q(layout.release(release.releaseName()))
                        + " && set -a && . ./.env && set +a && sh -c " + q(command) + " 2>&1", RemoteShell.LONG);
                String output = result.stdout();
                for (String line : output.split("\r?\n")) {
                    if (!line.isEmpty()) {
                        progress.log(line);
                    }
                }
                return new CommandResult(result.exitCode(), output);
            } finally {
                progress.step("unlock");
                lock.release(connection.recoveryShell());
            }
        }
    }
}
