package org.stageboard.run;

import org.stageboard.core.HostState;
import org.stageboard.testing.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.stageboard.run.DemoDeploys.SECRET;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.getThroughHost;
import static org.stageboard.run.DemoDeploys.isAlive;
import static org.stageboard.run.DemoDeploys.release;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.RunStatus;
import org.stageboard.ssh.ExecResult;
import org.stageboard.ssh.HostKeyScan;
import org.stageboard.ssh.HostKeyStatus;
import org.stageboard.ssh.KnownHosts;
import org.stageboard.ssh.SshSession;
import org.stageboard.ssh.SshTarget;
import org.stageboard.testing.SshTestServer;

/**
 * The run stage against a real OpenSSH sshd on 127.0.0.1: the one .ci/run started
 * (.ci/start-sshd.sh exports STAGEBOARD_E2E_SSHD_PORT and its keys), or else one this test starts
 * on a free port with its own host key and authorized key. Skipped, saying why, where no OpenSSH
 * server is installed; in CI (STAGEBOARD_E2E_REQUIRED=1) that is a failure instead.
 */
class OpenSshEndToEndTest {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path work;
    static Process sshd;
    static int port;
    static Path clientKey;
    static Path hostKeyPub;
    static Path sshdLog;

    private DemoDeploys deploys;

