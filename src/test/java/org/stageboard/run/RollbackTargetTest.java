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

    @Test
    void stopStartRestartAndReleaseCommandLinesNeverMoveTheTarget() {
        add("deploy", "v1", null, "LIVE");
        add("deploy", "v2", "v1", "LIVE");
        List<String> onHost = List.of("v3", "v2", "v1");
        add("stop", "v2", null, "STOPPED");
        add("start", "v2", null, "LIVE");
        add("restart", "v2", null, "LIVE");
        add("restart", "v2", null, "APP_DOWN");
        // A release command prepares v3 without switching; even written LIVE-like it would not count.
        add("release-command", "v3", null, "DONE");
        add("release-command", "v3", null, "LIVE");
        assertThat(RollbackTarget.choose(ledger, "v2", onHost)).isEqualTo("v1");
        assertThat(RollbackTarget.goodHistory(ledger)).containsExactly("v1", "v2");

        // A restart of an older release (after an interrupted deploy left it current) does not make it the newest good one.
        add("restart", "v1", null, "LIVE");
        assertThat(RollbackTarget.goodHistory(ledger)).containsExactly("v1", "v2");
        // And one that claims to have restored a previous release does not cut the stack.
        ledger.add(new LedgerEntry(Instant.now(), "tester", "t@m pid 1", "c", "restart", "v2", "v2", "a", "v1", "ROLLED_BACK",
                "serves again"));
        assertThat(RollbackTarget.choose(ledger, "v2", onHost)).isEqualTo("v1");
        add("rollback", "v1", "v2", "LIVE");
        assertThat(RollbackTarget.choose(ledger, "v1", onHost)).isNull();
    }
}
