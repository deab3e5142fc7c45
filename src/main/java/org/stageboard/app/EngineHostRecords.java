package org.stageboard.app;

import java.util.Optional;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.pipeline.DeployPlan;
import org.stageboard.pipeline.HostStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.run.HostPlan;
import org.stageboard.run.HostState;
import org.stageboard.run.LedgerEntry;
import org.stageboard.run.LockInfo;
import org.stageboard.ui.hosts.HostFacts;
import org.stageboard.ui.hosts.HostRecords;
import org.stageboard.ui.hosts.LockFacts;
import org.stageboard.ui.hosts.PlanFacts;

/** Reads the run layer's records that the engine hands out, for the UI, which may not reach into that layer. */
public final class EngineHostRecords implements HostRecords {

    private final Stageboard engine;

    public EngineHostRecords(Stageboard engine) {
        this.engine = engine;
    }

    @Override
    public HostFacts facts(HostStatus status) {
        return facts(status.state());
    }

    @Override
    public Optional<PlanFacts> plan(DeployPlan plan) {
        HostPlan p = plan.plan();
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(new PlanFacts(facts(p.now()), p.folder(), p.folderOnHost(), p.artifactOnHost(), p.bytesToUpload(),
                p.wouldPrune() == null ? java.util.List.of() : p.wouldPrune()));
    }

    @Override
    public Optional<LockFacts> readLock(Environment environment, Host host) {
        return engine.lock(environment, host).map(EngineHostRecords::lock);
    }

    static HostFacts facts(HostState state) {
        if (state == null) {
            return HostFacts.UNREAD;
        }
        LedgerEntry entry = state.currentEntry();
        return new HostFacts(true, state.currentFolder(), entry == null ? null : entry.time(), entry == null ? null : entry.actor(),
                entry == null ? null : entry.kind(), state.appAlive(), state.lock() == null ? null : lock(state.lock()));
    }

    static LockFacts lock(LockInfo lock) {
        return new LockFacts(lock.holder(), lock.actor(), lock.release(), lock.since(), lock.heartbeatAgeSeconds(), lock.staleReason());
    }
}
