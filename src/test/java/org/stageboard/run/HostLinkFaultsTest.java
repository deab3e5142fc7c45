package org.stageboard.run;

import org.stageboard.core.HostState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.release;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.FreezableProxy;
import org.stageboard.testing.RecordingProgress;
import org.stageboard.testing.SshTestServer;

/** The link and the login shell misbehave: a banner, forwarding refused, the session dropped mid-upload and mid-switch. */
class HostLinkFaultsTest extends HostTestBase {

    static Path bigArtifact;

    @BeforeAll
    static void packBigArtifact() throws Exception {
        bigArtifact = bigDemoArtifact();
    }

    @Test
    void aLoginShellThatPrintsABannerConfusesNothing() throws Exception {
        HostRunner runner = runnerFor("banner");
        server.setBanner("Welcome to Ubuntu 24.04 LTS\n * Documentation: https://help.ubuntu.com\n12345\n");
        server.setStderrBanner("bash: warning: setlocale: LC_ALL: cannot change locale\n");
        int port = freePort();

        RecordingProgress progress = new RecordingProgress();
        RemoteRelease r1 = release("v1", okArtifact, port, "hello", 30, 3);
        DeployResult result = runner.activate(r1, progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.LIVE);
        assertThat(progress.logs).anyMatch(l -> l.matches("started staging v1 as pid \\d+"));
        HostState state = runner.state("shop", "staging", true);
        assertThat(state.currentFolder()).isEqualTo(r1.releaseName());
        assertThat(state.pid()).isEqualTo((int) deploys.pidFromFile());
        assertThat(state.appAlive()).isTrue();
        assertThat(state.healthy()).isTrue();
        assertThat(state.lock()).isNull();
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
    }

    @Test
    void aHostThatRefusesPortForwardingIsNamedAndKeepsServing() throws Exception {
        HostRunner runner = runnerFor("no-forwarding");
        int port = freePort();
        assertThat(runner.activate(release("v1", okArtifact, port, "v1 serving", 30, 3), new RecordingProgress()).status())
                .isEqualTo(RunStatus.LIVE);
        long pid1 = deploys.pidFromFile();
        server.setForwardingAllowed(false);

        DeployResult result = runner.activate(release("v2", okArtifact, port, "v2", 30, 3), new RecordingProgress());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("AllowTcpForwarding", "command health check", "Nothing was switched");
        assertThat(AppProcesses.alive(pid1)).isTrue();
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("v1 serving");
    }

    @Test
    void aSessionDroppedMidUploadFailsNamingTheLostConnectionAndTheNextRunCleansUp() throws Exception {
        HostRunner runner = runnerFor("drop-upload");
        int port = freePort();
        server.dropSessionsAfterUploadedBytes(1024 * 1024);

        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.activate(release("v1", bigArtifact, port, "big", 30, 3), progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).containsIgnoringCase("connection").contains("lost").doesNotContain("free space");
        assertThat(deploys.envDir().resolve(".stageboard/lock")).as("the run reconnected to release its lock").doesNotExist();
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        assertThat(deploys.ledgerLines()).last().asString().contains("\"outcome\":\"FAILED\"");

        RecordingProgress again = new RecordingProgress();
        assertThat(runner.activate(release("v1", bigArtifact, port, "big", 30, 3), again).status()).as(again.all())
                .isEqualTo(RunStatus.LIVE);
        try (var files = Files.list(deploys.envDir().resolve("artifacts"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".part-"));
        }
    }

