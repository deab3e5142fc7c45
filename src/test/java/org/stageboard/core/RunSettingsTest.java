package org.stageboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    private static final RunSettings PLAIN = RunSettings.of("java -jar app.jar", "http://127.0.0.1:8080/health");

    @Test
    void oneWebProcessFromTheStartCommandIsTheDefault() {
        assertThat(PLAIN.processes().resolve(PLAIN.startCommand(), null))
                .containsExactly(new ProcessType("web", "java -jar app.jar", 1));
        assertThat(PLAIN.supervision()).isEqualTo(Supervision.PROCESS);
        assertThat(PLAIN.healthPort()).isEqualTo(8080);
    }

    @Test
    void theEnvironmentsListWinsOverTheArtifactsProcfileWhichWinsOverTheStartCommand() {
        String procfile = "# types\nweb: node server.js\nworker: node worker.js\nrelease: node migrate.js\n";
        Processes fromArtifact = new Processes("", Map.of("web", 2));
        assertThat(fromArtifact.resolve("ignored", procfile)).containsExactly(
                new ProcessType("web", "node server.js", 2), new ProcessType("worker", "node worker.js", 1));
        assertThat(fromArtifact.releaseCommand(procfile)).isEqualTo("node migrate.js");
        assertThat(fromArtifact.source(procfile)).isEqualTo("the artifact's Procfile");

        Processes own = new Processes("web: ./serve\nclock: ./tick", Processes.parseScale("web=3, clock=0"));
        assertThat(own.resolve("ignored", procfile)).containsExactly(
                new ProcessType("web", "./serve", 3), new ProcessType("clock", "./tick", 0));
    }

    @Test
    void badProcessListsAndScalesAreRefusedSayingWhere() {
        assertThatThrownBy(() -> Processes.parseProcfile("web: a\nno colon here", "the artifact's Procfile"))
                .hasMessageContaining("line 2").hasMessageContaining("name: command");
        assertThatThrownBy(() -> Processes.parseScale("web:2")).hasMessageContaining("TYPE=COUNT");
        assertThatThrownBy(() -> Processes.parseScale("web=100")).hasMessageContaining("between 0 and 32");
        assertThatThrownBy(() -> new Processes("", Map.of("worker", 2)).resolve("./serve", null))
                .hasMessageContaining("'worker'").hasMessageContaining("web");
        assertThatThrownBy(() -> new Processes("", Map.of("web", 0)).resolve("./serve", null)).hasMessageContaining("nothing would run");
    }

    @Test
    void sharedPathsStayInsideTheReleaseFolder() {
        PLAIN.withShared(List.of("storage/", "db/app.sqlite", "log/"));
        for (String bad : List.of("../etc/", "/var/data", "a/../../b", ".env", "release.json", "Procfile", "a//b", "x y")) {
            assertThatThrownBy(() -> PLAIN.withShared(List.of(bad))).as(bad).hasMessageContaining("cannot be used");
        }
    }

    @Test
    void everySettingSurvivesJsonAndOldJsonStillReads() {
        RunSettings full = PLAIN.withProcesses(new Processes("web: ./serve\nworker: ./work", Map.of("web", 2)))
                .withSupervision(Supervision.SYSTEMD_USER).withShared(List.of("storage/", "db.sqlite"))
                .withHooks(new Hooks("./migrate", "./warm", "./notify"));
        assertThat(RunSettingsJson.fromFull(RunSettingsJson.full(full), null)).isEqualTo(full);
        assertThat(RunSettingsJson.withExtras(PLAIN, RunSettingsJson.extras(full))).isEqualTo(full);
        String old = "{\"startCommand\":\"./a\",\"healthUrl\":\"tcp://127.0.0.1:9\",\"healthTimeoutSeconds\":7,\"stopGraceSeconds\":2,\"keepReleases\":3}";
        assertThat(RunSettingsJson.fromFull(old, null)).isEqualTo(new RunSettings("./a", "tcp://127.0.0.1:9", 7, 2, 3));
        assertThat(RunSettingsJson.fromFull("not json", PLAIN)).isEqualTo(PLAIN);
    }

    @Test
    void rolloutSettingsRoundTripAndAreChecked() {
        Rollout rolling = new Rollout(Rollout.Mode.ROLLING, 1, 2, 5, Rollout.OnFailure.STAY);
        assertThat(RunSettingsJson.rollout(RunSettingsJson.rollout(rolling))).isEqualTo(rolling);
        assertThat(RunSettingsJson.rollout((String) null)).isEqualTo(Rollout.DEFAULT);
        assertThat(rolling.describe()).isEqualTo("rolling, batches of 2 with 5 s between; on failure: switched hosts stay");
        assertThatThrownBy(() -> new Rollout(Rollout.Mode.PARALLEL, 0, 1, 0, null)).hasMessageContaining("Parallelism");
        assertThatThrownBy(() -> Rollout.onFailure("maybe")).hasMessageContaining("roll-back or stay");
        assertThat(Supervision.of("systemd")).isEqualTo(Supervision.SYSTEMD_USER);
        assertThatThrownBy(() -> Supervision.of("runit")).hasMessageContaining("process, process+cron, systemd-user, systemd-system");
    }
}
