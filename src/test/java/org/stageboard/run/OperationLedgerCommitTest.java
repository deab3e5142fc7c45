package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.release;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.ReleaseIdentity;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.RecordingProgress;

/**
 * The commit in the ledger lines of operations on a real host (the in-process SSH server, real
 * app processes): stop, start, restart and a release command name the commit of the release they
 * acted on, as that release's {@code release.json} on the host names it (SHA and subject). A
 * release whose {@code release.json} names no commit (made before commits were recorded) gives
 * lines without one, and the whole ledger still reads.
 */
class OperationLedgerCommitTest extends HostTestBase {

    private static final Operation OP = new Operation("shop", "staging", "operator", List.of(DemoDeploys.SECRET));
    private static final String SHA_V1 = "1111111111111111111111111111111111111111";
    private static final String SHA_V2 = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";

    /** Release {@code vN} of the demo app whose {@code release.json} names the given commit. */
    private static RemoteRelease withCommit(String name, int port, String sha, String subject) {
        RemoteRelease r = release(name, okArtifact, port, "hello from " + name, 60, 3);
        String json = "{\"release\":\"" + name + "\",\"commit\":\"" + sha + "\",\"commitSubject\":\"" + subject + "\"}\n";
        return new RemoteRelease(r.identity(), r.artifactFile(), r.env(), r.secretValues(), r.run(), r.actor(), json);
    }

    @Test
    void stopStartRestartAndReleaseCommandNameTheCommitOfTheReleaseTheyActedOn() throws Exception {
        int port = freePort();
        HostRunner runner = runnerFor("op-commit");
        assertThat(runner.activate(withCommit("v1", port, SHA_V1, "First shop"), new RecordingProgress()).status())
                .isEqualTo(RunStatus.LIVE);
        RemoteRelease v2 = withCommit("v2", port, SHA_V2, "Fix the checkout total");
        assertThat(runner.activate(v2, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        deploys.pidFromFile();

        RecordingProgress p = new RecordingProgress();
        assertThat(runner.stop(OP, Duration.ZERO, p).status()).as(p.all()).isEqualTo(RunStatus.STOPPED);
        p = new RecordingProgress();
        assertThat(runner.start(OP, Duration.ZERO, p).status()).as(p.all()).isEqualTo(RunStatus.LIVE);
        deploys.pidFromFile();
        p = new RecordingProgress();
        assertThat(runner.restart(OP, Duration.ZERO, p).status()).as(p.all()).isEqualTo(RunStatus.LIVE);
        deploys.pidFromFile();
        // a release command of v1 (not current) names v1's commit, not the current one's
        p = new RecordingProgress();
        assertThat(runner.releaseCommand(withCommit("v1", port, SHA_V1, "First shop"), "true", Duration.ZERO, p).exitCode())
                .as(p.all()).isZero();

        // read back as another catalog would: through the ledger's lines on the host
        Map<String, LedgerEntry> byKind = runner.ledger("shop", "staging").stream()
                .collect(Collectors.toMap(LedgerEntry::kind, e -> e, (a, b) -> b));
        assertThat(byKind).containsKeys("deploy", "stop", "start", "restart", "release-command");
        for (String kind : List.of("deploy", "stop", "start", "restart")) {
            LedgerEntry e = byKind.get(kind);
            assertThat(e.release()).as(kind).isEqualTo(v2.releaseName());
            assertThat(e.commitSha()).as(kind).isEqualTo(SHA_V2);
            assertThat(e.commitSubject()).as(kind).isEqualTo("Fix the checkout total");
        }
        assertThat(byKind.get("release-command").commitSha()).isEqualTo(SHA_V1);
        assertThat(byKind.get("release-command").commitSubject()).isEqualTo("First shop");
        // the lines themselves carry it, for other catalogs and for whoever reads the file
        assertThat(deploys.ledgerLines()).filteredOn(l -> l.contains("\"kind\":\"stop\"")).singleElement()
                .asString().contains("\"commit\":\"" + SHA_V2 + "\"").contains("\"commitSubject\":\"Fix the checkout total\"");
    }

    @Test
    void aReleaseWhoseReleaseJsonNamesNoCommitIsStoppedWithALineWithoutOne() throws Exception {
        int port = freePort();
        HostRunner runner = runnerFor("op-no-commit");
        // DemoDeploys' release.json names no commit, as releases made before commits were recorded
        RemoteRelease v1 = release("v1", okArtifact, port, "hello", 60, 3);
        assertThat(runner.activate(v1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        deploys.pidFromFile();
        RecordingProgress p = new RecordingProgress();
        assertThat(runner.stop(OP, Duration.ZERO, p).status()).as(p.all()).isEqualTo(RunStatus.STOPPED);

        List<LedgerEntry> ledger = runner.ledger("shop", "staging");
        assertThat(ledger).extracting(e -> e.kind() + " " + e.outcome()).containsExactly("deploy LIVE", "stop STOPPED");
        LedgerEntry stop = ledger.get(1);
        assertThat(stop.release()).isEqualTo(v1.releaseName());
        assertThat(stop.label()).isEqualTo("staging v1");
        assertThat(stop.commit()).isNull();
        assertThat(stop.commitSubject()).isNull();
        assertThat(deploys.ledgerLines()).filteredOn(l -> l.contains("\"kind\":\"stop\"")).singleElement()
                .asString().contains("\"commit\":null");
    }

    @Test
    void anOperationLineNamesTheCommitOfTheReleaseJsonItWasGiven() {
        ReleaseIdentity identity = new ReleaseIdentity("catalog-ci", "shop", "staging", 3, "staging v3", "a".repeat(64), 1, "ci");
        LedgerEntry stop = Ledger.entry("ci", identity, "{\"identity\":{},\"commit\":\"" + SHA_V2 + "\",\"commitSubject\":\"Fix it\"}",
                "v3-0123456789", "stop", "STOPPED", "stopped");
        assertThat(Ledger.parse(List.of(Ledger.line(stop)))).containsExactly(stop);
        assertThat(stop.commitSha()).isEqualTo(SHA_V2);
        assertThat(stop.commitSubject()).isEqualTo("Fix it");
        assertThat(stop.label()).isEqualTo("staging v3");
        // a folder without release.json (made by hand) or without identity still gives a line
        LedgerEntry bare = Ledger.entry("ci", null, null, "by-hand", "restart", "LIVE", "restarted");
        assertThat(bare.commit()).isNull();
        assertThat(bare.label()).isNull();
        assertThat(Ledger.parse(List.of(Ledger.line(bare)))).containsExactly(bare);
    }
}