    @Test
    void aSessionDroppedAtTheSwitchIsRecoveredOnANewConnection() throws Exception {
        HostRunner runner = runnerFor("drop-switch");
        int port = freePort();
        RemoteRelease r1 = release("v1", okArtifact, port, "v1 serving", 30, 3);
        assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

        RecordingProgress progress = new RecordingProgress() {
            @Override
            public void step(String title) {
                super.step(title);
                if (title.startsWith("switch current to")) {
                    server.dropAllSessions();
                }
            }
        };
        DeployResult result = runner.activate(release("v2", okArtifact, port, "v2", 30, 3), progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(result.message()).contains("Rolled back to " + r1.releaseName(), "serves again");
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("v1 serving");
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
        assertThat(deploys.ledgerLines()).last().asString().contains("\"outcome\":\"ROLLED_BACK\"");
    }

    /**
     * The trial: the SSH server goes down during the health check and is back about 2 s later.
     * Recovery keeps trying to connect (for less than the guard's grace), gets back in, disarms the
     * guard and puts the previous release back itself, saying so in one true sentence.
     */
    @Test
    void anSshServerDownForTwoSecondsInTheHealthCheckIsReconnectedToAndTheRunPutsTheHostBackItself() throws Exception {
        try (FreezableProxy proxy = FreezableProxy.to(server.port())) {
            java.nio.file.Path base = Files.createDirectories(server.baseDir().resolve("down-2s"));
            deploys = new DemoDeploys(base);
            HostRunner runner = new HostRunner(server.targetThrough(proxy), base.toString());
            int port = freePort();
            RemoteRelease r1 = release("v1", okArtifact, port, "v1 serving", 30, 3);
            assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

            java.util.concurrent.ScheduledExecutorService later = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            RecordingProgress progress = new RecordingProgress() {
                @Override
                public void step(String title) {
                    super.step(title);
                    if (title.equals("health check")) {
                        proxy.refuseNew(true);
                        proxy.reset();
                        later.schedule(() -> proxy.refuseNew(false), 2, java.util.concurrent.TimeUnit.SECONDS);
                    }
                }
            };
            DeployResult result;
            try {
                result = runner.activate(release("v2", okArtifact, port, "v2", 30, 3), progress);
            } finally {
                later.shutdown();
            }
            assertThat(result.status()).as(result.message() + "\n" + progress.all()).isEqualTo(RunStatus.ROLLED_BACK);
            assertThat(result.message()).contains("Rolled back to " + r1.releaseName(), "serves again and is healthy")
                    .doesNotContain("..", "check the host's state", "app down");
            assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
            assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("v1 serving");
            assertThat(deploys.envDir().resolve(".stageboard/guard-restored.log")).as("the run came back before its guard acted").doesNotExist();
            assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
        }
    }

    /**
     * The SSH server stays down: the run says what it last knew and that the host's guard acts,
     * not that the app is down (it cannot know); the guard does put the previous release back.
     */
    @Test
    void anSshServerDownForGoodInTheHealthCheckIsReportedAsInterruptedWithTheGuardActing() throws Exception {
        try (FreezableProxy proxy = FreezableProxy.to(server.port())) {
            java.nio.file.Path base = Files.createDirectories(server.baseDir().resolve("down-for-good"));
            deploys = new DemoDeploys(base);
            HostRunner runner = new HostRunner(server.targetThrough(proxy), base.toString());
            int port = freePort();
            RemoteRelease r1 = release("v1", okArtifact, port, "v1 serving", 30, 3);
            assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

            RecordingProgress progress = new RecordingProgress() {
                @Override
                public void step(String title) {
                    super.step(title);
                    if (title.equals("health check")) {
                        proxy.refuseNew(true);
                        proxy.reset();
                    }
                }
            };
            DeployResult result = runner.activate(release("v2", okArtifact, port, "v2", 30, 3), progress);
            assertThat(result.status()).as(result.message() + "\n" + progress.all()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(result.message()).contains("connecting again failed (", " tries in ", "When it was lost, current pointed to ",
                    "The host's guard puts " + r1.releaseName() + " back by itself within about").doesNotContain("..", "app down",
                    "without a running app");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40)).ignoreExceptions()
                    .until(() -> AppProcesses.get("http://127.0.0.1:" + port + "/").equals("v1 serving"));
            assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
        }
    }

    @Test
    void aLinkThatGoesSilentMidUploadIsNoticedWithinSecondsAndNamedAsLost() throws Exception {
        Path base = Files.createDirectories(server.baseDir().resolve("silent-link"));
        deploys = new DemoDeploys(base);
        try (FreezableProxy proxy = FreezableProxy.to(server.port())) {
            HostRunner runner = new HostRunner(server.targetThrough(proxy), base.toString());
            RecordingProgress progress = new RecordingProgress() {
                @Override
                public void fraction(double done) {
                    if (done > 0.1) {
                        proxy.freeze();
                    }
                }
            };
            long start = System.nanoTime();

            DeployResult result = runner.activate(release("v1", bigArtifact, freePort(), "big", 30, 3), progress);

            long seconds = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.FAILED);
            assertThat(result.message()).contains("lost", "Nothing was switched").doesNotContain("free space");
            assertThat(seconds).as("noticed by the keepalive, not after minutes").isLessThan(45);
            assertThat(deploys.envDir().resolve("current")).doesNotExist();
            // The link stayed dead, so the lock could not be released: it is there, and says whose it is.
            proxy.thaw();
            assertThat(new HostRunner(server.target(), base.toString()).lock("shop", "staging").holder())
                    .isEqualTo(org.stageboard.core.ProcessIdentity.current().format());
        }
    }

    @Test
    void anAppLogOverItsLimitIsRotatedByTheNextDeploy() throws Exception {
        HostRunner runner = runnerFor("rotate");
        Path log = Files.createDirectories(deploys.envDir().resolve("shared/log")).resolve("web.1.log");
        Files.write(log, new byte[(int) Housekeeping.LOG_LIMIT_BYTES + 1]);
        RecordingProgress progress = new RecordingProgress();

        assertThat(runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), progress).status()).isEqualTo(RunStatus.LIVE);

        assertThat(deploys.envDir().resolve("shared/log/web.1.log.1")).hasSize(Housekeeping.LOG_LIMIT_BYTES + 1);
        assertThat(Files.size(log)).isLessThan(Housekeeping.LOG_LIMIT_BYTES);
        assertThat(progress.logs).anyMatch(l -> l.contains("shared/log/web.1.log was over 10 MB: rotated to shared/log/web.1.log.1"));
    }

    /** The demo app plus 8 MB of incompressible filler, so an upload takes many SFTP writes. */
    private static Path bigDemoArtifact() throws Exception {
        Path content = Files.createDirectories(work.resolve("big-demo"));
        try (InputStream in = SshTestServer.class.getResourceAsStream("/demo-app/Server.java")) {
            Files.copy(in, content.resolve("Server.java"));
        }
        Files.writeString(content.resolve("health-behaviour"), "ok\n");
        byte[] filler = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(filler);
        Files.write(content.resolve("filler.bin"), filler);
        Path artifact = work.resolve("big-demo.tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", artifact.toString(), "-C", content.toString(), ".").inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        return artifact;
    }
}
