package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.ReleaseIdentity;
import org.stageboard.core.RunSettings;

/**
 * The commit in a ledger line: an activation line names the commit its release's
 * {@code release.json} names (SHA and subject), and reads back with it; a line written before the
 * commit was recorded (no such fields) still reads, without a commit.
 */
class LedgerCommitTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static RemoteRelease release(String releaseJson) {
        ReleaseIdentity identity = new ReleaseIdentity("catalog-ci", "shop", "staging", 3, "staging v3", "a".repeat(64), 1, "ci");
        return new RemoteRelease(identity, Path.of("app.tar.gz"), Map.of(), List.of(),
                new RunSettings("java Server.java", "http://127.0.0.1:1/health", 30, 5, 5), "ci", releaseJson);
    }

    @Test
    void anActivationLineNamesTheCommitOfItsReleaseAndReadsBackWithIt() {
        LedgerEntry entry = Ledger.entry(release("{\"release\":\"staging v3\",\"commit\":\"" + SHA + "\",\"commitSubject\":\"Fix the checkout total\"}"),
                "deploy", "v2-aaaaaaaaaa", "LIVE", "live and healthy");
        assertThat(entry.commit()).isEqualTo(SHA);
        assertThat(entry.commitSubject()).isEqualTo("Fix the checkout total");
        String line = Ledger.line(entry);
        assertThat(line).contains("\"commit\":\"" + SHA + "\"").contains("\"commitSubject\":\"Fix the checkout total\"").doesNotContain("\n");

        List<LedgerEntry> read = Ledger.parse(List.of(line));
        assertThat(read).containsExactly(entry);
        assertThat(read.get(0).commitSha()).isEqualTo(SHA);
    }

    @Test
    void aReleaseJsonWithoutSubjectOrCommitGivesWhatItHas() {
        LedgerEntry shaOnly = Ledger.entry(release("{\"commit\":\"" + SHA.toUpperCase() + "\"}"), "rollback", null, "LIVE", "");
        assertThat(shaOnly.commit()).isEqualTo(SHA.toUpperCase());
        assertThat(shaOnly.commitSha()).isEqualTo(SHA);
        assertThat(shaOnly.commitSubject()).isNull();

        LedgerEntry none = Ledger.entry(release("{\"release\":\"v3\"}"), "deploy", null, "FAILED", "health check failed");
        assertThat(none.commit()).isNull();
        assertThat(none.commitSubject()).isNull();
        assertThat(Ledger.entry(release("not json"), "deploy", null, "FAILED", "").commit()).isNull();
        assertThat(Ledger.entry(release(null), "deploy", null, "FAILED", "").commit()).isNull();
        // a commit that is not a SHA is kept as written but names no commit
        assertThat(Ledger.entry(release("{\"commit\":\"main\"}"), "deploy", null, "LIVE", "").commitSha()).isNull();
    }

    @Test
    void aLineWrittenBeforeTheCommitWasRecordedStillReads() {
        // exactly what an activation line looked like before (issue 8): no commit, no commitSubject
        String old = "{\"time\":\"2026-11-02T10:00:00.123456Z\",\"actor\":\"grace\",\"by\":\"grace@ci pid 7 since 2026-11-02T09:59:00Z\","
                + "\"catalog\":\"other-catalog\",\"kind\":\"deploy\",\"release\":\"v4-0123456789\",\"label\":\"staging v4\","
                + "\"artifact\":\"" + "b".repeat(64) + "\",\"previous\":\"v3-9876543210\",\"outcome\":\"LIVE\",\"message\":\"live and healthy\"}";
        List<LedgerEntry> read = Ledger.parse(List.of(old));
        assertThat(read).hasSize(1);
        LedgerEntry entry = read.get(0);
        assertThat(entry).isEqualTo(new LedgerEntry(Instant.parse("2026-11-02T10:00:00.123456Z"), "grace",
                "grace@ci pid 7 since 2026-11-02T09:59:00Z", "other-catalog", "deploy", "v4-0123456789", "staging v4", "b".repeat(64),
                "v3-9876543210", "LIVE", "live and healthy"));
        assertThat(entry.commit()).isNull();
        assertThat(entry.commitSha()).isNull();
        assertThat(entry.commitSubject()).isNull();
    }
}
