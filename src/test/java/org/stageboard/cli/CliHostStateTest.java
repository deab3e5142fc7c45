package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.cli.CliHarness.Result;
import org.stageboard.testing.AppProcesses;

/** status reads what the host has (not what the catalog remembers); lock show and lock break on a lock left on the host. */
class CliHostStateTest {

    @TempDir
    Path tmp;

    private CliHarness h;

    @BeforeEach
    void setUp() {
        h = CliHarness.start(tmp).withStagingV1(40);
        h.ok("deploy", "-e", "staging");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void statusSaysWhatTheHostRunsAndShowsDriftWhenTheAppDiesBehindItsBack() throws Exception {
        Result status = h.ok("status");
        assertThat(status.out()).contains("vps1  staging v1 · app up").contains("healthy").contains("by " + System.getProperty("user.name"))
                .doesNotContain("! ");

        JsonNode before = json(h.ok("status", "--json"));
        JsonNode host = before.at("/environments/0/hosts/0");
        assertThat(before.get("project").asText()).isEqualTo("demo");
        assertThat(host.get("host").asText()).isEqualTo("vps1");
        assertThat(host.get("currentLabel").asText()).isEqualTo("staging v1");
        assertThat(host.get("catalogRelease").asText()).isEqualTo("staging v1");
        assertThat(host.get("expectedRelease").asText()).isEqualTo("staging v1");
        assertThat(host.get("appAlive").asBoolean()).isTrue();
        assertThat(host.get("healthy").asBoolean()).isTrue();
        assertThat(Instant.parse(host.get("readAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(host.get("lock").isNull()).isTrue();
        assertThat(host.get("drift")).isEmpty();

        AppProcesses.killAll(h.server.baseDir()); // by hand, outside Stageboard
        assertThat(h.app()).isEqualTo("unreachable");

        Result json = h.cli("status", "--json");
        assertThat(json.code()).as("exit 0 even with drift: scripts read the JSON").isZero();
        JsonNode after = json(json).at("/environments/0/hosts/0");
        assertThat(after.get("appAlive").asBoolean()).isFalse();
        assertThat(after.get("catalogRelease").asText()).isEqualTo("staging v1");
        assertThat(after.get("drift").toString()).contains("app down");
        assertThat(after.get("agrees").asBoolean()).isFalse();

        Result text = h.ok("status");
        assertThat(text.out()).contains("app DOWN").contains("! app down: no process runs for");

        Result offline = h.ok("status", "--offline");
        assertThat(offline.out()).contains("as read at").contains("! app down");
    }

    @Test
    void aHostThatCannotBeReadStillShowsWhatItSaidAtTheLastReadThatWorked() throws Exception {
        Result good = h.ok("status");
        assertThat(good.out()).contains("vps1  staging v1 · app up");

        h.server.close(); // sshd stopped: the host cannot be reached any more

        Result failed = h.ok("status");
        assertThat(failed.out()).containsPattern("vps1  could not be read at [-0-9: ]+: Cannot connect to .*connection refused")
                .containsPattern("last read \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(.* ago\\): staging v1 · app up")
                .contains("healthy").contains("since ").contains("by " + System.getProperty("user.name"));

        Result offline = h.ok("status", "--offline");
        assertThat(offline.out()).contains("vps1  could not be read at ")
                .containsPattern("last read .* ago\\): staging v1 · app up").contains("healthy").contains("since ");

        JsonNode host = json(h.ok("status", "--offline", "--json")).at("/environments/0/hosts/0");
        assertThat(host.get("error").asText()).isNotBlank();
        assertThat(host.get("currentLabel").isNull()).isTrue();
        assertThat(host.at("/lastGood/currentLabel").asText()).isEqualTo("staging v1");
        assertThat(Instant.parse(host.at("/lastGood/readAt").asText())).isBefore(Instant.parse(host.get("readAt").asText()));

        Result again = h.ok("status");
        assertThat(again.out()).as("a second failed read keeps the last good reading").contains("last read ").contains("staging v1 · app up");
    }

    @Test
    void aLiveLockSaysWhatItsRunDoesInLocalTimeAndTheFullCommandToWaitForIt() throws Exception {
        Path lock = Files.createDirectories(h.envDir().resolve(".stageboard/lock"));
        Instant since = Instant.parse("2026-11-26T23:12:06.037574337Z");
        Files.writeString(lock.resolve("info.json"), "{\"holder\":\"bob@elsewhere pid 1 since 2026-01-01T00:00:00Z\",\"actor\":\"bob\","
                + "\"release\":\"restart\",\"since\":\"" + since + "\"}\n");
        Files.writeString(lock.resolve("heartbeat"), "");

        Result deploy = h.cli("deploy", "-e", "staging");
        assertThat(deploy.code()).isEqualTo(1);
        assertThat(deploy.err()).contains("(bob), restarting the app, since " + org.stageboard.core.Words.when(since) + ",")
                .contains("'stageboard deploy -e staging --host vps1 --wait-lock 120'")
                .doesNotContain("activating restart", "037574337", "'stageboard deploy --wait-lock");
    }

    @Test
    void showsAndBreaksAStaleLockOnlyWhenTheUserSaysYes() throws Exception {
        Path lock = Files.createDirectories(h.envDir().resolve(".stageboard/lock"));
        Files.writeString(lock.resolve("info.json"), "{\"holder\":\"bob@elsewhere pid 1 since 2026-01-01T00:00:00Z\",\"actor\":\"bob\","
                + "\"release\":\"staging v9\",\"since\":\"2026-01-01T00:00:00Z\"}\n");
        Path heartbeat = Files.writeString(lock.resolve("heartbeat"), "");
        Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        Result show = h.ok("lock", "show", "-e", "staging");
        assertThat(show.out()).contains("vps1  staging  LOCKED, STALE").contains("holder:    bob@elsewhere pid 1 since 2026-01-01T00:00:00Z (bob)")
                .contains("release:   staging v9").containsPattern("heartbeat: [0-9]+ (min|h) ago").contains("STALE:     no heartbeat for");

        Result deploy = h.cli("deploy", "-e", "staging");
        assertThat(deploy.code()).isEqualTo(1);
        assertThat(deploy.err()).contains("bob@elsewhere pid 1").contains("stageboard lock break -e staging --host vps1");

        Result refused = h.cliWithInput("", "lock", "break", "-e", "staging", "--host", "vps1");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).contains("LOCKED, STALE");
        assertThat(refused.err()).contains("Break the lock held by bob@elsewhere pid 1 since 2026-01-01T00:00:00Z? [y/N]").contains("not broken");
        Result no = h.cliWithInput("n\n", "lock", "break", "-e", "staging", "--host", "vps1");
        assertThat(no.code()).isEqualTo(1);
        assertThat(lock).isDirectory();

        Result broken = h.cliWithInput("y\n", "lock", "break", "-e", "staging", "--host", "vps1");
        assertThat(broken.code()).as(broken.all()).isZero();
        assertThat(broken.out()).contains("broke the lock held by bob@elsewhere pid 1");
        assertThat(lock).doesNotExist();
        assertThat(Files.readString(h.envDir().resolve(".stageboard/ledger.jsonl"))).contains("LOCK_BROKEN").contains("bob@elsewhere");
        assertThat(h.ok("lock", "show", "-e", "staging", "--host", "vps1").out()).contains("vps1  staging  free");
        assertThat(h.ok("lock", "break", "-e", "staging", "--host", "vps1", "--yes").out()).contains("nothing to break");
        assertThat(h.ok("history").out()).contains("lock.break");
    }

    private static JsonNode json(Result result) throws Exception {
        return new ObjectMapper().readTree(result.out());
    }
}
