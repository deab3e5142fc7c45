package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.HostStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.board.HostSlot;
import org.stageboard.ui.task.SameThreadTaskExecutor;

/**
 * The host slots follow work another engine on the same catalog (the CLI, another window) does
 * on a host: on the live beat, the hosts where a run started or ended (or a lock was broken)
 * since the last look are read again, those only; nothing is read when no such work was
 * recorded, nor while this process's own run on the host still runs. Two hosts on the in-process
 * SSH server, a real engine on a temp catalog; the model runs on one thread (no JavaFX).
 */
class LiveHostsTest {

    @TempDir
    Path temp;

    private SshTestServer ssh;
    private Stageboard window;
    private Stageboard cli;
    private Project project;
    private Environment staging;
    private Host vps1;
    private Host vps2;
    private Release release;

    @BeforeEach
    void setUp() {
        window = Stageboard.open(new StageboardHome(temp.resolve("home")));
        String sha;
        try (GitFixture git = GitFixture.init(temp.resolve("repo"))) {
            git.write("app.txt", "v1\n");
            sha = git.commit("app");
        }
        ssh = SshTestServer.start(temp);
        project = window.addProject("demo", temp.resolve("repo"), "main", new Recipe("true", List.of("app.txt")));
        staging = window.addEnvironment(project, "staging", new RunSettings("true", "http://127.0.0.1:1/health", 5, 5, 5));
        vps1 = attach("vps1");
        vps2 = attach("vps2");
        Build build = window.build(project, sha, Progress.NONE);
        release = window.release(build, staging);
        cli = Stageboard.open(new StageboardHome(temp.resolve("home")));
    }

    private Host attach(String name) {
        Host host = window.addHost(name, ssh.address(), ssh.port(), ssh.user(), ssh.clientKey(),
                ssh.baseDir().resolve(name).toString());
        host = window.trustHostKey(host, window.checkHostKey(host).fingerprint());
        window.attachHost(staging, host);
        return host;
    }

    @AfterEach
    void tearDown() {
        if (cli != null) {
            cli.close();
        }
        ssh.close();
        window.close();
    }

    private MainViewModel openWindow(Stageboard engine) {
        MainViewModel model = new MainViewModel(engine, new SameThreadTaskExecutor(), Clock.systemUTC());
        model.start(); // reads every host once, as the window does when it opens
        model.live().poll(); // the first beat: the board is read
        return model;
    }

    @Test
    void aRunThatEndedOnOneHostBetweenTwoBeatsHasOnlyThatHostReadAgain() {
        MainViewModel model = openWindow(window);
        Instant vps2Read = readAt(vps2);

        // The CLI restarts the app on vps1 (here: the run it records, started and ended between two beats).
        ProcessIdentity theCli = new ProcessIdentity("someone", ProcessIdentity.machineName(), 1, Instant.EPOCH);
        Run restart = EngineAccess.catalog(cli).runs().start(release.id(), vps1.id(), RunKind.RESTART, null, "someone", theCli);
        EngineAccess.catalog(cli).runs().finish(restart.id(), RunStatus.FAILED, "the app did not answer");
        model.live().poll();

        assertThat(model.hosts().readAgain()).containsExactly("vps1");
        HostSlot slot = model.board().hostSlot("staging", "vps1").orElseThrow();
        assertThat(slot.status()).isNotNull();
        assertThat(slot.status().fresh()).isTrue();
        assertThat(readAt(vps2)).as("vps2 was not read again").isEqualTo(vps2Read);

        model.live().poll(); // nothing new since: no host read
        assertThat(model.hosts().readAgain()).containsExactly("vps1");
    }

    @Test
    void aLockBrokenFromTheCliHasThatHostReadAgain() {
        MainViewModel model = openWindow(window);

        cli.breakLock(staging, vps2, "someone@elsewhere pid 1"); // recorded even when there was no lock any more
        model.live().poll();

        assertThat(model.hosts().readAgain()).containsExactly("vps2");
    }

