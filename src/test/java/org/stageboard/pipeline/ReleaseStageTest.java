package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Actor;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigChange;
import org.stageboard.core.ConfigDiff;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigKeyDiff;
import org.stageboard.core.Environment;
import org.stageboard.core.EnvironmentImport;
import org.stageboard.core.Event;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.ReleaseDetails;
import org.stageboard.core.ReleaseDiff;
import org.stageboard.core.Rollout;
import org.stageboard.core.Run;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;

/**
 * The release stage on a real catalog file, a real git repository and (for the release page and
 * secrets) a real SSH host: promotion order, config history and diff, release diff, promotion of
 * the exact artifact, export / import, and a secret never stored or shown in clear.
 */
class ReleaseStageTest extends EngineTestBase {

    private static final String SECRET = "s3cr3t-Zq8vX1-never-in-clear";

    private Project project;

    private Project project() {
        if (project == null) {
            repo.copyResource("/demo-app/Server.java", "Server.java").write("health-behaviour", "ok\n").commit("first: the app");
            project = engine.addProject("demo", repo.dir(), null, new Recipe("test -f Server.java", List.of("Server.java", "health-behaviour")));
        }
        return project;
    }

    private Environment env(String name) {
        return engine.addEnvironment(project(), name, new RunSettings("java Server.java", "http://127.0.0.1:" + appPort + "/health", 40, 5, 5));
    }

    private static Map<String, ConfigEntry> plain(String key, String value) {
        return Map.of(key, new ConfigEntry(key, value, false));
    }

    private static Map<String, ConfigEntry> secret(String key, String value) {
        return Map.of(key, new ConfigEntry(key, value, true));
    }

    @Test
    void environmentsFollowTheirPromotionOrder() {
        Environment production = env("production");
        Environment staging = env("staging");
        Environment qa = env("qa");
        assertThat(engine.environments(project()).stream().map(Environment::name)).containsExactly("production", "staging", "qa");

        List<Environment> order = engine.orderEnvironments(project(), List.of(staging, production));
        assertThat(order.stream().map(Environment::name)).containsExactly("staging", "production", "qa");
        assertThat(engine.environments(project()).stream().map(Environment::name)).containsExactly("staging", "production", "qa");
        assertThat(engine.board(project(), 5).environments().stream().map(Environment::name)).containsExactly("staging", "production", "qa");
        assertThat(engine.nextEnvironment(staging)).map(Environment::name).contains("production");
        assertThat(engine.nextEnvironment(production)).map(Environment::name).contains("qa");
        assertThat(engine.nextEnvironment(qa)).isEmpty();

        Environment review = env("review");
        assertThat(engine.environments(project()).stream().map(Environment::name)).as("a new environment goes last")
                .containsExactly("staging", "production", "qa", "review");
        assertThatThrownBy(() -> engine.orderEnvironments(project(), List.of(staging, staging))).hasMessageContaining("twice");
        assertThat(engine.history(project(), 20).stream().map(Event::action)).contains("env.promote-order");
        assertThat(review.name()).isEqualTo("review");
    }

