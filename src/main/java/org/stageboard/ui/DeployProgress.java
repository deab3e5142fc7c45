package org.stageboard.ui;

import java.util.List;
import org.stageboard.core.ForwardingProgress;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.RunKind;
import org.stageboard.pipeline.HostOutcome;
import org.stageboard.pipeline.HostPrefix;
import org.stageboard.pipeline.RolloutProgress;
import org.stageboard.ui.task.HostRows;

/**
 * A deploy task's progress over several hosts: every line goes to the task's log prefixed with the
 * host ({@code [vps2] health check}), and each host's current step and outcome go to its row.
 */
final class DeployProgress extends ForwardingProgress implements RolloutProgress {

    private final HostRows rows;

    DeployProgress(Progress task, HostRows rows, List<Host> hosts) {
        super(task);
        this.rows = rows;
        hosts.forEach(h -> rows.waiting(h.name()));
    }

    @Override
    public Progress host(Host host) {
        return new HostPrefix(this, host.name()) {
            private final org.stageboard.ui.task.Transfer upload = new org.stageboard.ui.task.Transfer();
            private volatile String step = "";

            @Override
            public void step(String title) {
                step = title;
                rows.step(host.name(), title);
                super.step(title);
            }

            @Override
            public void transferred(long bytes, long total) {
                rows.step(host.name(), step + " · " + upload.report(bytes, total, System.nanoTime()));
                super.transferred(bytes, total);
            }
        };
    }

    @Override
    public void started(Host host, RunKind kind) {
        rows.step(host.name(), kind == RunKind.DEPLOY ? "deploying" : kind.label());
    }

    @Override
    public void finished(HostOutcome outcome) {
        rows.outcome(outcome.host().name(), outcome.state().words(),
                outcome.state() == HostOutcome.State.FAILED || outcome.state() == HostOutcome.State.APP_DOWN);
    }
}
