package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI deploys over three hosts (records on the one test server, each with its own base folder)
 * with a light app checked by a command, one host failing: per-host progress, a table of every
 * host's outcome with the skipped one, retry of the failed hosts, and the rollout settings.
 */
class CliRolloutTest {

    @TempDir
    Path tmp;

    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = CliHarness.start(tmp).withStagingV1(30);
        cli.ok("env", "add", "prod", "--start", "sleep 300", "--health", "command:test ! -e ../../fail-here", "--health-timeout", "3",
                "--stop-grace", "2");
        cli.ok("config", "set", "-e", "prod", "MODE=prod");
        for (String host : new String[] {"p1", "p2", "p3"}) {
            cli.ok("host", "add", host, "--address", cli.server.address(), "--port", Integer.toString(cli.server.port()), "--user",
                    cli.server.user(), "--key", cli.server.clientKey().toString(), "--base-dir", base(host).toString());
            cli.ok("host", "trust", host, "--fingerprint", cli.server.hostKeyFingerprint());
            cli.ok("env", "attach", "prod", host);
        }
        cli.ok("release", "-e", "prod");
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    private Path base(String host) {
        return cli.server.baseDir().resolve(host);
    }

    @Test
    void theOutcomeTableNamesEveryHostTheSkippedOneIncludedAndRetryDeploysOnlyTheRest() throws Exception {
        CliHarness.Result order = cli.ok("env", "order", "prod", "p3", "p1");
        assertThat(order.out()).contains("prod deploys to: p3, p1, p2");
        CliHarness.Result set = cli.ok("env", "rollout", "prod", "--mode", "rolling", "--batch-size", "1", "--on-failure", "stay");
        assertThat(set.out()).contains("prod rollout: rolling, batches of 1; on failure: switched hosts stay");
        assertThat(cli.ok("env", "list").out()).contains("hosts: p3, p1, p2  rollout: rolling, batches of 1; on failure: switched hosts stay");
        Path marker = base("p1").resolve("demo/prod/fail-here");
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "");

        CliHarness.Result deploy = cli.cli("deploy", "-e", "prod");

        assertThat(deploy.code()).as(deploy.all()).isEqualTo(1);
        assertThat(deploy.out()).containsPattern("(?m)^HOST +RELEASE +KIND +OUTCOME +RUN +DETAIL$")
                .containsPattern("(?m)^p3 +prod v1  deploy  live +\\d+ +prod v1 is live")
                .containsPattern("(?m)^p1 +prod v1  deploy  failed +\\d+ +")
                .containsPattern("(?m)^p2 +prod v1  deploy  skipped +\\d+ +Not deployed: p1 failed")
                .contains("1 live, 1 failed before anything was switched, 1 skipped; the switched host stays on prod v1 (failure policy: stay); 1 of 3 hosts serves prod v1");
        // Each host's progress, prefixed with its name, without -v.
        assertThat(deploy.err()).contains("-> [p3] health check").contains("-> [p1] health check").doesNotContain("[p2] ")
                .contains("error: p1: ");

        Files.delete(marker);
        CliHarness.Result retry = cli.cli("deploy", "-e", "prod", "--retry-failed");

        assertThat(retry.code()).as(retry.all()).isZero();
        assertThat(retry.out()).containsPattern("(?m)^p1 +prod v1  deploy  live ").containsPattern("(?m)^p2 +prod v1  deploy  live ").doesNotContainPattern("(?m)^p3 ")
                .contains("2 live");
        assertThat(cli.ok("deploy", "-e", "prod", "--retry-failed").out()).contains("nothing to retry: prod v1 is live on every host of prod");
    }
}
