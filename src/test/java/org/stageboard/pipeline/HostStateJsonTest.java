package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.HostState;
import org.stageboard.core.InstanceState;

/** A host's state with its instances survives the catalog's JSON copy; a copy stored before instances existed reads with none. */
class HostStateJsonTest {

    @Test
    void instancesSurviveTheStoredReadingAndOldReadingsHaveNone() throws Exception {
        HostState state = new HostState(Instant.parse("2026-11-26T10:00:00Z"), true, "v1-0123456789", true, null, 4242, false, null,
                null, "not checked", null, List.of(), List.of("v1-0123456789"), 0,
                List.of(new InstanceState("web", 1, 4242, true, 0, null, "process"),
                        new InstanceState("worker", 1, 4250, false, 5, "gave up after 5 crashes; last exit code 7 at 2026-11-26T09:59:00Z",
                                "process")));

        String json = HostStatuses.JSON.writeValueAsString(state);
        HostState back = HostStatuses.JSON.readValue(json, HostState.class);

        assertThat(back).isEqualTo(state);
        assertThat(back.instanceProblems()).containsExactly("worker.1 gave up after 5 crashes; last exit code 7 at 2026-11-26T09:59:00Z");
        assertThat(json).doesNotContain("instanceProblems", "\"problem\"");

        String old = json.substring(0, json.indexOf(",\"instances\"")) + "}";
        assertThat(HostStatuses.JSON.readValue(old, HostState.class).instances()).isEmpty();
    }
}
