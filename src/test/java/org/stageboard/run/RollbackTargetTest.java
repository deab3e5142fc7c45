package org.stageboard.run;

import org.stageboard.core.LedgerEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rollback target as the host's ledger tells it: the last good release before the current one. */
class RollbackTargetTest {

    private final List<LedgerEntry> ledger = new ArrayList<>();

    private void add(String kind, String release, String previous, String outcome) {
        ledger.add(new LedgerEntry(Instant.now(), "tester", "t@m pid 1", "c", kind, release, release, "a", previous, outcome, ""));
    }

    @Test
    void goesBackOneGoodReleaseSkippingFailedOnesAndTwoRollbacksGoTwoStepsBack() {
        add("deploy", "v1", null, "LIVE");
        add("deploy", "v2", "v1", "LIVE");
        add("deploy", "v3", "v2", "ROLLED_BACK");
        add("deploy", "v4", "v2", "LIVE");
        List<String> onHost = List.of("v4", "v3", "v2", "v1");

        assertThat(RollbackTarget.choose(ledger, "v4", onHost)).isEqualTo("v2");
        add("rollback", "v2", "v4", "LIVE");
        assertThat(RollbackTarget.choose(ledger, "v2", onHost)).isEqualTo("v1");
        add("rollback", "v1", "v2", "LIVE");
        assertThat(RollbackTarget.choose(ledger, "v1", onHost)).isNull();
    }

    @Test
    void afterAnInterruptedDeployTheTargetIsTheLastGoodReleaseNotTheBrokenOne() {
        add("deploy", "v1", null, "LIVE");
        add("deploy", "v2", "v1", "LIVE");
        // v3 was switched to and the deploying process was killed: no ledger line, current -> v3.
        assertThat(RollbackTarget.choose(ledger, "v3", List.of("v3", "v2", "v1"))).isEqualTo("v2");
    }

    @Test
    void releasesOfAnotherCatalogCountAndPrunedOnesAreSkipped() {
        add("deploy", "v1-aaaa", null, "LIVE");
        add("deploy", "v1-bbbb", "v1-aaaa", "LIVE");
        add("deploy", "v2-aaaa", "v1-bbbb", "FAILED");
        assertThat(RollbackTarget.choose(ledger, "v1-bbbb", List.of("v1-bbbb", "v1-aaaa"))).isEqualTo("v1-aaaa");
        assertThat(RollbackTarget.choose(ledger, "v1-bbbb", List.of("v1-bbbb"))).isNull();
    }
}
