package org.stageboard.run;

import org.stageboard.core.HostState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.getThroughHost;
import static org.stageboard.run.DemoDeploys.isAlive;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.RecordingProgress;
import org.stageboard.testing.SshTestServer;

/** The failures found by trying the run stage as users would: each one broken on purpose, on a real SSH server with real apps. */
class HostFaultsTest extends HostTestBase {

    @Test
    void twoCatalogsDeployingTheSameEnvironmentNeverShareAReleaseFolder() throws Exception {
        HostRunner runner = runnerFor("two-catalogs");
        int port = freePort();
        RemoteRelease ours = release("catalog-a", "v1", okArtifact, port, "code and config of A", 60, 5);
        RemoteRelease theirs = release("catalog-b", "v1", okArtifact, port, "code and config of B", 60, 5);

        assertThat(runner.activate(ours, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.activate(theirs, progress);

        assertThat(theirs.releaseName()).isNotEqualTo(ours.releaseName()).startsWith("v1-");
        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.LIVE);
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("code and config of B");
        assertThat(progress.logs).noneMatch(l -> l.contains("reused"));
        HostState state = runner.state("shop", "staging", false);
        assertThat(state.currentIdentity()).isEqualTo(theirs.identity());
        assertThat(state.releases()).containsExactlyInAnyOrder(ours.releaseName(), theirs.releaseName());
        assertThat(state.currentEntry().catalog()).isEqualTo("catalog-b");
        // A folder with the right name but someone else's identity is refused, never started.
        Path forged = deploys.envDir().resolve("releases/" + ours.releaseName() + "/release.json");
        Files.writeString(forged, Files.readString(forged).replace("catalog-a", "catalog-x"));
        DeployResult refused = runner.activate(ours, new RecordingProgress());
        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.message()).contains("holds another release", "it was not reused");
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("code and config of B");
    }

