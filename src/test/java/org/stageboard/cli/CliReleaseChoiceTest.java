package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release picks the branch head's build and says so; deploy says when the config changed since; ship does all three. */
class CliReleaseChoiceTest {

    @TempDir
    Path tmp;

    private CliHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void releasePicksTheHeadsBuildAfterAnOlderCommitWasBuilt() {
        h = CliHarness.start(tmp).withStagingV1(30);
        String first = h.ok("commits").out().lines().findFirst().orElseThrow().substring(0, 7);
        String head = h.git().write("health-behaviour", "ok\n# v2\n").commit("second version");
        h.ok("build");                    // #2: the head
        h.ok("build", first);             // #3: the old commit, built to look at it (newest build now)

        CliHarness.Result release = h.ok("release", "-e", "staging");
        assertThat(release.out()).contains("releasing build #2 of commit " + head.substring(0, 7) + " 'second version': the head of main")
                .contains("staging v2  build #2");

        CliHarness.Result chosen = h.ok("release", "-e", "staging", "--build", "3");
        assertThat(chosen.out()).contains("build #3 (commit " + first + "), as asked; note: the head of main is " + head.substring(0, 7));

        String newest = h.git().write("health-behaviour", "ok\n# v3\n").commit("third version");
        CliHarness.Result notBuilt = h.cli("release", "-e", "staging");
        assertThat(notBuilt.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(notBuilt.err()).contains("The head of main (" + newest.substring(0, 7) + " 'third version') has no successful build")
                .contains("stageboard build").contains("stageboard ship -e ENV").contains("--build 3");
    }

    @Test
    void deploySaysTheConfigChangedSinceTheReleaseAndShipDeploysTheNewOne() {
        h = CliHarness.start(tmp).withStagingV1(30);
        h.ok("config", "set", "-e", "staging", "GREETING=second");
        h.cliWithInput("t0p-s3cret\n", "config", "set", "-e", "staging", "--secret-stdin", "API_TOKEN");

        CliHarness.Result deploy = h.cli("deploy", "-e", "staging");
        assertThat(deploy.code()).as(deploy.all()).isZero();
        assertThat(deploy.err()).contains("warning: the config of staging changed since staging v1 was made")
                .contains("added API_TOKEN (secret)").contains("changed GREETING")
                .contains("stageboard release -e staging").contains("stageboard ship -e staging")
                .doesNotContain("t0p-s3cret").doesNotContain("second");
        assertThat(h.app()).contains("first");

        h.git().write("health-behaviour", "ok\n# shipped\n").commit("ship me");
        CliHarness.Result ship = h.cli("ship", "-e", "staging");
        assertThat(ship.code()).as(ship.all()).isZero();
        assertThat(ship.out()).contains("build #2").contains("release staging v2  build #2 + config v3").contains("vps1  staging v2  deploy  live");
        assertThat(h.app()).contains("second");

        CliHarness.Result again = h.cli("deploy", "-e", "staging");
        assertThat(again.err()).doesNotContain("warning: the config");
    }
}
