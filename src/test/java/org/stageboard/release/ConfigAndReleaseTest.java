package org.stageboard.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;

class ConfigAndReleaseTest {

    @TempDir
    Path home;

    private Catalog catalog;
    private ConfigService configs;
    private ReleaseService releases;
    private Project project;
    private Environment staging;

    @BeforeEach
    void setUp() {
        catalog = Catalog.open(home);
        configs = new ConfigService(catalog, SecretBox.open(home.resolve("secret.key")));
        releases = new ReleaseService(catalog, configs);
        project = catalog.projects().add("shop", home, "main", new Recipe("true", List.of("**")));
        staging = catalog.environments().add(project.id(), "staging", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
    }

    @AfterEach
    void tearDown() {
        catalog.close();
    }

    private Build succeededBuild() throws Exception {
        Path file = Files.writeString(home.resolve("a.tar.gz"), "artifact bytes");
        String sha = "a".repeat(64);
        catalog.artifacts().record(new Artifact(sha, project.id(), "1".repeat(40), 14, file, Instant.now()));
        Build started = catalog.builds().start(project.id(), "1".repeat(40), "2".repeat(40), "3".repeat(64), "ada");
        return catalog.builds().succeed(started.id(), 0, sha, "ok");
    }

    @Test
    void everyChangeMakesANewImmutableVersion() {
        ConfigVersion v1 = configs.change(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false)), Set.of(), "ada");
        ConfigVersion v2 = configs.change(staging, Map.of("GREETING", new ConfigEntry("GREETING", "hi", false)), Set.of(), "ada");
        ConfigVersion v3 = configs.change(staging, Map.of(), Set.of("GREETING"), "ada");
        ConfigVersion same = configs.change(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false)), Set.of(), "ada");
        assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1, 2, 3);
        assertThat(same.id()).isEqualTo(v3.id());
        assertThat(configs.get(v2.id()).values()).containsEntry("GREETING", "hi").containsEntry("PORT", "8080");
        assertThat(v3.values()).containsOnlyKeys("PORT");
        assertThatThrownBy(() -> configs.change(staging, Map.of(), Set.of("NOPE"), "ada")).hasMessageContaining("no key NOPE");
    }

    @Test
    void secretsAreSealedAtRestAndMaskedWhenShown() throws Exception {
        String password = "hunter2-very-secret";
        ConfigVersion v1 = configs.change(staging, Map.of("DB_PASSWORD", new ConfigEntry("DB_PASSWORD", password, true)), Set.of(), "ada");
        assertThat(v1.values()).containsEntry("DB_PASSWORD", password);
        assertThat(v1.entries().get("DB_PASSWORD").toString()).doesNotContain(password).contains("********");
        String stored = catalog.jdbc().queryOne("SELECT value_text FROM config_entries WHERE key_name = 'DB_PASSWORD'", rs -> rs.getString(1)).orElseThrow();
        assertThat(stored).startsWith("sealed:v1:").doesNotContain(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secret.key")))).isEqualTo("rw-------");

        // a catalog without its key reveals nothing and says why
        ConfigService wrongKey = new ConfigService(catalog, SecretBox.open(home.resolve("other.key")));
        assertThatThrownBy(() -> wrongKey.latest(staging))
                .hasMessageContaining("does not match this catalog")
                .hasMessageNotContaining(password);
    }

    @Test
    void aReleaseFreezesTheConfigItWasMadeWith() throws Exception {
        Build build = succeededBuild();
        configs.change(staging, Map.of("GREETING", new ConfigEntry("GREETING", "v1", false)), Set.of(), "ada");
        Release r1 = releases.release(build, staging, "ada");
        configs.change(staging, Map.of("GREETING", new ConfigEntry("GREETING", "v2", false)), Set.of(), "ada");
        catalog.environments().updateRunSettings(staging.id(), RunSettings.of("java Other.java", "http://127.0.0.1:9090/health"));
        Release r2 = releases.release(build, catalog.environments().get(staging.id()), "ada");

        assertThat(r1.label()).isEqualTo("staging v1");
        assertThat(r2.label()).isEqualTo("staging v2");
        Release reread = catalog.releases().get(r1.id());
        assertThat(configs.get(reread.configVersionId()).values()).containsEntry("GREETING", "v1");
        assertThat(reread.run().startCommand()).isEqualTo("java Server.java");
        assertThat(configs.get(r2.configVersionId()).values()).containsEntry("GREETING", "v2");
        assertThat(r2.run().startCommand()).isEqualTo("java Other.java");
        assertThat(r1.artifactSha256()).isEqualTo(r2.artifactSha256());
    }

    @Test
    void anEnvironmentWithoutConfigGetsAnEmptyFirstVersion() throws Exception {
        Release r1 = releases.release(succeededBuild(), staging, "ada");
        assertThat(r1.configVersion()).isEqualTo(1);
        assertThat(configs.get(r1.configVersionId()).entries()).isEmpty();
    }

    @Test
    void aFailedBuildCannotBeReleased() {
        Build started = catalog.builds().start(project.id(), "1".repeat(40), "2".repeat(40), "3".repeat(64), "ada");
        Build failed = catalog.builds().fail(started.id(), 2, "boom");
        assertThatThrownBy(() -> releases.release(failed, staging, "ada"))
                .isInstanceOf(StageboardException.class).hasMessageContaining("did not succeed");
        assertThat(catalog.releases().forEnvironment(staging.id())).isEmpty();
    }

    @Test
    void releaseJsonNamesConfigKeysButNeverValues() throws Exception {
        Build build = succeededBuild();
        configs.change(staging, Map.of("API_TOKEN", new ConfigEntry("API_TOKEN", "tok-123456", true),
                "PORT", new ConfigEntry("PORT", "8080", false)), Set.of(), "ada");
        Release release = releases.release(build, staging, "ada");
        String json = releases.describe(release, build, configs.get(release.configVersionId()), "shop");
        assertThat(json).contains("\"staging v1\"").contains("API_TOKEN").contains("PORT").doesNotContain("tok-123456").doesNotContain("8080\"");
    }
}
