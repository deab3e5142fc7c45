package org.stageboard.pipeline;

import org.stageboard.core.ForwardingProgress;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.RunKind;

/**
 * Progress of a deploy over several hosts, host by host: where each host's steps and lines go
 * (by default this progress's own, prefixed {@code [vps2] }), when a host's run begins, and each
 * host's outcome as soon as it is known (a host rolled back after the rollout failed reports a
 * second time). Called from several threads at once; implementations must be thread-safe.
 */
public interface RolloutProgress extends Progress {

    /** Where the host's steps and log lines go; cancelling this progress cancels the host's run. */
    default Progress host(Host host) {
        return new HostPrefix(this, host.name());
    }

    /** A run on the host begins: the release command, its deploy, or its rollback after the rollout failed. */
    default void started(Host host, RunKind kind) {
    }

    /** The host's outcome is known (also for hosts that were skipped, which never start). */
    default void finished(HostOutcome outcome) {
    }

    /** This progress as a rollout progress: itself when it is one, else one that reports host lines prefixed. */
    static RolloutProgress of(Progress progress) {
        if (progress instanceof RolloutProgress rollout) {
            return rollout;
        }
        class Plain extends ForwardingProgress implements RolloutProgress {
            Plain() {
                super(progress);
            }
        }
        return new Plain();
    }
}
