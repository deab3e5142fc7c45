package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Masker;
import org.stageboard.ssh.SshSession;

/** Streamed commands on a real SSH server: lines arrive while the command runs, framed, banners cut away. */
class StreamedCommandTest extends HostTestBase {

    @Test
    void linesArriveWhileTheCommandRunsAndTheLoginsBannersNeverReachThem() throws Exception {
        server.setBanner("Welcome to the host!\n * motd line\n");
        server.setStderrBanner("bashrc: noise without a newline");
        Path go = work.resolve("streamed-go");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            // The command waits for a file the test writes only once it has seen the first line:
            // without streaming, this would never end (it would time out and fail).
            int code = shell.stream("echo first; echo; while [ ! -f " + RemoteLayout.q(go.toString()) + " ]; do sleep 0.1; done; "
                    + "echo to-stderr >&2; printf 'last without newline'; exit 5", Duration.ofSeconds(60), line -> {
                        lines.add(line);
                        if (line.equals("first")) {
                            try {
                                Files.writeString(go, "go");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    });
            assertThat(code).isEqualTo(5);
        }
        // stdout and stderr are two streams: each in order, interleaved as they came.
        // (An empty stdout line is handed over with the next stdout line, so stderr may come between.)
        assertThat(lines.stream().filter(line -> !line.equals("to-stderr")).toList()).containsExactly("first", "", "last without newline");
        assertThat(lines).containsExactlyInAnyOrder("first", "", "to-stderr", "last without newline");
    }

    @Test
    void aFolderCommandRunsInItsFolderWithTheEnvExportedAndKeepsAMaskedTail() throws Exception {
        Path folder = Files.createDirectories(work.resolve("folder-command"));
        Files.writeString(folder.resolve(".env"), "GREETING='hi there'\nTOKEN='" + DemoDeploys.SECRET + "'\n");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (SshSession ssh = SshSession.open(server.target())) {
            FolderCommand run = FolderCommand.run(new RemoteShell(ssh), folder.toString(), true,
                    "pwd; echo \"$GREETING\" \"$TOKEN\"; i=0; while [ $i -lt 250 ]; do echo line $i; i=$((i+1)); done; exit 2",
                    Duration.ofSeconds(60), new Masker(List.of(DemoDeploys.SECRET)), lines::add);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(lines.subList(0, 2)).containsExactly(folder.toString(), "hi there ********");
            assertThat(run.output().lines().toList()).hasSize(FolderCommand.TAIL).endsWith("line 249");
        }
    }
}
