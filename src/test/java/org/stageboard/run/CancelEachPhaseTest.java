package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.RecordingProgress;
import org.stageboard.testing.SshTestServer;

/** Cancel at every phase of a deploy: each ends CANCELLED, unlocked, recorded, with the previous release serving. */
class CancelEachPhaseTest extends HostTestBase {

    static Path otherArtifact;

    @BeforeAll
    static void packAnotherArtifact() {
        otherArtifact = SshTestServer.writeDemoArtifact(work, "ok");
    }

    /** A progress that asks to stop as soon as a step starting with {@code phase} begins. */
    private static RecordingProgress cancelAt(String phase) {
        return new RecordingProgress() {
            @Override
            public void step(String title) {
                super.step(title);
                if (title.startsWith(phase)) {
                    cancelled = true;
                }
            }
        };
    }

    @Test
    void cancelAtEveryPhaseLeavesThePreviousReleaseServing() throws Exception {
        HostRunner runner = runnerFor("phases");
        int port = freePort();
        RemoteRelease v1 = release("v1", okArtifact, port, "v1 serving", 30, 10);
        assertThat(runner.activate(v1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

        String[] phases = {"upload artifact", "prepare release folder", "stop previous app", "switch current", "start staging",
                "health check"};
        int version = 2;
        for (String phase : phases) {
            RemoteRelease next = release("v" + version++, version % 2 == 0 ? okArtifact : otherArtifact, port, "must not serve", 30, 10);
            RecordingProgress progress = cancelAt(phase);

            DeployResult result = runner.activate(next, progress);

            assertThat(result.status()).as(phase + ": " + progress.all()).isEqualTo(RunStatus.CANCELLED);
            assertThat(deploys.currentTarget()).as(phase).isEqualTo("releases/" + v1.releaseName());
            assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).as(phase).isEqualTo("v1 serving");
            assertThat(deploys.envDir().resolve(".stageboard/lock")).as(phase).doesNotExist();
            assertThat(deploys.ledgerLines()).last().asString().as(phase).contains("\"outcome\":\"CANCELLED\"");
            try (var folders = Files.list(deploys.envDir().resolve("releases"))) {
                assertThat(folders.map(p -> p.getFileName().toString())).as(phase).noneMatch(n -> n.startsWith(".tmp-"));
            }
        }
        assertThat(HostRunner.rollbackTarget(runner.state("shop", "staging", false))).as("cancelled releases never become targets")
                .isNull();
    }
}