    @Test
    void aLockLeftByADeadProcessIsStaleUntilBrokenAndItsLeftoversAreRemoved() throws Exception {
        HostRunner runner = runnerFor("stale-lock");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        ProcessIdentity dead = new ProcessIdentity("alice", ProcessIdentity.machineName(), gone.pid(),
                gone.info().startInstant().orElse(null));
        Path lock = Files.createDirectories(deploys.envDir().resolve(".stageboard/lock"));
        Files.writeString(lock.resolve("info.json"), "{\"holder\":\"" + dead.format() + "\",\"actor\":\"alice\",\"release\":\"staging v7\"}\n");
        Path part = Files.createDirectories(deploys.envDir().resolve("artifacts")).resolve("abc.tar.gz.part-0123456789ab");
        Files.writeString(part, "half an upload");

        assertThatThrownBy(() -> runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), new RecordingProgress()))
                .isInstanceOfSatisfying(LockHeldException.class, e -> assertThat(e.lock().stale()).isTrue())
                .hasMessageContaining("STALE: its holder process (pid " + gone.pid() + " on this machine) is gone")
                .hasMessageContaining("break the lock explicitly")
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT).split("stale:", -1)).as("says it is stale once")
                        .hasSize(2));
        assertThat(runner.lock("shop", "staging").holder()).isEqualTo(dead.format());

        assertThatThrownBy(() -> runner.breakLock("shop", "staging", "carol@elsewhere pid 7", "bob")).as("only the lock the user saw is broken")
                .hasMessageContaining("now held by someone else than carol@elsewhere pid 7");
        assertThat(lock).exists();
        assertThat(runner.breakLock("shop", "staging", dead.format(), "bob")).isTrue();
        assertThat(lock).doesNotExist();
        assertThat(deploys.ledgerLines()).last().asString().contains("LOCK_BROKEN", "broken by bob");

        RecordingProgress progress = new RecordingProgress();
        assertThat(runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), progress).status()).isEqualTo(RunStatus.LIVE);
        assertThat(part).doesNotExist();
        assertThat(progress.logs).anyMatch(l -> l.contains("removed leftovers of an interrupted run") && l.contains(".part-"));
    }

    @Test
    void aLockPathThatCannotBeALockFailsClearlyInsteadOfWaitingForever() throws Exception {
        HostRunner runner = runnerFor("lock-is-a-file");
        Files.createDirectories(deploys.envDir().resolve(".stageboard"));
        Files.writeString(deploys.envDir().resolve(".stageboard/lock"), "not a folder");

        assertThatThrownBy(() -> runner.activate(release("v1", okArtifact, freePort(), "hi", 30, 3), new RecordingProgress()))
                .hasMessageContaining("Taking the lock failed").hasMessageContaining("File exists");
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
    }

    @Test
    void anArtifactWhoseEnvIsASymbolicLinkIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        HostRunner runner = runnerFor("symlink");
        Path victim = work.resolve("authorized_keys-" + System.nanoTime());
        Files.writeString(victim, "ssh-ed25519 AAAA the user's own key\n");
        Path content = Files.createDirectories(work.resolve("evil-" + System.nanoTime()));
        Files.writeString(content.resolve("Server.java"), "class Server {}");
        Files.createSymbolicLink(content.resolve(".env"), victim);
        Path artifact = work.resolve(content.getFileName() + ".tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", artifact.toString(), "-C", content.toString(), ".").inheritIO().start();
        assertThat(tar.waitFor()).isZero();

        DeployResult result = runner.activate(release("v1", artifact, freePort(), "hi", 30, 3), new RecordingProgress());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("The artifact contains .env (a symbolic link)", "refused");
        assertThat(Files.readString(victim)).isEqualTo("ssh-ed25519 AAAA the user's own key\n");
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
        try (var folders = Files.list(deploys.envDir().resolve("releases"))) {
            assertThat(folders).isEmpty();
        }
    }

    @Test
    void cancellingDuringTheHealthWaitAfterTheSwitchPutsThePreviousReleaseBack() throws Exception {
        HostRunner runner = runnerFor("cancel-health");
        int port = freePort();
        RemoteRelease r1 = release("v1", okArtifact, port, "hello from v1", 60, 3);
        assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        RecordingProgress progress = new RecordingProgress() {
            private long healthSince;

            @Override
            public void step(String title) {
                super.step(title);
                if (title.equals("health check")) {
                    healthSince = System.nanoTime();
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled || (healthSince != 0 && System.nanoTime() - healthSince > Duration.ofSeconds(3).toNanos());
            }
        };

        DeployResult result = runner.activate(release("v2", failArtifact, port, "hello from v2", 60, 3), progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.message()).contains("was cancelled", "Rolled back to " + r1.releaseName(), "serves again");
        assertThat(progress.steps).contains("switch current to " + release("v2", failArtifact, port, "", 60, 3).releaseName(),
                "roll back to " + r1.releaseName());
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        assertThat(deploys.envDir().resolve(".stageboard/lock")).doesNotExist();
        assertThat(deploys.ledgerLines()).last().asString().contains("\"outcome\":\"CANCELLED\"");
        assertThat(HostRunner.rollbackTarget(runner.state("shop", "staging", false))).as("a cancelled release is never a rollback target")
                .isNull();
    }

    @Test
    void anArtifactThatArrivesDifferentFromItsHashIsRemovedAndNothingIsSwitched() throws Exception {
        HostRunner runner = runnerFor("bad-hash");
        RemoteRelease declared = release("v1", okArtifact, freePort(), "hi", 30, 3);
        // The file sent is not the one the release names (changed on disk, or a broken store).
        RemoteRelease swapped = new RemoteRelease(declared.identity(), failArtifact, declared.env(), declared.secretValues(),
                declared.run(), declared.actor(), declared.releaseJson());

        DeployResult result = runner.activate(swapped, new RecordingProgress());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("has SHA-256 " + SshTestServer.sha256(failArtifact), "not " + declared.artifactSha256());
        assertThat(deploys.envDir().resolve("artifacts/" + declared.artifactSha256() + ".tar.gz")).doesNotExist();
        assertThat(deploys.envDir().resolve("releases/" + declared.releaseName())).doesNotExist();
        assertThat(deploys.envDir().resolve("current")).doesNotExist();
    }

    @Test
    void aFirstDeployRefusedByAPortSomeoneElseHoldsSaysNothingRunsThere() throws Exception {
        HostRunner runner = runnerFor("first-port-taken");
        int port = freePort();
        // Started by hand, outside Stageboard, on the app's port: the host has never run a release of this environment.
        com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 0);
        other.createContext("/", exchange -> {
            byte[] body = "someone else".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            RecordingProgress progress = new RecordingProgress();
            DeployResult result = runner.activate(release("v1", okArtifact, port, "hello from v1", 20, 3), progress);

            assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.FAILED);
            assertThat(result.message()).contains("another process holds that port",
                    "Nothing was switched: no release of this environment was current on the host before, and none runs there now.");
            assertThat(result.message()).doesNotContain("serves what it served before");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void anOldProcessStillHoldingThePortIsNeverTakenForTheNewApp() throws Exception {
        HostRunner runner = runnerFor("old-process");
        int port = freePort();
        RemoteRelease r1 = release("v1", okArtifact, port, "hello from v1", 60, 3);
        assertThat(runner.activate(r1, new RecordingProgress()).status()).isEqualTo(RunStatus.LIVE);
        long oldPid = deploys.pidFromFile();
        // Stageboard loses track of v1's process (pidfile gone), which keeps serving on the port.
        Files.delete(deploys.envDir().resolve(".stageboard/app.pid"));
        try (var run = Files.list(deploys.envDir().resolve(".stageboard/run"))) {
            for (Path f : run.toList()) {
                Files.delete(f);
            }
        }

        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.activate(release("v2", okArtifact, port, "hello from v2", 20, 3), progress);

        assertThat(result.status()).as(progress.all()).isNotEqualTo(RunStatus.LIVE).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("still answers", "another process holds that port",
                "Nothing was switched: the host serves what it served before.");
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
        assertThat(isAlive(oldPid)).isTrue();
        assertThat(getThroughHost(server.target(), port, "/").body()).isEqualTo("hello from v1");
        assertThat(new String(Files.readAllBytes(deploys.envDir().resolve(".stageboard/ledger.jsonl")), StandardCharsets.UTF_8))
                .contains("\"outcome\":\"FAILED\"");
    }
}
