package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values checked where typed; keys with a passphrase (right, wrong, stored); a refused key named with the likely causes. */
class CliKeysAndValuesTest {

    @TempDir
    Path tmp;

    private CliHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    private String[] hostAdd(String name, String address, String port, Path key, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("host", "add", name, "--address", address, "--port", port,
                "--user", h.server.user(), "--key", key.toString(), "--base-dir", h.server.baseDir().toString()));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void badValuesAreRefusedWithHints() throws Exception {
        h = CliHarness.start(tmp);
        String port = Integer.toString(h.server.port());
        Path key = h.server.clientKey();

        CliHarness.Result withPort = h.cli(hostAdd("vps1", "vps1.example.com:2222", "22", key));
        assertThat(withPort.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(withPort.err()).contains("has a port in it").contains("--port 2222").contains("(vps1.example.com)");

        assertThat(h.cli(hostAdd("vps1", "deploy@vps1.example.com", "22", key)).err()).contains("has a user in it").contains("--user deploy");
        assertThat(h.cli(hostAdd("vps1", "127.0.0.1", "70000", key)).err()).contains("Port 70000 is out of range: use 1-65535");
        assertThat(h.cli(hostAdd("Bad/Name", "127.0.0.1", port, key)).err()).contains("'Bad/Name' is not a valid host name");
        assertThat(h.cli(hostAdd("vps1", "127.0.0.1", port, tmp.resolve("nope"))).err()).contains(tmp.resolve("nope") + " does not exist");
        Path pub = Files.writeString(tmp.resolve("id_ed25519.pub"), "ssh-ed25519 !!not-base64!! me@here\n");
        assertThat(h.cli(hostAdd("vps1", "127.0.0.1", port, pub)).err()).contains("is not a private key").contains("looks like a public key");
        assertThat(h.ok("host", "list").out()).isBlank();

        h.ok("project", "add", "demo", "--repo", h.git().dir().toString(), "--build-command", "true", "--artifacts", "Server.java");
        CliHarness.Result health = h.cli("env", "add", "staging", "--start", "java Server.java", "--health", "http://127.0.0.1:99999/health");
        assertThat(health.code()).isNotZero();
        assertThat(health.err()).contains("99999");
        assertThat(h.cli("env", "add", "staging", "--start", "x", "--health", "htp://127.0.0.1:8080/").err()).contains("must be http or tcp");
        assertThat(h.cli("env", "add", "Staging!", "--start", "x", "--health", "http://127.0.0.1:8080/").err()).contains("not a valid environment name");
    }

    @Test
    void aKeyWithAPassphraseWorksAWrongOneIsSaidAndItIsStoredOnlyWhenAsked() throws Exception {
        h = CliHarness.start(tmp).withStagingV1(30);
        Path key = h.server.newAuthorizedKeyWithPassphrase("correct horse");
        String port = Integer.toString(h.server.port());

        CliHarness.Result wrong = h.cliWithInput("battery staple\n", hostAdd("vps2", h.server.address(), port, key, "--passphrase-stdin"));
        assertThat(wrong.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(wrong.err()).contains("passphrase given for the private key " + key + " is wrong");

        // added without it (no terminal here): the deploy says the key needs one, and how to give it
        CliHarness.Result added = h.cli(hostAdd("vps2", h.server.address(), port, key));
        assertThat(added.code()).as(added.all()).isZero();
        assertThat(added.err()).contains("has a passphrase");
        h.ok("host", "trust", "vps2", "--fingerprint", h.server.hostKeyFingerprint());
        h.ok("env", "detach", "staging", "vps1");
        h.ok("env", "attach", "staging", "vps2");
        CliHarness.Result locked = h.cli("deploy", "-e", "staging");
        assertThat(locked.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(locked.err()).contains("The private key " + key + " has a passphrase").contains("STAGEBOARD_KEY_PASSPHRASE")
                .contains("--store-passphrase");

        CliHarness.Result stored = h.cliWithInput("correct horse\n", "host", "edit", "vps2", "--store-passphrase", "--passphrase-stdin");
        assertThat(stored.code()).as(stored.all()).isZero();
        assertThat(stored.out()).contains("checked and stored sealed");
        CliHarness.Result deploy = h.cli("deploy", "-e", "staging");
        assertThat(deploy.code()).as(deploy.all()).isZero();
        assertThat(h.app()).contains("first");
        assertThat(h.ok("history").out()).doesNotContain("correct horse");
        try (var files = Files.walk(h.home.catalogDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("the catalog file " + file + " holds the passphrase sealed, never in clear").doesNotContain("correct horse");
            }
        }

        h.ok("host", "edit", "vps2", "--forget-passphrase");
        assertThat(h.cli("deploy", "-e", "staging").err()).contains("has a passphrase");
    }

    @Test
    void aRefusedKeyIsNamedWithTheLikelyCauses() {
        h = CliHarness.start(tmp).withStagingV1(30);
        Path other = h.server.newUnauthorizedKey();
        h.ok("host", "edit", "vps1", "--key", other.toString());
        CliHarness.Result deploy = h.cli("deploy", "-e", "staging");
        assertThat(deploy.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(deploy.err()).contains("refused the key offered, " + other + " (ecdsa-sha2-nistp256 SHA256:")
                .contains("authorized_keys").contains("the user is wrong").contains("~/.ssh must be 700");
    }
}
