package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Difference;
import org.stageboard.core.HostState;
import org.stageboard.core.InstanceState;

/** An instance that is down or whose supervisor gave up is an APP_DOWN difference naming it. */
class DriftInstancesTest {

    private static HostState state(InstanceState... instances) {
        boolean alive = List.of(instances).stream().allMatch(InstanceState::alive);
        return new HostState(Instant.now(), true, "v1-0123456789", true, null, instances[0].pid(), alive, null, null, "not checked", null,
                List.of(), List.of("v1-0123456789"), 0, List.of(instances));
    }

    @Test
    void eachInstanceDownOrGivenUpIsNamed() {
        HostState state = state(new InstanceState("web", 1, 100, true, 0, null, "process"),
                new InstanceState("web", 2, 101, false, 0, null, "process"),
                new InstanceState("worker", 1, 102, false, 5, "gave up after 5 crashes; last exit code 7 at 2026-11-26T10:00:00Z", "process"));

        assertThat(Drift.of(state, "catalog-a", null, null)).filteredOn(d -> d.kind() == Difference.Kind.APP_DOWN)
                .extracting(Difference::text).containsExactly("app down: web.2 (pid 101) is not running",
                        "app down: worker.1 gave up after 5 crashes; last exit code 7 at 2026-11-26T10:00:00Z");
    }

    @Test
    void oneInstanceDownReadsAsBeforeAndSaysWhenItsSupervisorGaveUp() {
        assertThat(Drift.of(state(new InstanceState("web", 1, 100, false, 0, null, "process")), "catalog-a", null, null))
                .filteredOn(d -> d.kind() == Difference.Kind.APP_DOWN)
                .extracting(Difference::text).containsExactly("app down: no process runs for v1-0123456789");
        assertThat(Drift.of(state(new InstanceState("web", 1, 100, false, 5, "gave up after 5 crashes; last exit code 1 at T", "process")),
                "catalog-a", null, null)).filteredOn(d -> d.kind() == Difference.Kind.APP_DOWN).extracting(Difference::text)
                .containsExactly("app down: no process runs for v1-0123456789: web.1 gave up after 5 crashes; last exit code 1 at T");
    }

    @Test
    void noSupervisedProcessWhileTheHealthCheckAnswersIsSaidSoNotJustDown() {
        InstanceState gone = new InstanceState("web", 1, 100, false, 0, null, "process");
        HostState answering = new HostState(Instant.now(), true, "v1-0123456789", true, null, 100, false, null, true, "HTTP 200", null,
                List.of(), List.of("v1-0123456789"), 0, List.of(gone));

        assertThat(Drift.of(answering, "catalog-a", null, null)).filteredOn(d -> d.kind() == Difference.Kind.APP_DOWN)
                .extracting(Difference::text).singleElement().asString()
                .startsWith("app not supervised: no process Stageboard started runs for v1-0123456789, yet its health check answers")
                .endsWith("restart to put it back under supervision");
        assertThat(new HostStatus(null, null, answering, null, null, null, null, List.of(), true).summary()).isEqualTo("v1-0123456789 (unknown to Stageboard)"
                + " · not supervised, yet answering its health check");
    }

    @Test
    void ledgerTimesReadAsLocalTimesToTheSecond() {
        Instant time = Instant.parse("2026-11-26T19:51:07.758901745Z");
        assertThat(Drift.when(time)).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(time.atZone(java.time.ZoneId.systemDefault()))).doesNotContain("T19").hasSize(19);
    }

    @Test
    void everyInstanceUpIsNoDifference() {
        HostState state = state(new InstanceState("web", 1, 100, true, 0, null, "process"),
                new InstanceState("worker", 1, 102, true, 2, null, "process"));

        assertThat(Drift.of(state, "catalog-a", null, null)).noneMatch(d -> d.kind() == Difference.Kind.APP_DOWN);
    }
}
