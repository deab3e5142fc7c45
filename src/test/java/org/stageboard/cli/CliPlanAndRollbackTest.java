package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.cli.CliHarness.Result;

/** deploy --plan changes nothing; rollback says what it will activate before it does; a failed deploy shows its evidence. */
class CliPlanAndRollbackTest {

    @TempDir
    Path tmp;

    private CliHarness h;

    @BeforeEach
    void setUp() {
        h = CliHarness.start(tmp).withStagingV1(40);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void planReadsTheHostAndChangesNothing() throws Exception {
        Result plan = h.cli("deploy", "-e", "staging", "--plan");
        assertThat(plan.code()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("plan: deploy staging v1").contains("vps1").contains("now:      nothing deployed")
                .contains("will run: v1-").contains("(new)").containsPattern("upload: +[0-9.]+ (B|KB)")
                .contains("config:   no release runs yet").contains("lock:     free").contains("prune:    nothing");
        assertThat(h.envDir().resolve("current")).doesNotExist();
        assertThat(h.envDir().resolve("releases")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());

        h.ok("deploy", "-e", "staging", "--wait-lock", "5");
        Path current = Files.readSymbolicLink(h.envDir().resolve("current"));
        h.ok("config", "set", "-e", "staging", "GREETING=second");
        h.ok("release", "-e", "staging");
        Result second = h.ok("deploy", "-e", "staging", "--plan", "--host", "vps1");
        assertThat(second.out()).contains("plan: deploy staging v2").contains("now:      staging v1").contains("app up")
                .contains("upload:   reuse (the artifact is already on the host)").contains("~ GREETING: first -> second");
        assertThat(Files.readSymbolicLink(h.envDir().resolve("current"))).isEqualTo(current);
        assertThat(h.app()).isEqualTo("first");
    }

    @Test
    void rollbackSaysWhatItWillActivateBeforeActing() throws Exception {
        Result nothing = h.cli("rollback", "-e", "staging");
        assertThat(nothing.code()).isEqualTo(1);
        assertThat(nothing.err()).contains("Nothing to roll back to on vps1").contains("Nothing was changed.");

        h.ok("deploy", "-e", "staging");
        h.ok("config", "set", "-e", "staging", "GREETING=second");
        h.ok("release", "-e", "staging");
        h.ok("deploy", "-e", "staging");
        assertThat(h.app()).isEqualTo("second");
        Path v2 = Files.readSymbolicLink(h.envDir().resolve("current"));

        Result plan = h.ok("rollback", "-e", "staging", "--plan");
        assertThat(plan.out()).contains("Rollback on vps1 will activate staging v1").doesNotContain("rollback  ");
        assertThat(plan.err()).doesNotContain("-> ");
        assertThat(Files.readSymbolicLink(h.envDir().resolve("current"))).isEqualTo(v2);

        Result back = h.ok("rollback", "-e", "staging");
        assertThat(back.out()).contains("Rollback on vps1 will activate staging v1").contains("vps1  staging v1  rollback  live");
        assertThat(back.out().indexOf("will activate")).isLessThan(back.out().indexOf("rollback  live"));
        assertThat(h.app()).isEqualTo("first");

        Result to = h.ok("rollback", "-e", "staging", "--to", "2", "--yes");
        assertThat(to.out()).contains("Rollback on vps1 will activate staging v2 (asked with --to 2)").contains("now: staging v1")
                .contains("vps1  staging v2  rollback  live");
        assertThat(h.app()).isEqualTo("second");
    }

    @Test
    void aFailedDeployPrintsItsWholeMessageWithTheEvidence() {
        h.ok("deploy", "-e", "staging");
        h.release("exit", "broken");

        Result failed = h.cli("deploy", "-e", "staging");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.out()).contains("vps1  staging v2  deploy  rolled back");
        assertThat(failed.err()).contains("error: vps1: staging v2 failed on").contains("exited before")
                .contains("last lines of shared/log/web.1.log:").contains("demo server: exiting on purpose").contains("log: ");
        assertThat(h.app()).isEqualTo("first");
        assertThat(h.ok("history").out()).contains("deploy  demo/staging v2 on vps1  rolled back");
    }
}
