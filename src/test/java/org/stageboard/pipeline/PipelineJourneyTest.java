package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Event;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.SshTestServer;

/**
 * One commit's whole journey through the engine — build, release, run — against a real git
 * repository, a real H2 file, a real SSH server (MINA, in-process) and real app processes.
 */
class PipelineJourneyTest extends EngineTestBase {

    private static final String SECRET = "tok-9f8e7d6c5b4a";

    private String commitApp(String behaviour, String message) {
        return repo.copyResource("/demo-app/Server.java", "Server.java").write("health-behaviour", behaviour + "\n").commit(message);
    }

    @Test
    void buildReleaseRunSwitchRollBackAndRollBackOnPurpose() throws Exception {
        String good = commitApp("ok", "a healthy app");
        Project project = engine.addProject("demo", repo.dir(), null, new Recipe("test -f Server.java", List.of("Server.java", "health-behaviour")));
        Environment staging = engine.addEnvironment(project, "staging",
                new RunSettings("java Server.java", "http://127.0.0.1:" + appPort + "/health", 40, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(appPort), false),
                "GREETING", new ConfigEntry("GREETING", "hello from v1", false),
                "API_TOKEN", new ConfigEntry("API_TOKEN", SECRET, true)), Set.of());

        Host vps = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, vps);

        // --- build once
        Build build = engine.build(project, good, progress);
        assertThat(build.succeeded()).as(build.message()).isTrue();
        Release v1 = engine.release(build, staging);

        // --- a host whose key is not trusted yet stops the run, with the fingerprint; nothing is left running
        Run refused = engine.deploy(v1, vps, progress);
        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.message()).contains(server.hostKeyFingerprint());
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("unreachable");

        HostKeyCheck check = engine.checkHostKey(vps);
        assertThat(check.status()).isEqualTo(HostKeyCheck.Status.UNKNOWN);
        assertThat(check.fingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThatThrownBy(() -> engine.trustHostKey(vps, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .isInstanceOf(StageboardException.class).hasMessageContaining("Not trusted");
        Host trusted = engine.trustHostKey(vps, check.fingerprint());
        assertThat(trusted.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());

        // --- run v1
        Run run1 = engine.deploy(v1, trusted, progress);
        assertThat(run1.status()).as(run1.message()).isEqualTo(RunStatus.LIVE);
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("hello from v1");
        Path envDir = server.baseDir().resolve("demo/staging");
        assertThat(Files.readSymbolicLink(envDir.resolve("current")).toString()).matches("releases/v1-[0-9a-f]{10}");
        Path release1 = envDir.resolve(Files.readSymbolicLink(envDir.resolve("current")));
        Path dotEnv = release1.resolve(".env");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dotEnv))).isEqualTo("rw-------");
        assertThat(Files.readString(dotEnv)).contains(SECRET);
        assertThat(Files.readString(release1.resolve("release.json"))).contains("staging v1").doesNotContain(SECRET);
        long pid1 = Long.parseLong(Files.readString(envDir.resolve(".stageboard/app.pid")).strip());

        // --- new config, same artifact: a new release, v2
        engine.setConfig(staging, Map.of("GREETING", new ConfigEntry("GREETING", "hello from v2", false)), Set.of());
        Release v2 = engine.release(build, staging);
        assertThat(v2.artifactSha256()).isEqualTo(v1.artifactSha256());
        Run run2 = engine.deploy(v2, trusted, progress);
        assertThat(run2.status()).as(run2.message()).isEqualTo(RunStatus.LIVE);
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("hello from v2");
        assertThat(AppProcesses.alive(pid1)).as("v1's process is stopped").isFalse();
        assertThat(engine.catalog().runs().get(run1.id()).status()).isEqualTo(RunStatus.SUPERSEDED);

        // --- a release whose health never passes is rolled back; v2 serves again
        String bad = commitApp("fail", "break the health check");
        Build badBuild = engine.build(project, bad, progress);
        Release v3 = engine.release(badBuild, staging);
        Run run3 = engine.deploy(v3, trusted, progress);
        assertThat(run3.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(run3.message()).isNotBlank();
        assertThat(Files.readSymbolicLink(envDir.resolve("current")).toString()).matches("releases/v2-[0-9a-f]{10}");
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("hello from v2");
        assertThat(engine.catalog().runs().live(staging.id(), trusted.id())).map(Run::id).contains(run2.id());

        // --- roll back on purpose: v1 again, with its own config
        Run back = engine.rollback(staging, trusted, progress);
        assertThat(back.kind()).isEqualTo(RunKind.ROLLBACK);
        assertThat(back.status()).as(back.message()).isEqualTo(RunStatus.LIVE);
        assertThat(engine.catalog().releases().get(back.releaseId()).label()).isEqualTo("staging v1");
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("hello from v1");

        // --- secrets never reach logs or the audit trail
        assertThat(progress.all()).doesNotContain(SECRET);
        for (Run r : engine.catalog().runs().forProject(project.id())) {
            if (r.log() != null && Files.exists(r.log())) {
                assertThat(Files.readString(r.log())).doesNotContain(SECRET);
            }
        }
        List<Event> history = engine.history(project, 100);
        assertThat(history).extracting(Event::action).contains("build", "release", "deploy", "rollback", "config.set");
        assertThat(history).noneMatch(e -> (e.detail() + e.subject()).contains(SECRET));

        // --- the board sees the whole journey of the first commit
        BoardSnapshot board = engine.board(project, 50);
        assertThat(board.buildsOf(good)).hasSize(1);
        assertThat(board.releases()).hasSize(3);
        assertThat(engine.runs(project)).hasSize(5);
        // The board carries only the runs that say what the hosts run now (past runs are in the history): the rollback.
        assertThat(board.runs()).extracting(org.stageboard.core.Run::id).containsExactly(back.id());
        assertThat(board.commitOf(board.releaseOf(engine.catalog().runs().get(back.id())))).isEqualTo(good);
    }

    @Test
    void anUnreachableHostGivesAFailedRunAndAClearMessage() {
        commitApp("ok", "app");
        Project project = engine.addProject("demo", repo.dir(), "main", new Recipe("true", List.of("Server.java")));
        Environment staging = engine.addEnvironment(project, "staging", RunSettings.of("java Server.java", "http://127.0.0.1:" + appPort + "/health"));
        Build build = engine.build(project, "main", progress);
        Release v1 = engine.release(build, staging);
        Host closed = engine.addHost("gone", "127.0.0.1", AppProcesses.freePort(), server.user(), server.clientKey(), "/tmp/nowhere");
        engine.attachHost(staging, closed);
        Run run = engine.deploy(v1, closed, progress);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.message()).containsIgnoringCase("127.0.0.1");
        assertThat(engine.catalog().runs().get(run.id()).finishedAt()).isNotNull();
        assertThat(engine.history(project, 10)).anyMatch(e -> e.action().equals("deploy") && e.outcome().equals("failed"));
    }

    @Test
    void aHostOutsideTheEnvironmentIsRefused() {
        commitApp("ok", "app");
        Project project = engine.addProject("demo", repo.dir(), "main", new Recipe("true", List.of("Server.java")));
        Environment staging = engine.addEnvironment(project, "staging", RunSettings.of("java Server.java", "http://127.0.0.1:" + appPort + "/health"));
        Release v1 = engine.release(engine.build(project, "main", progress), staging);
        Host other = engine.addHost("other", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        assertThatThrownBy(() -> engine.deploy(v1, other, progress)).hasMessageContaining("attach it first");
        assertThatThrownBy(() -> engine.rollback(staging, other, progress)).hasMessageContaining("attach it first");
    }

    @Test
    void aRefusedKeyOrAChangedHostKeyFailsTheRunAndTheHostKeepsServing() throws Exception {
        commitApp("ok", "app");
        Project project = engine.addProject("demo", repo.dir(), "main", new Recipe("true", List.of("Server.java", "health-behaviour")));
        Environment staging = engine.addEnvironment(project, "staging",
                new RunSettings("java Server.java", "http://127.0.0.1:" + appPort + "/health", 40, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(appPort), false),
                "GREETING", new ConfigEntry("GREETING", "serving v1", false)), Set.of());
        Build build = engine.build(project, "main", progress);
        Host vps = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, vps);
        vps = engine.trustHostKey(vps, engine.checkHostKey(vps).fingerprint());
        assertThat(engine.deploy(engine.release(build, staging), vps, progress).status()).isEqualTo(RunStatus.LIVE);
        engine.setConfig(staging, Map.of("GREETING", new ConfigEntry("GREETING", "never served", false)), Set.of());
        Release v2 = engine.release(build, staging);

        // the same host reached with a key it does not accept
        Host wrongKey = engine.addHost("vps1-wrong-key", server.address(), server.port(), server.user(), server.newUnauthorizedKey(),
                server.baseDir().toString());
        engine.attachHost(staging, wrongKey);
        Run refused = engine.deploy(v2, wrongKey, progress);
        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.message()).containsIgnoringCase("refused");
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("serving v1");

        // the host now presents another key than the pinned one: stop, warn, send nothing
        try (SshTestServer impostor = SshTestServer.start(tmp.resolve("impostor"))) {
            String impostorKey = Files.readString(impostor.knownHosts()).strip().split(" ", 2)[1];
            Files.writeString(engine.home().knownHosts(), "[127.0.0.1]:" + server.port() + " " + impostorKey + "\n");
            Run changed = engine.deploy(v2, vps, progress);
            assertThat(changed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(changed.message()).contains("CHANGED").contains(server.hostKeyFingerprint()).contains("stageboard host trust vps1");
            assertThat(engine.checkHostKey(vps).status()).isEqualTo(HostKeyCheck.Status.CHANGED);
        }
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("serving v1");
        assertThat(Files.readSymbolicLink(server.baseDir().resolve("demo/staging/current")).toString()).matches("releases/v1-[0-9a-f]{10}");
        assertThat(engine.catalog().runs().forProject(project.id())).extracting(Run::status)
                .containsExactly(RunStatus.FAILED, RunStatus.FAILED, RunStatus.LIVE);
    }
}
