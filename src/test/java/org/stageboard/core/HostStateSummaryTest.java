package org.stageboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostStateSummaryTest {

    private static HostState with(List<InstanceState> instances) {
        return new HostState(Instant.now(), true, "v1-abc", true, null, 10, true, 5L, true, null, null, List.of(), List.of("v1-abc"), 0, instances);
    }

    @Test
    void countsInstancesPerTypeAndRestartsButSaysNothingForTheSimpleDefault() {
        assertThat(with(List.of(new InstanceState("web", 1, 10, true, 0, null, "process"))).processSummary()).isEmpty();
        assertThat(with(List.of()).processSummary()).isEmpty();
        assertThat(with(List.of(new InstanceState("web", 1, 10, true, 1, null, "process"))).processSummary()).isEqualTo("web 1/1 up · 1 restart");
        assertThat(with(List.of(new InstanceState("web", 1, 10, true, 0, null, "process"), new InstanceState("web", 2, 11, true, 2, null, "process"),
                new InstanceState("worker", 1, 12, false, 5, "gave up after 5 crashes", "process"))).processSummary())
                .isEqualTo("web 2/2 up · worker 0/1 up · 7 restarts");
    }
}
