package org.stageboard.pipeline;

import java.time.Duration;
import java.util.function.Consumer;
import org.stageboard.catalog.Catalog;
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
import org.stageboard.run.DeployResult;
import org.stageboard.run.HostRunner;
import org.stageboard.run.Operation;
import org.stageboard.ssh.HostKeyException;

/**
 * Living with a release once it runs: stop, start and restart it (the run stage entered again
 * without a new release), run a one-off command in it (factor XII admin processes), read and
 * follow its logs. Each acts on the release the host's {@code current} points to, read from the
 * host; stop, start, restart and exec are recorded as runs of that release.
 */
final class Operations {

    private final Catalog catalog;
    private final RunStage runStage;
    private final HostStatuses statuses;

    Operations(Catalog catalog, RunStage runStage, HostStatuses statuses) {
        this.catalog = catalog;
        this.runStage = runStage;
        this.statuses = statuses;
    }

    Run stop(Environment environment, Host host, Duration lockWait, String actor, Progress progress) {
        return act(environment, host, RunKind.STOP, actor, progress, (runner, op, logged) -> runner.stop(op, lockWait, logged));
    }

    Run start(Environment environment, Host host, Duration lockWait, String actor, Progress progress) {
        return act(environment, host, RunKind.START, actor, progress, (runner, op, logged) -> runner.start(op, lockWait, logged));
    }

    Run restart(Environment environment, Host host, Duration lockWait, String actor, Progress progress) {
        return act(environment, host, RunKind.RESTART, actor, progress, (runner, op, logged) -> runner.restart(op, lockWait, logged));
    }

    /**
     * Runs {@code command} in the current release's folder on the host with its config, streaming
     * its output (secrets masked) to {@code output}; recorded as an EXEC run. Returns the exit code.
     */
    int exec(Environment environment, Host host, String command, String actor, Consumer<String> output, Progress progress) {
        if (command == null || command.isBlank()) {
            throw new StageboardException("Give the command to run, e.g. 'stageboard exec -e production --host vps1 -- ./manage migrate'.");
        }
        Release release = current(environment, host);
        int[] exit = {-1};
        Run run = runStage.recorded(release, host, RunKind.EXEC, actor, progress, logged -> {
            logged.log("$ " + command);
            exit[0] = runner(host).exec(operation(environment, release, actor), command, line -> {
                logged.log(line);
                output.accept(line);
            }, logged);
            return new DeployResult(exit[0] == 0 ? RunStatus.LIVE : RunStatus.FAILED, "'" + command + "' in " + release.label() + " on "
                    + host.name() + " exited with code " + exit[0] + ".", null);
        }).run();
        if (run.status() != RunStatus.LIVE && exit[0] == -1) {
            throw new StageboardException(run.message());
        }
        return exit[0];
    }

    /** The last {@code lines} lines of the app's logs on the host (one instance, or all when null), then new ones while {@code follow}. */
    void logs(Environment environment, Host host, String instance, int lines, boolean follow, Consumer<String> output, Progress progress) {
        Release release = current(environment, host);
        Masker masker = new Masker(runStage.secrets(release));
        try {
            runner(host).logs(operation(environment, release, org.stageboard.core.Actor.current()), instance, lines, follow,
                    line -> output.accept(masker.mask(line)), progress);
        } catch (HostKeyException e) {
            throw new StageboardException(RunStage.hostKeyMessage(host, e));
        }
    }

    private interface Action {
        DeployResult run(HostRunner runner, Operation operation, Progress logged);
    }

    private Run act(Environment environment, Host host, RunKind kind, String actor, Progress progress, Action action) {
        Release release = current(environment, host);
        return runStage.recorded(release, host, kind, actor, progress,
                logged -> action.run(runner(host), operation(environment, release, actor), logged)).run();
    }

    /** This catalog's release that {@code current} points to on the host, read from the host; refuses when there is none. */
    private Release current(Environment environment, Host host) {
        runStage.requireAttached(environment, host);
        HostStatus status;
        try {
            status = statuses.read(environment, host, false);
        } catch (HostKeyException e) {
            throw new StageboardException(RunStage.hostKeyMessage(host, e));
        }
        if (status.error() != null) {
            throw new StageboardException("Cannot read " + host.name() + ": " + status.error());
        }
        var state = status.state();
        if (state.currentFolder() == null) {
            throw new StageboardException("Nothing of " + environment.name() + " runs on " + host.name() + " yet: deploy a release first.");
        }
        if (status.running() == null) {
            String whose = state.currentIdentity() != null ? state.currentIdentity().label() + ", deployed by another catalog" : state.currentFolder();
            throw new StageboardException(host.name() + " runs " + whose + ", not a release of this catalog: its config cannot be vouched for"
                    + " here. Operate it from the catalog that deployed it, or deploy one of this catalog's releases.");
        }
        return status.running();
    }

    private Operation operation(Environment environment, Release release, String actor) {
        Project project = catalog.projects().get(environment.projectId());
        return new Operation(project.name(), environment.name(), actor, runStage.secrets(release));
    }

    private HostRunner runner(Host host) {
        return new HostRunner(runStage.target(host), host.baseDir());
    }
}
