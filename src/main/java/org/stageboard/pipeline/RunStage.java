package org.stageboard.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
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
import org.stageboard.release.ReleaseService;
import org.stageboard.run.DeployResult;
import org.stageboard.run.HostRunner;
import org.stageboard.run.LockHeldException;
import org.stageboard.core.ReleaseIdentity;
import org.stageboard.run.RemoteRelease;
import org.stageboard.ssh.HostKeyException;
import org.stageboard.ssh.HostKeyStatus;
import org.stageboard.ssh.SshTarget;

/**
 * The run stage as a job: puts one release to work on one host through {@link HostRunner} and
 * records the run, its log (secrets masked) and an audit event, whatever the outcome.
 */
final class RunStage {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Catalog catalog;
    private final StageboardHome home;
    private final ConfigService configs;
    private final ReleaseService releases;
    private final KeyPassphrases passphrases;

    RunStage(Catalog catalog, StageboardHome home, ConfigService configs, ReleaseService releases, KeyPassphrases passphrases) {
        this.passphrases = passphrases;
        this.catalog = catalog;
        this.home = home;
        this.configs = configs;
        this.releases = releases;
    }

    SshTarget target(Host host) {
        return new SshTarget(host.address(), host.port(), host.user(), host.privateKey(), home.knownHosts(), CONNECT_TIMEOUT,
                passphrases.forHost(host)).withAgent(agentSocket());
    }

    /** The socket of the user's running ssh-agent ($SSH_AUTH_SOCK), or null. */
    private static java.nio.file.Path agentSocket() {
        String socket = System.getenv("SSH_AUTH_SOCK");
        return socket == null || socket.isBlank() ? null : java.nio.file.Path.of(socket);
    }

    Run activate(Release release, Host host, RunKind kind, Duration lockWait, String actor, Progress progress) {
        return activateOn(release, host, kind, lockWait, actor, progress).run();
    }

    /** A finished run and the release folder that was current on the host before it (null when none, or unknown). */
    record Activated(Run run, String previousFolder) {
    }

    /** As {@link #activate}, also saying which release folder the host served before: what a rollout rolls back to. */
    Activated activateOn(Release release, Host host, RunKind kind, Duration lockWait, String actor, Progress progress) {
        Environment environment = catalog.environments().get(release.environmentId());
        Project project = catalog.projects().get(environment.projectId());
        requireAttached(environment, host);
        ConfigVersion config = configs.get(release.configVersionId());
        return recorded(release, host, kind, actor, progress, logged -> {
            RemoteRelease remote = remoteRelease(release, project, config, actor);
            return new HostRunner(target(host), host.baseDir()).activate(remote, kind.name().toLowerCase(java.util.Locale.ROOT), lockWait, logged);
        });
    }

    /** Work on one host that a run records: gets the run's logged progress (secrets masked), returns the host's result. */
    interface HostWork {
        DeployResult run(Progress logged);
    }

    /**
     * Records {@code work} as a run of {@code release} on {@code host}: the run record, its log
     * (secrets masked), the outcome and an audit event, whatever happens. Failures before
     * anything changed (host key, lock, cancel, an error) are FAILED or CANCELLED runs, not exceptions.
     */
    Activated recorded(Release release, Host host, RunKind kind, String actor, Progress progress, HostWork work) {
        Environment environment = catalog.environments().get(release.environmentId());
        Project project = catalog.projects().get(environment.projectId());
        Masker masker = new Masker(secrets(release));
        Path log = home.runLogsDir().resolve(project.name())
                .resolve(environment.name() + "-" + host.name() + "-" + System.currentTimeMillis() + ".log");
        Run run = catalog.runs().start(release.id(), host.id(), kind, log, actor);
        Progress logged = masker.wrap(new RunLogProgress(log, progress));
        logged.step(kind.label() + " " + release.label() + " on " + host.name() + " (" + host.display() + ")");
        RunStatus status;
        String message;
        String previous = null;
        try {
            DeployResult result = work.run(logged);
            status = result.status();
            previous = result.previousRelease();
            message = masker.mask(result.message() + (result.evidence() == null ? "" : "\n" + result.evidence()));
        } catch (HostKeyException e) {
            status = RunStatus.FAILED;
            message = hostKeyMessage(host, e);
        } catch (LockHeldException e) {
            status = RunStatus.FAILED;
            message = masker.mask(lockMessage(environment, host, kind, e));
        } catch (CancelledException e) {
            status = RunStatus.CANCELLED;
            message = "Cancelled before anything changed on " + host.name() + "; it serves what it served before.";
        } catch (StageboardException e) {
            status = RunStatus.FAILED;
            message = masker.mask(e.getMessage());
        } catch (RuntimeException e) {
            status = RunStatus.FAILED;
            message = masker.mask("Unexpected error: " + e);
        }
        if (message.length() > 3900) {
            message = message.substring(0, 3900) + "…";
        }
        logged.log("outcome: " + status.label() + " - " + message);
        Run finished = catalog.runs().finish(run.id(), status, message);
        catalog.events().append(actor, project.name(), kind.label().replace(' ', '-'), project.name() + "/" + release.label() + " on " + host.name(),
                status.name().toLowerCase(), message);
        return new Activated(finished, previous);
    }

