package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.RecordingProgress;
import org.stageboard.testing.SshTestServer;

/** Retention on a real host: keep N releases, never the current one nor the rollback target; artifacts no kept release uses go. */
class RetentionTest extends HostTestBase {

    @Test
    void keepingOneReleaseStillKeepsTheRollbackTargetAndDropsWhatNothingUses() throws Exception {
        HostRunner runner = runnerFor("retention");
        int port = freePort();
        RemoteRelease v1 = release("v1", okArtifact, port, "one", 60, 1);
        RemoteRelease v2 = release("v2", okArtifact, port, "two", 60, 1);
        RemoteRelease v3 = release("v3", failArtifact, port, "three", 6, 1);
        for (RemoteRelease r : new RemoteRelease[] {v1, v2}) {
            RecordingProgress progress = new RecordingProgress();
            assertThat(runner.activate(r, progress).status()).as(progress.all()).isEqualTo(RunStatus.LIVE);
        }
        RecordingProgress third = new RecordingProgress();
        assertThat(runner.activate(v3, third).status()).as(third.all()).isEqualTo(RunStatus.ROLLED_BACK);

        Path env = deploys.envDir();
        // keep 1: v2 is current; v1 is neither the newest nor current, but it is what a rollback goes back to.
        assertThat(HostRunner.rollbackTarget(runner.state("shop", "staging", false))).isEqualTo(v1.releaseName());
        assertThat(env.resolve("releases/" + v2.releaseName())).isDirectory();
        assertThat(env.resolve("releases/" + v1.releaseName())).as("the rollback target is kept").isDirectory();
        assertThat(env.resolve("releases/" + v3.releaseName())).as("the failed release is pruned").doesNotExist();
        assertThat(third.logs).contains("removed old release folder " + v3.releaseName());
        assertThat(env.resolve("artifacts/" + SshTestServer.sha256(failArtifact) + ".tar.gz")).as("no kept release uses it").doesNotExist();
        assertThat(env.resolve("artifacts/" + SshTestServer.sha256(okArtifact) + ".tar.gz")).exists();
    }
}