    @Test
    void configHistoryRecordsWhoWhenAndWhichKeysButNoValue() {
        Environment staging = env("staging");
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false), "DEBUG", new ConfigEntry("DEBUG", "1", false)), Set.of());
        engine.setConfig(staging, secret("API_KEY", SECRET), Set.of());
        engine.setConfig(staging, plain("PORT", "9090"), Set.of("DEBUG"));
        engine.setConfig(staging, secret("API_KEY", SECRET + "-rotated"), Set.of());

        List<ConfigChange> history = engine.configHistory(staging);
        assertThat(history.stream().map(ConfigChange::version)).containsExactly(4, 3, 2, 1);
        assertThat(history).allSatisfy(c -> {
            assertThat(c.actor()).isEqualTo(Actor.current());
            assertThat(c.at()).isNotNull();
        });
        assertThat(history.get(3).keys().added()).containsExactly("DEBUG", "PORT");
        assertThat(history.get(2).keys().added()).containsExactly("API_KEY");
        assertThat(history.get(1).keys().removed()).containsExactly("DEBUG");
        assertThat(history.get(1).keys().changed()).containsExactly("PORT");
        assertThat(history.get(0).keys().changed()).containsExactly("API_KEY");
        assertThat(history.get(0).keys().describe()).isEqualTo("~API_KEY");
        assertThat(history.toString()).doesNotContain(SECRET);
    }

    @Test
    void configDiffMasksSecretsOnBothSides() {
        Environment staging = env("staging");
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false), "API_KEY", new ConfigEntry("API_KEY", SECRET, true)), Set.of());
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "9090", false), "API_KEY", new ConfigEntry("API_KEY", SECRET + "2", true),
                "NEW", new ConfigEntry("NEW", "x", false)), Set.of());

        ConfigDiff latest = engine.configDiff(staging, null, null);
        assertThat(latest.from()).isEqualTo("config v1");
        assertThat(latest.to()).isEqualTo("config v2");
        assertThat(latest.keys().stream().map(ConfigKeyDiff::describe)).containsExactly(
                "~ API_KEY: ******** -> ******** (secret)", "+ NEW: x", "~ PORT: 8080 -> 9090");
        ConfigDiff first = engine.configDiff(staging, null, 1);
        assertThat(first.keys()).extracting(ConfigKeyDiff::kind).containsOnly(ConfigKeyDiff.Kind.ADDED);
        assertThat(first.toString() + latest).doesNotContain(SECRET);
        ConfigDiff backwards = engine.configDiff(staging, 2, 1);
        assertThat(backwards.keys().stream().map(ConfigKeyDiff::describe)).contains("- NEW: x", "~ PORT: 9090 -> 8080");
        assertThatThrownBy(() -> engine.configDiff(staging, 1, 7)).hasMessageContaining("no config v7");
    }

    @Test
    void releaseDiffListsTheCommitsBetweenConfigChangesAndWhatItTakes() {
        Environment staging = env("staging");
        engine.setConfig(staging, Map.of("GREETING", new ConfigEntry("GREETING", "one", false), "API_KEY", new ConfigEntry("API_KEY", SECRET, true)), Set.of());
        Build first = engine.build(project(), "HEAD", progress);
        Release v1 = engine.release(first, staging);

        String second = repo.write("health-behaviour", "ok\n# a longer file, so the artifact grows\n").commit("second: grow the file");
        String third = repo.write("NOTES.md", "notes\n").commit("third: notes (not in the artifact)");
        Build build3 = engine.build(project(), third, progress);
        engine.setConfig(staging, plain("GREETING", "two"), Set.of("API_KEY"));
        Release v2 = engine.release(build3, staging);

        ReleaseDiff diff = engine.diff(v1, v2);
        assertThat(diff.commits().stream().map(c -> c.subject())).containsExactly("third: notes (not in the artifact)", "second: grow the file");
        assertThat(diff.commits().get(1).sha()).isEqualTo(second);
        assertThat(diff.commits()).allSatisfy(c -> assertThat(c.author()).isEqualTo("Ada Lovelace"));
        assertThat(diff.backwards()).isFalse();
        assertThat(diff.sameArtifact()).isFalse();
        assertThat(diff.impact()).isEqualTo(ReleaseDiff.Impact.REBUILD);
        assertThat(diff.sizeChange()).isNotNull().isNotZero();
        assertThat(diff.config().keys().stream().map(ConfigKeyDiff::describe)).containsExactly(
                "- API_KEY: ******** (secret)", "~ GREETING: one -> two");

        ReleaseDiff back = engine.diff(v2, v1);
        assertThat(back.backwards()).isTrue();
        assertThat(back.commits()).hasSize(2);

        // same artifact, new config: a restart does it
        engine.setConfig(staging, plain("GREETING", "three"), Set.of());
        Release v3 = engine.release(build3, staging);
        ReleaseDiff restart = engine.diff(v2, v3);
        assertThat(restart.commits()).isEmpty();
        assertThat(restart.sameArtifact()).isTrue();
        assertThat(restart.sizeChange()).isZero();
        assertThat(restart.impact()).isEqualTo(ReleaseDiff.Impact.RESTART);
        assertThat(engine.diff(v3, v3).impact()).isEqualTo(ReleaseDiff.Impact.NOTHING);
    }

    @Test
    void promotionReusesTheArtifactByteForByteWithTheTargetsConfig() throws Exception {
        Environment staging = env("staging");
        Environment production = env("production");
        engine.setConfig(staging, plain("GREETING", "staging"), Set.of());
        engine.setConfig(production, Map.of("GREETING", new ConfigEntry("GREETING", "production", false),
                "API_KEY", new ConfigEntry("API_KEY", SECRET, true)), Set.of());
        Build build = engine.build(project(), "HEAD", progress);
        Release s1 = engine.release(build, staging);
        repo.write("health-behaviour", "ok\nlater\n").commit("later work");
        Build later = engine.build(project(), "HEAD", progress);
        Release s2 = engine.release(later, staging);
        Path artifactFile = engine.catalog().artifacts().find(s1.artifactSha256()).orElseThrow().file();
        byte[] before = Files.readAllBytes(artifactFile);
        int buildsBefore = engine.builds(project()).size();

        Release p1 = engine.promote(s1);
        assertThat(p1.environmentName()).isEqualTo("production");
        assertThat(p1.buildId()).isEqualTo(s1.buildId());
        assertThat(p1.artifactSha256()).isEqualTo(s1.artifactSha256());
        assertThat(Files.readAllBytes(engine.catalog().artifacts().find(p1.artifactSha256()).orElseThrow().file())).isEqualTo(before);
        assertThat(engine.builds(project())).as("nothing was rebuilt").hasSize(buildsBefore);
        assertThat(engine.currentConfig(production).orElseThrow().version()).isEqualTo(p1.configVersion());
        assertThat(engine.diff(s1, p1).config().keys().stream().map(ConfigKeyDiff::describe))
                .containsExactly("+ API_KEY: ******** (secret)", "~ GREETING: staging -> production");
        assertThat(engine.diff(s1, p1).impact()).isEqualTo(ReleaseDiff.Impact.RESTART);

        // the default source: nothing is live on staging's hosts, so the newest release
        assertThat(engine.promotionSource(staging).id()).isEqualTo(s2.id());
        // the last environment has nowhere to promote to
        assertThatThrownBy(() -> engine.promote(p1)).hasMessageContaining("last of the promotion order");
        // an artifact changed on disk is never promoted
        Files.write(artifactFile, "tampered".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> engine.promote(s1)).isInstanceOf(StageboardException.class).hasMessageContaining("no longer matches its SHA-256");
        Files.write(artifactFile, before);
        assertThat(engine.history(project(), 50).stream().filter(e -> e.action().equals("release.promote")).map(Event::outcome))
                .contains("ok", "rejected");
    }

    @Test
    void exportAndImportRoundTripWithoutSecrets() {
        Environment staging = env("staging");
        staging = engine.updateRollout(staging, new Rollout(Rollout.Mode.ROLLING, 1, 2, 3, Rollout.OnFailure.STAY));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false), "GREETING", new ConfigEntry("GREETING", "hi there", false),
                "API_KEY", new ConfigEntry("API_KEY", SECRET, true)), Set.of());

        String json = engine.exportEnvironment(staging);
        assertThat(json).doesNotContain(SECRET).contains("\"API_KEY\"").contains("\"GREETING\" : \"hi there\"");

        EnvironmentImport created = engine.importEnvironment(project(), "preview", json);
        assertThat(created.created()).isTrue();
        Environment preview = created.environment();
        assertThat(preview.run()).isEqualTo(staging.run());
        assertThat(preview.rollout()).isEqualTo(staging.rollout());
        assertThat(engine.currentConfig(preview).orElseThrow().values()).containsOnly(Map.entry("PORT", "8080"), Map.entry("GREETING", "hi there"));
        assertThat(created.secretsToSet()).containsExactly("API_KEY");
        assertThat(created.configVersion()).isEqualTo(1);

        engine.setConfig(preview, secret("API_KEY", "another"), Set.of());
        EnvironmentImport again = engine.importEnvironment(project(), "preview", json);
        assertThat(again.created()).isFalse();
        assertThat(again.configVersion()).as("nothing changed, so no new config version").isNull();
        assertThat(again.secretsToSet()).isEmpty();
        assertThat(engine.exportEnvironment(preview)).isEqualTo(json.replace("\"staging\"", "\"preview\""));

        engine.setConfig(preview, secret("GREETING", "now a secret"), Set.of());
        int versionBefore = engine.currentConfig(preview).orElseThrow().version();
        assertThatThrownBy(() -> engine.importEnvironment(project(), "preview", json)).hasMessageContaining("GREETING is a secret in preview");
        assertThat(engine.currentConfig(preview).orElseThrow().version()).isEqualTo(versionBefore);

        assertThatThrownBy(() -> engine.importEnvironment(project(), "broken", "{\"format\": 1"))
                .hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> engine.importEnvironment(project(), "broken", "{}")).hasMessageContaining("not an environment export");
    }

    @Test
    void aSecretNeverAppearsInClearInLogsExportsErrorsOrTheCatalogFile() throws Exception {
        Environment staging = env("staging");
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(appPort), false),
                "GREETING", new ConfigEntry("GREETING", "plain-marker-4711", false), "API_TOKEN", new ConfigEntry("API_TOKEN", SECRET, true)), Set.of());
        Host vps = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, vps);
        vps = engine.trustHostKey(vps, engine.checkHostKey(vps).fingerprint());
        Build build = engine.build(project(), "HEAD", progress);
        Release v1 = engine.release(build, staging);
        Run run = engine.deploy(v1, vps, progress);
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.LIVE);

        // the host's .env is the one place it is written in clear
        Path current = server.baseDir().resolve("demo/staging/current");
        assertThat(Files.readString(current.resolve(".env"))).contains(SECRET);

        // the release page: who runs it, which keys (names only)
        ReleaseDetails details = engine.releaseDetails(v1);
        assertThat(details.runningOn()).containsExactly("vps1");
        assertThat(details.commit().subject()).isEqualTo("first: the app");
        assertThat(details.commit().author()).isEqualTo("Ada Lovelace");
        assertThat(details.secretKeys()).containsExactly("API_TOKEN");
        assertThat(details.build().number()).isEqualTo(build.number());
        assertThat(details.toString()).doesNotContain(SECRET);

        // an error that is about the secret's key names the key, not the value
        engine.setConfig(staging, secret("API_TOKEN", SECRET + "-2"), Set.of());
        String errors = "";
        try {
            engine.setConfig(staging, Map.of("BAD KEY", new ConfigEntry("BAD KEY", SECRET, true)), Set.of());
        } catch (StageboardException e) {
            errors += e.getMessage();
        }
        try {
            engine.setConfig(staging, Map.of("API_TOKEN", new ConfigEntry("API_TOKEN", SECRET + "\nline", true)), Set.of());
        } catch (StageboardException e) {
            errors += e.getMessage();
        }
        assertThat(errors).contains("BAD KEY").contains("API_TOKEN");

        String everything = progress.all() + errors + engine.exportEnvironment(staging) + engine.configHistory(staging)
                + engine.configDiff(staging, null, null) + engine.diff(v1, v1) + engine.history(project(), 100);
        assertThat(everything).doesNotContain(SECRET);
        try (Stream<Path> files = Files.walk(engine.home().root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(SECRET);
            }
        }
        engine.close();
        Path catalogFile = engine.home().catalogDir().resolve("catalog.mv.db");
        byte[] raw = Files.readAllBytes(catalogFile);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).as("a plain value is found in the raw bytes, so a secret in clear would be")
                .contains("plain-marker-4711");
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET).doesNotContain("-never-in-clear");
        assertThat(new String(raw, StandardCharsets.UTF_16BE)).doesNotContain(SECRET);
        engine = Stageboard.open(engine.home()); // for the clean-up
    }

    @Test
    void theHomeIsPrivateAndSoAreItsKeys() throws Exception {
        Path root = engine.home().root();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        Environment staging = env("staging");
        engine.setConfig(staging, secret("API_KEY", SECRET), Set.of());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(engine.home().secretKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(engine.home().catalogDir().resolve("catalog.password"))))
                .isEqualTo("rw-------");
    }
}