    /**
     * Records that a deploy over several hosts did nothing on this host ({@code SKIPPED}), saying why,
     * with an audit event.
     */
    Run skip(Release release, Host host, String message, String actor) {
        Environment environment = catalog.environments().get(release.environmentId());
        Project project = catalog.projects().get(environment.projectId());
        Run run = catalog.runs().record(release.id(), host.id(), RunKind.DEPLOY, RunStatus.SKIPPED, message, actor);
        catalog.events().append(actor, project.name(), "deploy", project.name() + "/" + release.label() + " on " + host.name(),
                RunStatus.SKIPPED.name().toLowerCase(), message);
        return run;
    }

    /** This catalog's release of the environment whose folder on hosts is {@code folder}, or null. */
    Release releaseOfFolder(Environment environment, String folder) {
        if (folder == null) {
            return null;
        }
        Project project = catalog.projects().get(environment.projectId());
        for (Release release : catalog.releases().forEnvironment(environment.id())) {
            if (identity(catalog.identity(), project, release).folder().equals(folder)) {
                return release;
            }
        }
        return null;
    }

    /** The secret values of the release's config and of the environment's latest config: masked wherever output is shown. */
    java.util.List<String> secrets(Release release) {
        java.util.Set<String> values = new java.util.LinkedHashSet<>(configs.get(release.configVersionId()).secretValues());
        configs.latest(catalog.environments().get(release.environmentId())).ifPresent(latest -> values.addAll(latest.secretValues()));
        return java.util.List.copyOf(values);
    }

    void requireAttached(Environment environment, Host host) {
        if (catalog.environments().hosts(environment.id()).stream().noneMatch(h -> h.id() == host.id())) {
            throw new StageboardException("Host " + host.name() + " does not run environment " + environment.name()
                    + ": attach it first ('stageboard env attach " + environment.name() + " " + host.name() + "').");
        }
    }

    /** The release as the run package puts it on a host: identity, artifact, config (secrets flagged for masking). */
    RemoteRelease remoteRelease(Release release, Project project, ConfigVersion config, String actor) {
        Artifact artifact = catalog.artifacts().find(release.artifactSha256())
                .filter(a -> Files.isRegularFile(a.file()))
                .orElse(null);
        Build build = catalog.builds().get(release.buildId());
        return new RemoteRelease(identity(catalog.identity(), project, release), artifact == null ? null : artifact.file(), config.values(), List.copyOf(config.secretValues()),
                release.run(), actor, releases.describe(release, build, config, project.name()));
    }

    /** Whose a release is on a host: this catalog's id, the project, and the release's number, artifact and config. */
    static ReleaseIdentity identity(String catalogId, Project project, Release release) {
        return new ReleaseIdentity(catalogId, project.name(), release.environmentName(), release.version(), release.label(),
                release.artifactSha256(), release.configVersion(), release.actor());
    }

    /** A held lock in the user's terms: who holds it and, when stale, the explicit way to break it. */
    static String lockMessage(Environment environment, Host host, RunKind kind, LockHeldException e) {
        String where = " -e " + environment.name() + " --host " + host.name();
        String command = switch (kind) {
            case DEPLOY, RELEASE_COMMAND -> "deploy";
            case RESTART -> "restart";
            case STOP -> "stop";
            case START -> "start";
            default -> null;
        };
        return e.getMessage() + (e.lock().stale() ? " To break it: window: the host's card > Break lock…; CLI: stageboard lock break" + where
                + "." : " See it with 'stageboard lock show" + where + "'; " + (command == null ? "try again once that run has ended."
                : "wait for it with 'stageboard " + command + where + " --wait-lock 120'."));
    }

    /** The host-key refusal in the user's terms: which host, which key, and the explicit way to trust it. */
    static String hostKeyMessage(Host host, HostKeyException e) {
        return hostKeyMessage(host, e, "Stopped: the", "Nothing was sent to it.");
    }

    /**
     * As {@link #hostKeyMessage(Host, HostKeyException)} for a host that was only to be read
     * (status): names the host and its trust command, not the {@code NAME} of the ssh layer's message.
     */
    static String hostKeyReadMessage(Host host, HostKeyException e) {
        return hostKeyMessage(host, e, "The", "Nothing was read from it.");
    }

    private static String hostKeyMessage(Host host, HostKeyException e, String start, String nothing) {
        String trust = "check the fingerprint with the host's administrator (on the host: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), "
                + "then trust it (window: Hosts > Trust host key…; CLI: stageboard host trust " + host.name() + " --fingerprint " + e.fingerprint() + ").";
        if (e.status() == HostKeyStatus.CHANGED) {
            return start + " host key of " + host.name() + " (" + host.display() + ") has CHANGED. It presents " + e.scan().keyType() + " "
                    + e.fingerprint() + " but " + e.scan().pinnedFingerprint() + " is pinned. Someone may be intercepting the connection, "
                    + "or the host was reinstalled. " + nothing + " Only if you are sure, " + trust;
        }
        return start + " host key of " + host.name() + " (" + host.display() + ") is not trusted yet. It presents "
                + e.scan().keyType() + " " + e.fingerprint() + ". " + nothing + " To go on, " + trust;
    }
}