    @Test
    void whenNothingWasDoneOnAHostNoHostIsReadOnTheBeat() {
        MainViewModel model = openWindow(window);
        Instant vps1Read = readAt(vps1);

        cli.addEnvironment(project, "production", new RunSettings("true", "http://127.0.0.1:1/health", 5, 5, 5)); // the stamp moves
        model.live().poll();

        assertThat(model.board().snapshotProperty().get().environments()).hasSize(2); // the beat saw the change
        assertThat(model.hosts().readAgain()).isEmpty();
        assertThat(readAt(vps1)).isEqualTo(vps1Read);
    }

    @Test
    void aHostWhereThisProcesssRunStillRunsIsNotRead() {
        MainViewModel model = openWindow(window);

        EngineAccess.catalog(window).runs().start(release.id(), vps1.id(), RunKind.DEPLOY, null, "me"); // owned by this process, still running
        model.live().poll();

        assertThat(model.hosts().readAgain()).isEmpty();
    }

    @Test
    void theInterruptedRunsNoticeGoesAwayOnceTheHostsWereReadAndAgree() {
        ProcessIdentity dead = new ProcessIdentity("someone", ProcessIdentity.machineName(), ProcessHandle.current().pid(), Instant.EPOCH);
        EngineAccess.catalog(window).runs().start(release.id(), vps1.id(), RunKind.DEPLOY, null, "someone", dead);
        cli.close();
        cli = Stageboard.open(new StageboardHome(temp.resolve("home"))); // opening finds the run of a dead process
        assertThat(cli.recoveredAtOpen()).isPresent();

        MainViewModel model = new MainViewModel(cli, new SameThreadTaskExecutor(), Clock.systemUTC());
        model.start();

        assertThat(model.board().hostSlot("staging", "vps1").map(HostSlot::status).map(HostStatus::agrees)).contains(true);
        assertThat(model.noticeProperty().get()).as("nothing on the hosts contradicts the catalog").isNull();
    }

    @Test
    void aHostShowingALockIsReadAgainOnTheBeatUntilTheLockIsGoneThoughTheCatalogRecordsNothing() throws java.io.IOException {
        // A lock left by a run whose process died: what ends it (the host's guard putting the last good release back
        // and removing the lock) is recorded on the host only, never in the catalog.
        Path lock = java.nio.file.Files.createDirectories(ssh.baseDir().resolve("vps1/demo/staging/.stageboard/lock"));
        java.nio.file.Files.writeString(lock.resolve("info.json"), "{\"holder\":\"bob@ci-runner pid 4242 since 2026-11-26T08:00:00Z\","
                + "\"actor\":\"bob\",\"release\":\"staging v1\",\"since\":\"2026-11-26T08:00:00Z\"}\n");
        java.nio.file.Files.writeString(lock.resolve("heartbeat"), "");
        MainViewModel model = new MainViewModel(window, new SameThreadTaskExecutor(), Clock.systemUTC());
        model.hosts().lockWaits(List.of(java.time.Duration.ZERO)); // due on every beat (the window waits 10 s, then longer)
        model.start();
        assertThat(model.board().hostSlot("staging", "vps1").map(HostSlot::lock)).as("the first read shows the lock").isPresent();
        Instant vps2Read = readAt(vps2);

        model.live().poll(); // the lock is still there: vps1 is read again, and still followed
        assertThat(model.hosts().readAgain()).containsExactly("vps1");

        org.assertj.core.util.Files.delete(lock.toFile()); // the guard's restore ends with the lock removed
        model.live().poll();
        assertThat(model.hosts().readAgain()).containsExactly("vps1", "vps1");
        assertThat(model.board().hostSlot("staging", "vps1").map(HostSlot::lock)).as("the slot no longer shows the lock").isEmpty();

        model.live().poll(); // no lock shown any more: not followed
        assertThat(model.hosts().readAgain()).containsExactly("vps1", "vps1");
        assertThat(readAt(vps2)).as("vps2, without a lock, was not read again").isEqualTo(vps2Read);
    }

    private Instant readAt(Host host) {
        return window.lastReadings(project).stream().filter(s -> s.host().id() == host.id()).findFirst().orElseThrow().readAt();
    }
}
