package org.stageboard.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stageboard.core.Release;
import org.stageboard.core.Rollout;
import org.stageboard.core.Run;

/**
 * How a deploy over an environment's hosts ended: the release, the rollout it went by, the release
 * command's run when it ran in this deploy (else null) with a note when it was not run (already
 * ran for this release) or failed, every host's outcome in deploy order (skipped ones included),
 * and a one-line summary, e.g. {@code 2 live, 1 failed, 1 skipped; the 2 switched hosts were rolled back}.
 */
public record RolloutResult(Release release, Rollout rollout, Run releaseCommand, String releaseCommandNote,
                            List<HostOutcome> hosts, boolean cancelled, String summary) {

    public RolloutResult {
        hosts = List.copyOf(hosts);
    }

    /** True when every host of the deploy is live on the release (and there was at least one). */
    public boolean allLive() {
        return !hosts.isEmpty() && hosts.stream().allMatch(HostOutcome::live);
    }

    /** The deploy run of each host, skipped ones included, in deploy order. */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        hosts.forEach(h -> {
            if (h.run() != null) {
                runs.add(h.run());
            }
        });
        return runs;
    }

    /** The outcome of the named host, or null when it was not part of this deploy. */
    public HostOutcome host(String name) {
        return hosts.stream().filter(h -> h.host().name().equals(name)).findFirst().orElse(null);
    }

    /** How many hosts ended in each state, in the order of {@link HostOutcome.State}. */
    public Map<HostOutcome.State, Long> counts() {
        Map<HostOutcome.State, Long> counts = new java.util.EnumMap<>(HostOutcome.State.class);
        hosts.forEach(h -> counts.merge(h.state(), 1L, Long::sum));
        return counts;
    }
}
