package org.stageboard.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.CancelledException;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Masker;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.release.ConfigService;
import org.stageboard.run.LockHeldException;
import org.stageboard.run.CommandResult;
import org.stageboard.run.HostRunner;
import org.stageboard.ssh.HostKeyException;

/**
 * A release's one-off command (e.g. database migrations), run once per release on the first host
 * of a deploy, in the new release's folder with its config, before any host is switched; recorded
 * as a run of kind {@code RELEASE_COMMAND} with its output (secrets masked) as the run's message
 * and log. A later deploy of the same release does not run it again once it succeeded.
 */
final class ReleaseCommandStage {

    /** What happened to the release command in this deploy: its run (null when not run), a note, and whether the deploy may go on. */
    record Outcome(Run run, String note, boolean proceed) {
    }

    private static final int MESSAGE_LIMIT = 3900;

    private final Catalog catalog;
    private final StageboardHome home;
    private final ConfigService configs;
    private final RunStage runStage;

    ReleaseCommandStage(Catalog catalog, StageboardHome home, ConfigService configs, RunStage runStage) {
        this.catalog = catalog;
        this.home = home;
        this.configs = configs;
        this.runStage = runStage;
    }

    /**
     * The release's command: its hooks' release command, else the {@code release:} line of its
     * process list, else (when the environment has no process list) of the {@code Procfile} in its
     * artifact; null when none.
     */
    String command(Release release) {
        String command = release.run().hooks().releaseCommand();
        if (command != null) {
            return command;
        }
        if (!release.run().processes().procfile().isEmpty()) {
            return release.run().processes().releaseCommand(null);
        }
        String procfile = catalog.artifacts().find(release.artifactSha256()).map(a -> a.file())
                .filter(java.nio.file.Files::isRegularFile)
                .flatMap(file -> org.stageboard.build.ArtifactEntries.text(file, "Procfile")).orElse(null);
        return procfile == null ? null : release.run().processes().releaseCommand(procfile);
    }

    Outcome runOnce(Release release, Host host, Duration lockWait, String actor, RolloutProgress progress) {
        String command = command(release);
        if (command == null) {
            return new Outcome(null, null, true);
        }
        Run done = catalog.runs().lastSucceeded(release.id(), RunKind.RELEASE_COMMAND).orElse(null);
        if (done != null) {
            String note = "The release command of " + release.label() + " already succeeded (run " + done.id() + ", "
                    + done.startedAt() + "): not run again.";
            progress.log(note);
            return new Outcome(null, note, true);
        }
        progress.started(host, RunKind.RELEASE_COMMAND);
        Run run = run(release, host, command, lockWait, actor, progress.host(host));
        String note = run.status() == RunStatus.LIVE ? null : "The release command " + run.status().label() + " on " + host.name()
                + ": nothing was switched on any host." + (run.log() == null ? "" : " Its output is on run " + run.id() + " (log " + run.log() + ").");
        return new Outcome(run, note, run.status() == RunStatus.LIVE);
    }

    private Run run(Release release, Host host, String command, Duration lockWait, String actor, Progress progress) {
        Environment environment = catalog.environments().get(release.environmentId());
        Project project = catalog.projects().get(environment.projectId());
        ConfigVersion config = configs.get(release.configVersionId());
        Masker masker = new Masker(config.secretValues());
        Path log = home.runLogsDir().resolve(project.name())
                .resolve(environment.name() + "-" + host.name() + "-release-command-" + System.currentTimeMillis() + ".log");
        Run run = catalog.runs().start(release.id(), host.id(), RunKind.RELEASE_COMMAND, log, actor);
        Progress logged = masker.wrap(new RunLogProgress(log, progress));
        logged.step("release command of " + release.label() + " on " + host.name() + " (" + host.display() + "), before any host is switched");
        RunStatus status;
        String message;
        try {
            CommandResult result = new HostRunner(runStage.target(host), host.baseDir())
                    .releaseCommand(runStage.remoteRelease(release, project, config, actor), command, lockWait, logged);
            status = result.exitCode() == 0 ? RunStatus.LIVE : RunStatus.FAILED;
            String output = result.output() == null ? "" : result.output().strip();
            message = "The release command '" + command + "' " + (result.exitCode() == 0 ? "succeeded" : "failed with exit " + result.exitCode())
                    + " on " + host.name() + (result.exitCode() == 0 ? "." : "; nothing was switched on any host.")
                    + (output.isEmpty() ? "" : " Output:\n" + tail(output));
            message = masker.mask(message);
        } catch (HostKeyException e) {
            status = RunStatus.FAILED;
            message = RunStage.hostKeyMessage(host, e);
        } catch (LockHeldException e) {
            status = RunStatus.FAILED;
            message = masker.mask(RunStage.lockMessage(environment, host, org.stageboard.core.RunKind.RELEASE_COMMAND, e));
        } catch (CancelledException e) {
            status = RunStatus.CANCELLED;
            message = "The release command was cancelled; nothing was switched on any host.";
        } catch (StageboardException e) {
            status = RunStatus.FAILED;
            message = masker.mask("The release command could not run on " + host.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            status = RunStatus.FAILED;
            message = masker.mask("The release command could not run on " + host.name() + ": unexpected error: " + e);
        }
        logged.log("outcome: " + status.label());
        Run finished = catalog.runs().finish(run.id(), status, message);
        catalog.events().append(actor, project.name(), "release_command", project.name() + "/" + release.label() + " on " + host.name(),
                status == RunStatus.LIVE ? "ok" : status.name().toLowerCase(), firstLine(message));
        return finished;
    }

    /** The end of a long output, which says why it failed, within what a run's message holds. */
    private static String tail(String output) {
        int room = MESSAGE_LIMIT - 300;
        return output.length() <= room ? output : "…" + output.substring(output.length() - room);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
