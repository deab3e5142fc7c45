package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.getThroughHost;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stageboard.core.HostState;
import org.stageboard.core.RunStatus;
import org.stageboard.core.Supervision;
import org.stageboard.testing.FakeSystemd;
import org.stageboard.testing.RecordingProgress;

/**
 * A deploy that dies in the middle of the switch (the deploying process killed: no recovery runs,
 * it never speaks again) does not leave the host without its app: the host's guard puts the
 * previous release back by itself within seconds once the run's tether (a shell it keeps open over
 * its SSH connection) is gone, or once the lock's heartbeat has stopped. A run that ends disarms
 * it and closes its tether, and the guard never acts. Real SSH server, real apps.
 */
class HostGuardTest extends HostTestBase {

    /** What dying looks like from inside: the run stops where it is, no catch of the run's own runs. */
    private static final class Died extends Error {
        Died() {
            super("the deploying process died here", null, false, false);
        }
    }

    /** A progress that throws at the step that starts the app: after the previous app was stopped (and current switched, in a deploy). */
    private static RecordingProgress failingAtStart(java.util.function.Supplier<? extends Throwable> failure) {
        return new RecordingProgress() {
            @Override
            public void step(String title) {
                super.step(title);
                if (title.startsWith("start ")) {
                    Throwable thrown = failure.get();
                    if (thrown instanceof Error error) {
                        throw error;
                    }
                    throw (RuntimeException) thrown;
                }
            }
        };
    }

    @AfterEach
    void forgetShortStaleness() {
        System.clearProperty(HostGuard.STALE_PROPERTY);
    }

