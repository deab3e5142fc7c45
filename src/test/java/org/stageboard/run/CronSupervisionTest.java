package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stageboard.core.InstanceState;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.Supervision;
import org.stageboard.ssh.SshSession;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.RecordingProgress;

/**
 * {@code process+cron}: the {@code @reboot} crontab line is added once, the user's other lines
 * kept, and its {@code boot.sh} brings the app back after a "reboot" (every process gone); a host
 * without {@code crontab} gets a deploy that says no entry was made. This machine has no cron: a
 * small fake {@code crontab} (a file per user) stands in for it.
 */
class CronSupervisionTest extends HostTestBase {

    private static RemoteRelease withCron(String name, int port) {
        RemoteRelease r = release(name, okArtifact, port, "hello from " + name, 60, 3);
        RunSettings run = r.run().withSupervision(Supervision.PROCESS_CRON);
        return new RemoteRelease(r.identity(), r.artifactFile(), r.env(), r.secretValues(), run, r.actor(), r.releaseJson());
    }

    private static Path fakeCrontab(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Path crontab = dir.resolve("bin/crontab");
        Files.writeString(crontab, "#!/bin/sh\nf='" + dir.resolve("crontab.txt") + "'\n"
                + "case \"$1\" in\n"
                + "  -l) if [ -f \"$f\" ]; then cat \"$f\"; else echo 'no crontab for this user' >&2; exit 1; fi;;\n"
                + "  -) cat > \"$f\";;\n"
                + "  *) echo \"fake crontab: $1\" >&2; exit 1;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(crontab, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve("crontab.txt");
    }

    @Test
    void theRebootLineIsAddedOnceKeepingTheUsersLinesAndBootShBringsTheAppBack() throws Exception {
        HostRunner runner = runnerFor("cron");
        Path dir = work.resolve("fake-cron");
        Path table = fakeCrontab(dir);
        Files.writeString(table, "MAILTO=ops@example.com\n0 3 * * * /usr/local/bin/backup --all\n");
        server.setPathPrefix(dir.resolve("bin"), Map.of());
        int port = freePort();
        String boot = deploys.envDir() + "/.stageboard/boot.sh";
        String line = "@reboot /bin/sh '" + boot + "' > /dev/null 2>&1";

        RecordingProgress first = new RecordingProgress();
        assertThat(runner.activate(withCron("v1", port), first).status()).as(first.all()).isEqualTo(RunStatus.LIVE);
        assertThat(first.logs).contains("crontab: @reboot entry added, running " + boot);
        assertThat(Files.readAllLines(table)).containsExactly("MAILTO=ops@example.com", "0 3 * * * /usr/local/bin/backup --all", line);

        RecordingProgress second = new RecordingProgress();
        assertThat(runner.activate(withCron("v2", port), second).status()).as(second.all()).isEqualTo(RunStatus.LIVE);
        assertThat(second.logs).contains("crontab: the @reboot entry is already there");
        assertThat(Files.readAllLines(table)).containsExactly("MAILTO=ops@example.com", "0 3 * * * /usr/local/bin/backup --all", line);

        // A reboot: every process of the app is gone, and nothing was stopped cleanly.
        long supervisor = deploys.instancePid("web.1");
        ProcessHandle handle = ProcessHandle.of(supervisor).orElseThrow();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> AppProcesses.get("http://127.0.0.1:" + port + "/").equals("unreachable"));

        try (SshSession ssh = SshSession.open(server.target())) {
            RemoteShell shell = new RemoteShell(ssh);
            String out = shell.check("Running boot.sh as cron would", "/bin/sh '" + boot + "' > /dev/null 2>&1; echo ran");
            assertThat(out.strip()).isEqualTo("ran");
            deploys.instancePid("web.1");
            await().atMost(Duration.ofSeconds(60)).until(() -> AppProcesses.get("http://127.0.0.1:" + port + "/").equals("hello from v2"));
            assertThat(Instances.read(shell, new RemoteLayout(deploys.envDir().toString())))
                    .extracting(InstanceState::name, InstanceState::alive).containsExactly(org.assertj.core.groups.Tuple.tuple("web.1", true));
        }
        assertThat(Files.readString(deploys.envDir().resolve("shared/log/web.1.log"))).contains("starting after a reboot as web.1");
    }

    @Test
    void withoutCrontabTheDeploySaysNoRebootEntryWasMade() throws Exception {
        // Never touch a real user's crontab: this runs only where there is none (as on these machines).
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .noneMatch(p -> Files.isExecutable(Path.of(p, "crontab"))), "this machine has crontab");
        HostRunner runner = runnerFor("no-cron");
        RecordingProgress progress = new RecordingProgress();

        assertThat(runner.activate(withCron("v1", freePort()), progress).status()).as(progress.all()).isEqualTo(RunStatus.LIVE);
        assertThat(progress.logs).anyMatch(l -> l.startsWith("crontab is not available on ") && l.contains("no @reboot entry was made"));
    }
}