    @BeforeAll
    static void startSshd() throws Exception {
        String external = System.getenv("STAGEBOARD_E2E_SSHD_PORT");
        if (external != null && !external.isBlank()) {
            // .ci/run started sshd on 127.0.0.1 with its own config (.ci/start-sshd.sh): use it.
            port = Integer.parseInt(external.strip());
            clientKey = Path.of(System.getenv("STAGEBOARD_E2E_SSH_KEY"));
            hostKeyPub = Path.of(System.getenv("STAGEBOARD_E2E_SSH_HOST_KEY"));
            sshdLog = Path.of(System.getenv("STAGEBOARD_E2E_SSHD_DIR"), "sshd.log");
            if (!accepts(port)) {
                throw new IllegalStateException("The sshd that .ci/run started does not answer on 127.0.0.1:" + port);
            }
            return;
        }
        requireOrSkip(Files.isExecutable(SSHD), "No OpenSSH server (/usr/sbin/sshd is missing): install it with "
                + ".ci/sshd-setup.sh (as root) to run this end-to-end test.");
        requireOrSkip(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is missing: install openssh-client.");
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            try {
                Files.createDirectories(privsep);
            } catch (IOException e) {
                requireOrSkip(false, "/run/sshd is missing and cannot be created here: run .ci/sshd-setup.sh as root.");
            }
        }
        Path hostKey = work.resolve("ssh_host_ed25519_key");
        keygen("-q", "-t", "ed25519", "-N", "", "-C", "stageboard-e2e-host", "-f", hostKey.toString());
        hostKeyPub = work.resolve("ssh_host_ed25519_key.pub");
        clientKey = work.resolve("client_ed25519");
        keygen("-q", "-t", "ed25519", "-N", "", "-C", "stageboard-e2e-client", "-f", clientKey.toString());
        Path authorizedKeys = Files.copy(work.resolve("client_ed25519.pub"), work.resolve("authorized_keys"));

        port = freePort();
        Path config = work.resolve("sshd_config");
        Files.write(config, List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + work.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeys,
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "AllowTcpForwarding yes",
                "Subsystem sftp internal-sftp",
                "LogLevel INFO"));
        sshdLog = work.resolve("sshd.log");
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(sshdLog.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!accepts(port)) {
            if (!sshd.isAlive() || System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("sshd did not start: " + Files.readString(sshdLog));
            }
            Thread.sleep(100);
        }
    }

    /** Skips with the reason; fails instead where CI demands the end-to-end test (STAGEBOARD_E2E_REQUIRED=1). */
    private static void requireOrSkip(boolean condition, String reason) {
        if (!condition && "1".equals(System.getenv("STAGEBOARD_E2E_REQUIRED"))) {
            throw new IllegalStateException("STAGEBOARD_E2E_REQUIRED=1 but: " + reason);
        }
        assumeTrue(condition, reason);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
                sshd.destroyForcibly();
            }
        }
    }

    @AfterEach
    void killApps() {
        if (deploys != null) {
            deploys.killAll();
        }
    }

    @Test
    void pinsTheHostKeyThenDeploysUpgradesAndRollsBackOverOpenSsh() throws Exception {
        // Pin the host key: scan shows it unknown, trust it with the fingerprint ssh-keygen prints on the "host".
        Path knownHosts = work.resolve("stageboard/known_hosts");
        KnownHosts pins = new KnownHosts(knownHosts);
        String fingerprint = keygen("-lf", hostKeyPub.toString()).split("\\s+")[1];
        HostKeyScan scan = pins.scan("127.0.0.1", port, TIMEOUT);
        assertThat(scan.status()).isEqualTo(HostKeyStatus.UNKNOWN);
        assertThat(scan.keyType()).isEqualTo("ssh-ed25519");
        assertThat(scan.fingerprint()).isEqualTo(fingerprint);
        assertThat(pins.trust("127.0.0.1", port, fingerprint, TIMEOUT).status()).isEqualTo(HostKeyStatus.TRUSTED);

        String user = System.getProperty("user.name");
        SshTarget target = new SshTarget("127.0.0.1", port, user, clientKey, knownHosts, TIMEOUT);
        try (SshSession ssh = SshSession.open(target)) {
            ExecResult who = ssh.exec("id -un", TIMEOUT);
            assertThat(who.stdout().strip()).as(Files.readString(sshdLog)).isEqualTo(user);
        }

        Path base = Files.createDirectories(work.resolve("hosts-base"));
        deploys = new DemoDeploys(base);
        HostRunner runner = new HostRunner(target, base.toString());
        Path okArtifact = SshTestServer.writeDemoArtifact(work, "ok");
        Path failArtifact = SshTestServer.writeDemoArtifact(work, "fail");
        int appPort = freePort();

        RecordingProgress first = new RecordingProgress();
        RemoteRelease r1 = release("v1", okArtifact, appPort, "hello from v1", 60, 3);
        RemoteRelease r2 = release("v2", okArtifact, appPort, "hello from v2", 60, 3);
        DeployResult v1 = runner.activate(r1, first);
        assertThat(v1.status()).as(first.all()).isEqualTo(RunStatus.LIVE);
        assertThat(getThroughHost(target, appPort, "/").body()).isEqualTo("hello from v1");
        long pid1 = deploys.pidFromFile();
        assertThat(isAlive(pid1)).isTrue();
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(deploys.envDir().resolve("releases/" + r1.releaseName() + "/.env"))))
                .isEqualTo("rw-------");

        RecordingProgress second = new RecordingProgress();
        DeployResult v2 = runner.activate(r2, second);
        assertThat(v2.status()).as(second.all()).isEqualTo(RunStatus.LIVE);
        assertThat(getThroughHost(target, appPort, "/").body()).isEqualTo("hello from v2");
        long pid2 = deploys.pidFromFile();
        assertThat(isAlive(pid1)).as("v1's process is gone").isFalse();
        assertThat(isAlive(pid2)).isTrue();
        assertThat(second.logs).anyMatch(l -> l.contains("not uploaded again"));

        RecordingProgress third = new RecordingProgress();
        DeployResult v3 = runner.activate(release("v3", failArtifact, appPort, "hello from v3", 8, 3), third);
        assertThat(v3.status()).as(third.all()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(v3.previousRelease()).isEqualTo(r2.releaseName());
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r2.releaseName());
        assertThat(getThroughHost(target, appPort, "/").body()).isEqualTo("hello from v2");
        long pid3 = deploys.pidFromFile();
        assertThat(pid3).isNotIn(pid1, pid2);
        assertThat(isAlive(pid3)).isTrue();
        assertThat(isAlive(pid2)).isFalse();

        assertThat(deploys.ledgerLines()).hasSize(3);
        assertThat(deploys.ledgerLines().get(2)).contains("\"outcome\":\"ROLLED_BACK\"");
        HostState state = runner.state("shop", "staging", true);
        assertThat(state.currentFolder()).startsWith("v2-");
        assertThat(state.appAlive()).isTrue();
        assertThat(state.healthy()).isTrue();
        assertThat(first.all() + second.all() + third.all()).doesNotContain(SECRET);
    }

    /**
     * The host's guard over real OpenSSH: a deploy that dies right after stopping the previous app
     * (its connection closed, as for a killed process) has sshd end its tether, and the watcher
     * puts the previous release back within seconds, far sooner than the lock's heartbeat (60 s)
     * could have said the run was gone.
     */
    @Test
    void aDeployThatDiesAfterItsStopIsPutBackByTheHostsGuardWithinSecondsOverOpenSsh() throws Exception {
        SshTarget target = pinnedTarget();
        Path base = Files.createDirectories(work.resolve("guard-base"));
        deploys = new DemoDeploys(base);
        HostRunner runner = new HostRunner(target, base.toString());
        Path artifact = SshTestServer.writeDemoArtifact(work, "ok");
        int appPort = freePort();
        RemoteRelease r1 = release("v1", artifact, appPort, "hello from v1", 60, 3);
        RecordingProgress first = new RecordingProgress();
        assertThat(runner.activate(r1, first).status()).as(first.all()).isEqualTo(RunStatus.LIVE);

        final class Died extends Error {
            Died() {
                super("the deploying process died here", null, false, false);
            }
        }
        RecordingProgress dying = new RecordingProgress() {
            @Override
            public void step(String title) {
                super.step(title);
                if (title.startsWith("start ")) {
                    throw new Died();
                }
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.activate(release("v2", artifact, appPort, "hello from v2", 60, 3),
                dying)).isInstanceOf(Died.class);
        assertThat(dying.all()).contains("guard armed", "connection closing");

        Path restored = deploys.envDir().resolve(".stageboard/guard-restored.log");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> Files.readString(restored).contains("started staging v1 again"));
        assertThat(Files.readString(restored)).contains("(its connection to the host closed)");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> getThroughHost(target, appPort, "/").body().equals("hello from v1"));
        assertThat(deploys.currentTarget()).isEqualTo("releases/" + r1.releaseName());
    }

    /**
     * Operating over real OpenSSH: a web and a worker process under the process supervisor, a shared
     * folder the worker writes to, the worker killed and restarted alone, a second release keeping
     * the shared data, a one-off command with the release's config, stop and start.
     */
    @Test
    void operatesProcessTypesSharedDataAndASupervisedWorkerOverOpenSsh() throws Exception {
        SshTarget target = pinnedTarget();
        Path base = Files.createDirectories(work.resolve("operate-base"));
        deploys = new DemoDeploys(base);
        HostRunner runner = new HostRunner(target, base.toString());
        Path artifact = SshTestServer.writeDemoArtifact(work, "ok");
        int appPort = freePort();
        RemoteRelease r1 = operated(release("v1", artifact, appPort, "hello from v1", 60, 3));
        RecordingProgress first = new RecordingProgress();
        assertThat(runner.activate(r1, first).status()).as(first.all()).isEqualTo(RunStatus.LIVE);
        Path ticks = deploys.envDir().resolve("shared/storage/ticks");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(ticks) && Files.readAllLines(ticks).size() >= 2);
        assertThat(Files.isSymbolicLink(deploys.envDir().resolve("releases/" + r1.releaseName() + "/storage"))).isTrue();

        long worker = deploys.childPid("worker.1");
        long web = deploys.childPid("web.1");
        ProcessHandle handle = ProcessHandle.of(worker).orElseThrow();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        // The supervisor rewrites the .child file as it restarts: a read in between may find it empty.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            long now = deploys.childPid("worker.1");
            return now != worker && isAlive(now);
        });
        assertThat(deploys.childPid("web.1")).as("only the worker restarted").isEqualTo(web);
        HostState restarted = runner.state("shop", "staging", false);
        assertThat(restarted.instances()).extracting(org.stageboard.core.InstanceState::name, org.stageboard.core.InstanceState::restarts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web.1", 0), org.assertj.core.groups.Tuple.tuple("worker.1", 1));

        RemoteRelease r2 = operated(release("v2", artifact, appPort, "hello from v2", 60, 3));
        RecordingProgress second = new RecordingProgress();
        int before = Files.readAllLines(ticks).size();
        assertThat(runner.activate(r2, second).status()).as(second.all()).isEqualTo(RunStatus.LIVE);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.readAllLines(ticks).size() > before + 1);
        assertThat(getThroughHost(target, appPort, "/").body()).isEqualTo("hello from v2");

        Operation op = new Operation("shop", "staging", "tester", List.of(SECRET));
        List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        int exit = runner.exec(op, "echo \"greeting=$GREETING token=$API_TOKEN\"; test -L storage && echo shared; exit 4", out::add, new RecordingProgress());
        assertThat(exit).isEqualTo(4);
        assertThat(out).contains("greeting=hello from v2 token=" + org.stageboard.core.Masker.MASK, "shared");

        assertThat(runner.stop(op, Duration.ZERO, new RecordingProgress()).status()).isEqualTo(RunStatus.STOPPED);
        assertThat(runner.state("shop", "staging", false).appAlive()).isFalse();
        RecordingProgress start = new RecordingProgress();
        assertThat(runner.start(op, Duration.ZERO, start).status()).as(start.all()).isEqualTo(RunStatus.LIVE);
        assertThat(getThroughHost(target, appPort, "/").body()).isEqualTo("hello from v2");
        assertThat(first.all() + second.all() + String.join("\n", out)).doesNotContain(SECRET);
    }

    /** The demo release with a worker beside the web process, and storage/ shared between releases. */
    private static RemoteRelease operated(RemoteRelease plain) {
        org.stageboard.core.RunSettings run = plain.run()
                .withProcesses(new org.stageboard.core.Processes("web: " + plain.run().startCommand()
                        + "\nworker: while true; do date >> storage/ticks; sleep 1; done", java.util.Map.of()))
                .withShared(List.of("storage/"));
        return new RemoteRelease(plain.identity(), plain.artifactFile(), plain.env(), plain.secretValues(), run, plain.actor(), plain.releaseJson());
    }

    /** A target whose host key is pinned (trusted once, with the fingerprint ssh-keygen gives on the "host"). */
    private static SshTarget pinnedTarget() throws Exception {
        Path knownHosts = work.resolve("operate/known_hosts");
        KnownHosts pins = new KnownHosts(knownHosts);
        if (pins.scan("127.0.0.1", port, TIMEOUT).status() != HostKeyStatus.TRUSTED) {
            String fingerprint = keygen("-lf", hostKeyPub.toString()).split("\\s+")[1];
            assertThat(pins.trust("127.0.0.1", port, fingerprint, TIMEOUT).status()).isEqualTo(HostKeyStatus.TRUSTED);
        }
        return new SshTarget("127.0.0.1", port, System.getProperty("user.name"), clientKey, knownHosts, TIMEOUT);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String keygen(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/ssh-keygen"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("ssh-keygen " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