    @Test
    void aRunThatDiesAfterStoppingThePreviousAppHasTheHostPutItBackAndLeavesTheLockForAUser() throws Exception {
        HostRunner runner = runnerFor("guard-dies");
        int port = freePort();
        RemoteRelease v1 = release("v1", okArtifact, port, "v1 serves", 60, 5);
        assertThat(runner.activate(v1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("v1 serves");

        System.setProperty(HostGuard.STALE_PROPERTY, "4");
        RecordingProgress dying = failingAtStart(Died::new);
        RemoteRelease v2 = release("v2", okArtifact, port, "v2 serves", 60, 5);
        assertThatThrownBy(() -> runner.activate(v2, dying)).isInstanceOf(Died.class);
        assertThat(dying.all()).contains("guard armed", "stop previous app", "switch current to " + v2.releaseName());
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + v2.releaseName());

        Path restored = deploys.envDir().resolve(".stageboard/guard-restored.log");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Files.exists(restored));
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> getThroughHost(server.target(), port, "/").body().equals("v1 serves"));
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + v1.releaseName());
        assertThat(Files.readString(restored)).contains("stopped answering while switching away from staging v1", "current -> releases/"
                + v1.releaseName(), "started staging v1 again");
        HostState state = runner.state("shop", "staging", true);
        assertThat(state.appAlive()).isTrue();
        assertThat(state.healthy()).isTrue();
        assertThat(state.lock()).as("the dead run's lock stays, for a user to break").isNotNull();
        assertThat(deploys.envDir().resolve(".stageboard/guard/armed")).doesNotExist();
        deploys.pidFromFile();
    }

    /**
     * The heartbeat is left at its 60 s: it was last touched at most {@link RemoteLock#HEARTBEAT}
     * before the run died, so it cannot make the watcher act before 50 s after the death. Only the
     * tether can put the host back within {@link #TETHER_BOUND}, and the log names it.
     */
    private static final Duration TETHER_BOUND = Duration.ofSeconds(40);

    @Test
    void aDeployWhoseConnectionIsDroppedForGoodAfterTheStopHasThePreviousReleaseBackWithinSecondsByTheTether() throws Exception {
        assertThat(HostGuard.staleSeconds()).as("the heartbeat's own staleness, not shortened").isEqualTo(60);
        assertThat(TETHER_BOUND).isLessThan(Duration.ofSeconds(HostGuard.staleSeconds()).minus(RemoteLock.HEARTBEAT));
        HostRunner runner = runnerFor("guard-tether");
        int port = freePort();
        RemoteRelease v1 = release("v1", okArtifact, port, "v1 serves", 60, 5);
        assertThat(runner.activate(v1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

        // The run dies right after the stop and the switch: its SSH connection is closed (by the runner's
        // try-with-resources as the Error passes, as the kernel does for a killed process), and it never reconnects.
        RecordingProgress dying = failingAtStart(Died::new);
        RemoteRelease v2 = release("v2", okArtifact, port, "v2 serves", 60, 5);
        assertThatThrownBy(() -> runner.activate(v2, dying)).isInstanceOf(Died.class);
        assertThat(dying.all()).contains("guard armed", "within about", "connection closing", "stop previous app");
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + v2.releaseName());

        Path restored = deploys.envDir().resolve(".stageboard/guard-restored.log");
        Awaitility.await().atMost(TETHER_BOUND).pollInterval(Duration.ofMillis(250)).until(() -> Files.exists(restored)
                && Files.readString(restored).contains("started staging v1 again"));
        assertThat(Files.readString(restored)).contains("stopped answering while switching away from staging v1 (its connection to the "
                + "host closed)", "current -> releases/" + v1.releaseName());
        // The host says who put v1 back, and when: a ledger line by the guard, which status and the board read.
        java.time.Instant restoredAt = Files.getLastModifiedTime(restored).toInstant();
        HostState after = runner.state("shop", "staging", true);
        org.stageboard.core.LedgerEntry since = after.currentEntry();
        assertThat(since).isNotNull();
        assertThat(since.byGuard()).isTrue();
        assertThat(since.actor()).isEqualTo(org.stageboard.core.LedgerEntry.GUARD);
        assertThat(since.doing()).isEqualTo("restore after a run died");
        assertThat(since.release()).isEqualTo(v1.releaseName());
        assertThat(since.previous()).isEqualTo(v2.releaseName());
        assertThat(since.outcome()).isEqualTo("RESTORED");
        assertThat(since.catalog()).isEqualTo(v2.identity().catalog());
        assertThat(since.message()).contains("put staging v1 back", "'s deploy of staging v2 stopped answering (its connection to the host closed)");
        assertThat(since.time()).isBetween(restoredAt.minusSeconds(30), restoredAt.plusSeconds(2));
        assertThat(after.guardSinceLock()).isEqualTo(since);
        assertThat(RollbackTarget.goodHistory(after.ledger())).as("the guard's line moves no rollback stack").containsExactly(v1.releaseName());
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> getThroughHost(server.target(), port, "/").body().equals("v1 serves"));
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + v1.releaseName());
        assertThat(runner.state("shop", "staging", true).lock()).as("the dead run's lock stays, for a user to break").isNotNull();
        awaitNoGuardProcesses();
        deploys.pidFromFile();
    }

    @Test
    void aRestartWhoseConnectionIsDroppedForGoodAfterItsStopHasTheReleaseStartedAgainWithinSeconds() throws Exception {
        HostRunner runner = runnerFor("guard-restart-tether");
        int port = freePort();
        RemoteRelease v1 = release("v1", okArtifact, port, "v1 serves", 60, 5);
        assertThat(runner.activate(v1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

        RecordingProgress dying = failingAtStart(Died::new);
        Operation op = new Operation("shop", "staging", "tester", java.util.List.of());
        assertThatThrownBy(() -> runner.restart(op, Duration.ZERO, dying)).isInstanceOf(Died.class);
        assertThat(dying.all()).contains("guard armed", "connection closing");

        Path restored = deploys.envDir().resolve(".stageboard/guard-restored.log");
        Awaitility.await().atMost(TETHER_BOUND).pollInterval(Duration.ofMillis(250)).until(() -> Files.exists(restored)
                && Files.readString(restored).contains("started staging v1 ("));
        assertThat(Files.readString(restored)).contains("(tester's restart of staging v1 (", "stopped answering between stopping and "
                + "starting staging v1 (", "(its connection to the host closed); starting it again").doesNotContain("switching away");
        org.stageboard.core.LedgerEntry since = runner.state("shop", "staging", true).currentEntry();
        assertThat(since.byGuard()).isTrue();
        assertThat(since.previous()).isNull();
        assertThat(since.message()).contains("started staging v1 again after tester's restart of staging v1");
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> getThroughHost(server.target(), port, "/").body().equals("v1 serves"));
        awaitNoGuardProcesses();
        deploys.pidFromFile();
    }

    @Test
    void aRestartThatEndsDisarmsTheGuardAndClosesItsTether() throws Exception {
        HostRunner runner = runnerFor("guard-restart-ends");
        int port = freePort();
        assertThat(runner.activate(release("v1", okArtifact, port, "v1 serves", 60, 5), new RecordingProgress()).status())
                .isEqualTo(RunStatus.LIVE);
        RecordingProgress restarting = new RecordingProgress();
        DeployResult result = runner.restart(new Operation("shop", "staging", "tester", java.util.List.of()), Duration.ZERO, restarting);
        assertThat(result.status()).as(restarting.all()).isEqualTo(RunStatus.LIVE);
        assertThat(restarting.all()).contains("guard armed", "connection closing");
        assertThat(deploys.envDir().resolve(".stageboard/guard")).doesNotExist();
        // The watcher is gone (it exits once disarmed) and never acted; the tether's shell ended with the run's channel.
        awaitNoGuardProcesses();
        assertThat(deploys.envDir().resolve(".stageboard/guard-restored.log")).doesNotExist();
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("v1 serves");
        deploys.pidFromFile();
    }

    @Test
    void aDeployUnderSystemdUserUnitsThatDiesAfterItsStopHasTheGuardStartThePreviousUnitAgain() throws Exception {
        HostRunner runner = runnerFor("guard-systemd");
        // systemctl and loginctl faked (these machines have no systemd); the watcher inherits their PATH from the run's commands.
        FakeSystemd fake = FakeSystemd.install(server, work.resolve("fake-systemd-guard"));
        String unit = "stageboard-shop-staging-web-1.service";
        int port = freePort();
        RemoteRelease v1 = userUnits(release("v1", okArtifact, port, "v1 serves", 60, 5));
        RecordingProgress first = new RecordingProgress();
        assertThat(runner.activate(v1, first).status()).as(first.all() + "\n" + fake.calls()).isEqualTo(RunStatus.LIVE);
        long v1Pid = fake.pid(unit);

        RecordingProgress dying = failingAtStart(Died::new);
        assertThatThrownBy(() -> runner.activate(userUnits(release("v2", okArtifact, port, "v2 serves", 60, 5)), dying))
                .isInstanceOf(Died.class);
        assertThat(dying.all()).contains("guard armed", "connection closing");
        assertThat(fake.calls()).as("the run stopped v1's unit").contains("systemctl --user stop " + unit);
        assertThat(DemoDeploys.isAlive(v1Pid)).isFalse();
        int before = fake.calls().size();

        Path restored = deploys.envDir().resolve(".stageboard/guard-restored.log");
        Awaitility.await().atMost(TETHER_BOUND).pollInterval(Duration.ofMillis(250)).until(() -> Files.exists(restored)
                && Files.readString(restored).contains("started staging v1 again"));
        assertThat(fake.calls().subList(before, fake.calls().size())).as("the guard started v1's unit through systemctl --user")
                .containsSubsequence("systemctl --user daemon-reload", "systemctl --user enable " + unit, "systemctl --user restart " + unit);
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> getThroughHost(server.target(), port, "/").body().equals("v1 serves"));
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + v1.releaseName());
        assertThat(deploys.instancePid("web.1")).isEqualTo(fake.pid(unit)).isNotEqualTo(v1Pid);
        assertThat(runner.state("shop", "staging", false).instances()).singleElement().satisfies(i -> {
            assertThat(i.supervision()).isEqualTo("systemd-user");
            assertThat(i.alive()).isTrue();
        });
        awaitNoGuardProcesses();
    }

    private static RemoteRelease userUnits(RemoteRelease r) {
        return new RemoteRelease(r.identity(), r.artifactFile(), r.env(), r.secretValues(), r.run().withSupervision(Supervision.SYSTEMD_USER),
                r.actor(), r.releaseJson());
    }

    /** Waits until neither this test's watcher nor its tether runs any more (both name this test's guard folder). */
    private void awaitNoGuardProcesses() {
        String guard = deploys.envDir().resolve(".stageboard/guard").toString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> ProcessHandle.allProcesses()
                .noneMatch(p -> p.info().commandLine().orElse("").contains(guard)));
    }

    @Test
    void aRunThatEndsDisarmsTheGuardWhetherItWentLiveOrPutTheHostBackItself() throws Exception {
        HostRunner runner = runnerFor("guard-ends");
        int port = freePort();
        assertThat(runner.activate(release("v1", okArtifact, port, "v1 serves", 60, 5), new RecordingProgress()).status())
                .isEqualTo(RunStatus.LIVE);
        RecordingProgress live = new RecordingProgress();
        assertThat(runner.activate(release("v2", okArtifact, port, "v2 serves", 60, 5), live).status()).isEqualTo(RunStatus.LIVE);
        assertThat(live.all()).contains("guard armed");
        assertThat(deploys.envDir().resolve(".stageboard/guard")).doesNotExist();

        RecordingProgress failing = new RecordingProgress();
        DeployResult back = runner.activate(release("v3", failArtifact, port, "v3", 3, 5), failing);
        assertThat(back.status()).as(failing.all()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(deploys.envDir().resolve(".stageboard/guard")).doesNotExist();
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("v2 serves");

        // The watchers of both runs are gone (they exit once disarmed) and none acted (it would have written its log);
        // the tethers ended with their runs' channels.
        assertThat(live.all()).contains("connection closing");
        awaitNoGuardProcesses();
        assertThat(deploys.envDir().resolve(".stageboard/guard-restored.log")).doesNotExist();
        deploys.pidFromFile();
    }

    @Test
    void aRestartThatDiesAfterItsStopHasTheHostStartTheReleaseAgain() throws Exception {
        HostRunner runner = runnerFor("guard-restart");
        int port = freePort();
        RemoteRelease v1 = release("v1", okArtifact, port, "v1 serves", 60, 5);
        assertThat(runner.activate(v1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);

        System.setProperty(HostGuard.STALE_PROPERTY, "4");
        RecordingProgress dying = failingAtStart(Died::new);
        Operation op = new Operation("shop", "staging", "tester", java.util.List.of());
        assertThatThrownBy(() -> runner.restart(op, Duration.ZERO, dying)).isInstanceOf(Died.class);
        assertThat(dying.all()).contains("guard armed");

        Path restored = deploys.envDir().resolve(".stageboard/guard-restored.log");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Files.exists(restored));
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> getThroughHost(server.target(), port, "/").body().equals("v1 serves"));
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + v1.releaseName());
        assertThat(Files.readString(restored)).contains("started staging v1");
        deploys.pidFromFile();
    }

    @Test
    void aCancelledRestartDisarmsTheGuardAndSaysSoItself() throws Exception {
        HostRunner runner = runnerFor("guard-restart-cancel");
        int port = freePort();
        assertThat(runner.activate(release("v1", okArtifact, port, "v1 serves", 60, 5), new RecordingProgress()).status())
                .isEqualTo(RunStatus.LIVE);
        RecordingProgress cancelling = failingAtStart(org.stageboard.core.CancelledException::new);
        DeployResult result = runner.restart(new Operation("shop", "staging", "tester", java.util.List.of()), Duration.ZERO, cancelling);
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(deploys.envDir().resolve(".stageboard/guard")).doesNotExist();
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
    }
}
