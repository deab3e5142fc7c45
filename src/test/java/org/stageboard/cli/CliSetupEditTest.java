package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Set-up fixed in place (a typo'd build command, health URL, host address) and removed, refused while something depends on it. */
class CliSetupEditTest {

    @TempDir
    Path tmp;

    private CliHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aTypoInTheBuildCommandAndTheHealthUrlIsFixedInPlace() {
        h = CliHarness.start(tmp);
        h.ok("project", "add", "demo", "--repo", h.git().dir().toString(), "--build-command", "tset -f Server.java",
                "--artifacts", "Server.java,health-behaviour");
        CliHarness.Result failed = h.cli("build");
        assertThat(failed.code()).isEqualTo(StageboardCli.FAILED);

        CliHarness.Result edit = h.ok("project", "edit", "demo", "--build-command", "test -f Server.java");
        assertThat(edit.out()).contains("test -f Server.java").doesNotContain("tset");

        assertThat(h.ok("build").out()).contains("ok");

        h.ok("env", "add", "staging", "--start", "java Server.java", "--health", "http://127.0.0.1:" + (h.port + 1) + "/helth");
        h.ok("env", "set", "staging", "--health", "http://127.0.0.1:" + h.port + "/health", "--health-timeout", "45");
        assertThat(h.ok("env", "show", "staging").out()).contains("http://127.0.0.1:" + h.port + "/health").contains("45")
                .doesNotContain("/helth");

        assertThat(h.ok("history").out()).contains("project.edit").contains("env.settings");
        assertThat(h.cli("project", "edit", "demo").err()).contains("Nothing to change");
    }

    @Test
    void aCacheFolderDetectedForAToolNotUsedCanBeRemoved() {
        h = CliHarness.start(tmp);
        CliHarness.Result added = h.ok("project", "add", "demo", "--repo", h.git().dir().toString(), "--step", "install=yran-not-installed install",
                "--artifacts", "Server.java", "--cache", ".cache/yarn");
        assertThat(added.err()).contains("warning: 'yran-not-installed' (step install) is not on this computer's PATH: the build fails until it is installed");
        CliHarness.Result steps = h.ok("project", "edit", "demo", "--build-command", "test -f Server.java");
        assertThat(steps.err()).doesNotContain("warning");
        assertThat(h.cli("project", "edit", "demo", "--cache", ".npm", "--no-caches").err()).contains("either --cache or --no-caches");
        CliHarness.Result cleared = h.ok("project", "edit", "demo", "--no-caches");
        assertThat(cleared.out()).doesNotContain(".cache/yarn");
        assertThat(h.ok("build").out()).contains("ok");
    }

    @Test
    void removalsAreRefusedSayingWhatDependsOnThemThenAllowedAfterDetaching() {
        h = CliHarness.start(tmp).withStagingV1(30);
        CliHarness.Result deploy = h.cli("deploy", "-e", "staging");
        assertThat(deploy.code()).as(deploy.all()).isZero();

        CliHarness.Result host = h.cli("host", "remove", "vps1");
        assertThat(host.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(host.err()).contains("Host vps1 runs demo/staging").contains("detach it first").contains("env detach staging vps1");

        CliHarness.Result env = h.cli("env", "remove", "staging");
        assertThat(env.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(env.err()).contains("still runs on vps1").contains("detach them first");

        // the host may be dead: detaching needs no connection
        h.server.close();
        h.ok("env", "detach", "staging", "vps1");
        assertThat(h.ok("env", "list").out()).contains("hosts: (none)");

        CliHarness.Result hostRuns = h.cli("host", "remove", "vps1");
        assertThat(hostRuns.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(hostRuns.err()).contains("has 1 runs in the history").contains("--force");
        h.ok("host", "remove", "vps1", "--force");
        assertThat(h.ok("host", "list").out()).doesNotContain("vps1");

        CliHarness.Result envReleases = h.cli("env", "remove", "staging");
        assertThat(envReleases.err()).contains("has 1 releases").contains("history").contains("--force");
        CliHarness.Result project = h.cli("project", "remove", "demo");
        assertThat(project.err()).contains("still has environments (staging)");
        h.ok("env", "remove", "staging", "--force");
        assertThat(h.cli("project", "remove", "demo").err()).contains("has 1 builds").contains("--force");
        h.ok("project", "remove", "demo", "--force");
        assertThat(h.ok("project", "list").out()).doesNotContain("demo");
    }

    @Test
    void aNewAddressUnpinsTheHostKeyAndRenamesKeepHistory() {
        h = CliHarness.start(tmp);
        h.ok("host", "add", "vps1", "--address", "localhost", "--port", Integer.toString(h.server.port()), "--user", h.server.user(),
                "--key", h.server.clientKey().toString(), "--base-dir", h.server.baseDir().toString());
        CliHarness.Result edit1 = h.ok("host", "edit", "vps1", "--address", h.server.address());
        assertThat(edit1.out()).contains("127.0.0.1");
        h.ok("host", "trust", "vps1", "--fingerprint", h.server.hostKeyFingerprint());
        assertThat(h.ok("host", "list").out()).contains(h.server.hostKeyFingerprint());

        CliHarness.Result edit2 = h.ok("host", "edit", "vps1", "--port", "2222", "--user", "deploy");
        assertThat(edit2.out()).contains("no longer trusted").contains("stageboard host trust vps1");
        assertThat(h.ok("host", "list").out()).contains("deploy@127.0.0.1:2222").contains("(not trusted yet)");

        h.ok("project", "add", "demo", "--repo", h.git().dir().toString(), "--build-command", "true", "--artifacts", "Server.java");
        h.ok("env", "add", "stagign", "--start", "java Server.java", "--health", "http://127.0.0.1:8080/health");
        h.ok("env", "rename", "stagign", "staging");
        assertThat(h.ok("env", "list").out()).contains("staging").doesNotContain("stagign");
        h.ok("project", "edit", "demo", "--name", "shop");
        assertThat(h.ok("history", "-p", "shop").out()).contains("env.rename").contains("project.add").contains("project.edit");
    }
}
