package org.stageboard.ui.hosts;

import java.util.Optional;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.pipeline.DeployPlan;
import org.stageboard.pipeline.HostStatus;

/**
 * The engine's host records in the window's terms. The engine hands out the run layer's own
 * records (host state, lock, ledger entry, host plan), which the UI may not reach into; the app
 * adapts them (see {@code org.stageboard.app.EngineHostRecords}) until the engine offers them itself.
 */
public interface HostRecords {

    /** The details of a host status; {@link HostFacts#UNREAD} when the host could not be read. */
    HostFacts facts(HostStatus status);

    /** The details of a deploy plan; empty when the host could not be read. */
    Optional<PlanFacts> plan(DeployPlan plan);

    /** Reads the environment's lock on the host now (network: not on the UI thread). */
    Optional<LockFacts> readLock(Environment environment, Host host);
}
