package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stageboard.run.DemoDeploys.SECRET;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.getThroughHost;
import static org.stageboard.run.DemoDeploys.isAlive;
import static org.stageboard.run.DemoDeploys.release;
import static org.stageboard.run.SharedDataTest.with;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Hooks;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.RecordingProgress;

/** Commands around the switch and the release command, on a real host with real apps. */
class HooksAndReleaseCommandTest extends HostTestBase {

    private static RemoteRelease withHooks(RemoteRelease release, String before, String after) {
        return with(release, release.run().withHooks(new Hooks(null, before, after)));
    }

    @Test
    void aFailingBeforeSwitchCommandLeavesTheOldReleaseServingUntouched() throws Exception {
        HostRunner runner = runnerFor("hook-before");
        int port = freePort();
        assertThat(runner.activate(release("v1", okArtifact, port, "hello from v1", 60, 3), new RecordingProgress()).status())
                .isEqualTo(RunStatus.LIVE);
        long pid1 = deploys.pidFromFile();
        String current = deploys.currentTarget();

        RemoteRelease r2 = withHooks(release("v2", okArtifact, port, "hello from v2", 60, 3),
                "echo checking \"$GREETING\" in $(pwd); echo token $API_TOKEN >&2; exit 4", null);
        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.activate(r2, progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("before-switch command", "exit 4", "Nothing was switched");
        assertThat(result.evidence()).contains("checking hello from v2 in ", "/releases/" + r2.releaseName(), "token ********")
                .doesNotContain(SECRET);
        assertThat(progress.steps).contains("before-switch command").doesNotContain("stop previous app");
        assertThat(progress.logs).anyMatch(line -> line.startsWith("  checking hello from v2"));
        assertThat(progress.all()).doesNotContain(SECRET);
        // The old release serves on, the same process, untouched.
        assertThat(deploys.currentTarget()).isEqualTo(current);
        assertThat(deploys.pidFromFile()).isEqualTo(pid1);
        assertThat(isAlive(pid1)).isTrue();
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        assertThat(deploys.ledgerLines().get(deploys.ledgerLines().size() - 1)).contains("\"outcome\":\"FAILED\"");
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
    }

    @Test
    void aFailingAfterSwitchCommandPutsTheHostBackOnThePreviousRelease() throws Exception {
        HostRunner runner = runnerFor("hook-after");
        int port = freePort();
        RemoteRelease r1 = release("v1", okArtifact, port, "hello from v1", 60, 3);
        assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

        RemoteRelease r2 = withHooks(release("v2", okArtifact, port, "hello from v2", 60, 3),
                "pwd > before-ran.txt", "echo after-switch saw \"$GREETING\" and $API_TOKEN; exit 2");
        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.activate(r2, progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(result.message()).contains("after-switch command failed (exit 2)", "Rolled back to " + r1.releaseName());
        assertThat(result.evidence()).contains("after-switch saw hello from v2 and ********").doesNotContain(SECRET);
        assertThat(progress.steps).containsSubsequence("before-switch command", "switch current to " + r2.releaseName(),
                "health check", "after-switch command", "roll back to " + r1.releaseName());
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        // The before-switch command ran in the new release's folder.
        Path ran = deploys.envDir().resolve("releases/" + r2.releaseName() + "/before-ran.txt");
        assertThat(Files.readString(ran).strip()).endsWith("/releases/" + r2.releaseName());
        // Hooks that pass: the deploy goes live.
        RemoteRelease r3 = withHooks(release("v3", okArtifact, port, "hello from v3", 60, 3), "true", "echo warmed up");
        RecordingProgress ok = new RecordingProgress();
        assertThat(runner.activate(r3, ok).status()).as(ok.all()).isEqualTo(RunStatus.LIVE);
        assertThat(ok.logs).contains("  warmed up");
    }

    @Test
    void aReleaseCommandRunsInTheNewReleaseWithItsConfigAndNeverSwitches() throws Exception {
        HostRunner runner = runnerFor("release-command");
        int port = freePort();
        RemoteRelease r1 = release("v1", okArtifact, port, "hello from v1", 60, 3);
        assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        long pid1 = deploys.pidFromFile();

        RemoteRelease r2 = with(release("v2", okArtifact, port, "hello from v2", 60, 3),
                release("v2", okArtifact, port, "x", 60, 3).run().withShared(List.of("storage/")));
        RecordingProgress progress = new RecordingProgress();
        CommandResult ok = runner.releaseCommand(r2, "echo migrating for \"$GREETING\" with $API_TOKEN; ls -d storage; "
                + "echo schema v2 > storage/schema; echo done >&2", Duration.ZERO, progress);

        assertThat(ok.exitCode()).isZero();
        assertThat(ok.output()).contains("migrating for hello from v2 with ********", "storage", "done").doesNotContain(SECRET);
        assertThat(progress.steps).contains("release command");
        assertThat(progress.logs).contains("  migrating for hello from v2 with ********");
        assertThat(progress.all()).doesNotContain(SECRET);
        // Prepared like an activation (shared links too), nothing switched.
        assertThat(Files.readString(deploys.envDir().resolve("shared/storage/schema")).strip()).isEqualTo("schema v2");
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
        assertThat(deploys.pidFromFile()).isEqualTo(pid1);
        assertThat(isAlive(pid1)).isTrue();
        String last = deploys.ledgerLines().get(deploys.ledgerLines().size() - 1);
        assertThat(last).contains("\"kind\":\"release-command\"", "\"outcome\":\"DONE\"", r2.releaseName());
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();

        RecordingProgress failing = new RecordingProgress();
        CommandResult bad = runner.releaseCommand(release("v3", okArtifact, port, "hello from v3", 60, 3),
                "echo cannot migrate; exit 7", Duration.ZERO, failing);
        assertThat(bad.exitCode()).isEqualTo(7);
        assertThat(bad.output()).isEqualTo("cannot migrate");
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
        assertThat(deploys.pidFromFile()).isEqualTo(pid1);
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        assertThat(deploys.ledgerLines().get(deploys.ledgerLines().size() - 1)).contains("\"outcome\":\"FAILED\"", "exited 7");
        // None of this moved what a rollback would go back to, nor what the deploy of v2 finds: its folder is reused.
        assertThat(HostRunner.rollbackTarget(runner.state("shop", "staging", false))).isNull();
        RecordingProgress deploy = new RecordingProgress();
        assertThat(runner.activate(r2, deploy).status()).as(deploy.all()).isEqualTo(RunStatus.LIVE);
        assertThat(deploy.logs).anyMatch(line -> line.contains("reused with its own config"));
        assertThat(HostRunner.rollbackTarget(runner.state("shop", "staging", false))).isEqualTo(r1.releaseName());
    }

    @Test
    void aCancelledReleaseCommandIsEndedOnTheHostAndTheLockReleased() throws Exception {
        HostRunner runner = runnerFor("release-command-cancel");
        Path pidFile = deploys.envDir().resolve("sleeper.pid");
        RecordingProgress progress = new RecordingProgress() {
            @Override
            public void log(String line) {
                super.log(line);
                if (line.equals("  sleeping now")) {
                    cancelled = true;
                }
            }
        };
        assertThatThrownBy(() -> runner.releaseCommand(release("v1", okArtifact, freePort(), "hi", 60, 3),
                "echo $$ > " + pidFile + "; echo sleeping now; exec sleep 300", Duration.ZERO, progress))
                .isInstanceOf(CancelledException.class);
        long sleeper = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(isAlive(sleeper)).as("the command was ended on the host").isFalse();
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
        assertThat(deploys.ledgerLines().get(deploys.ledgerLines().size() - 1)).contains("\"outcome\":\"CANCELLED\"");
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
    }

    @Test
    void cancellingABeforeSwitchCommandEndsItOnTheHostWithNothingSwitched() throws Exception {
        HostRunner runner = runnerFor("hook-cancel");
        int port = freePort();
        assertThat(runner.activate(release("v1", okArtifact, port, "hello from v1", 60, 3), new RecordingProgress()).status())
                .isEqualTo(RunStatus.LIVE);
        long pid1 = deploys.pidFromFile();
        Path pidFile = deploys.envDir().resolve("hook-sleeper.pid");
        RecordingProgress progress = new RecordingProgress() {
            @Override
            public void log(String line) {
                super.log(line);
                if (line.equals("  waiting")) {
                    cancelled = true;
                }
            }
        };
        RemoteRelease r2 = withHooks(release("v2", okArtifact, port, "hello from v2", 60, 3),
                "echo $$ > " + pidFile + "; echo waiting; exec sleep 300", null);

        DeployResult result = runner.activate(r2, progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.CANCELLED);
        assertThat(isAlive(Long.parseLong(Files.readString(pidFile).strip()))).as("the hook was ended on the host").isFalse();
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + release("v1", okArtifact, port, "", 60, 3).releaseName());
        assertThat(deploys.pidFromFile()).isEqualTo(pid1);
        assertThat(isAlive(pid1)).isTrue();
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
    }
}
