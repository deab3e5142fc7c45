package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stageboard.ssh.SshSession;
import org.stageboard.testing.RecordingProgress;

/** Instance logs under shared/log rotated past their limit by the housekeeping command, keeping 3 old files. */
class LogRotationTest extends HostTestBase {

    @Test
    void aLogOverTheLimitIsRotatedKeepingThreeOldFilesAndSmallLogsAreLeftAlone() throws Exception {
        runnerFor("rotate-three");
        Path logs = Files.createDirectories(deploys.envDir().resolve("shared/log"));
        Path web = logs.resolve("web.1.log");
        Path worker = logs.resolve("worker.1.log");
        byte[] big = new byte[(int) Housekeeping.LOG_LIMIT_BYTES + 1];
        Files.write(web, big);
        Files.writeString(logs.resolve("web.1.log.1"), "old 1\n");
        Files.writeString(logs.resolve("web.1.log.2"), "old 2\n");
        Files.writeString(logs.resolve("web.1.log.3"), "old 3\n");
        Files.writeString(worker, "small\n");
        RemoteLayout layout = new RemoteLayout(deploys.envDir().toString());
        RecordingProgress progress = new RecordingProgress();

        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            Housekeeping.tidy(shell, layout, progress);

            assertThat(web).isEmptyFile();
            assertThat(logs.resolve("web.1.log.1")).hasSize(big.length);
            assertThat(logs.resolve("web.1.log.2")).hasContent("old 1");
            assertThat(logs.resolve("web.1.log.3")).hasContent("old 2");
            assertThat(logs.resolve("web.1.log.4")).doesNotExist();
            assertThat(worker).hasContent("small");
            assertThat(logs.resolve("worker.1.log.1")).doesNotExist();
            assertThat(progress.logs).containsExactly("shared/log/web.1.log was over 10 MB: rotated to shared/log/web.1.log.1 (keeping 3 old files)");

            // Over the limit again: the oldest goes, the cap holds.
            Files.write(web, big);
            Housekeeping.tidy(shell, layout, new RecordingProgress());
            assertThat(logs.resolve("web.1.log.1")).hasSize(big.length);
            assertThat(logs.resolve("web.1.log.2")).hasSize(big.length);
            assertThat(logs.resolve("web.1.log.3")).hasContent("old 1");
            try (var files = Files.list(logs)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        "web.1.log", "web.1.log.1", "web.1.log.2", "web.1.log.3", "worker.1.log");
            }
        }
    }
}
