package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;

class CatalogTest {

    @TempDir
    Path home;

    @Test
    void migratesAFileDatabaseAndKeepsDataAcrossReopen() {
        try (Catalog catalog = Catalog.open(home)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latest());
            catalog.projects().add("shop", home, "main", new Recipe("make", List.of("dist/**")));
        }
        assertThat(home.resolve("catalog.mv.db")).exists();
        try (Catalog catalog = Catalog.open(home)) {
            Project shop = catalog.projects().require("shop");
            assertThat(shop.branch()).isEqualTo("main");
            assertThat(shop.recipe().artifactGlobs()).containsExactly("dist/**");
        }
    }

    @Test
    void numbersBuildsPerProjectAndReleasesPerEnvironment() {
        try (Catalog catalog = Catalog.open(home)) {
            Project a = catalog.projects().add("a", home, "main", new Recipe("true", List.of("**")));
            Project b = catalog.projects().add("b", home, "main", new Recipe("true", List.of("**")));
            Build a1 = catalog.builds().start(a.id(), "1".repeat(40), "2".repeat(40), "3".repeat(64), "ada");
            Build a2 = catalog.builds().start(a.id(), "1".repeat(40), "2".repeat(40), "3".repeat(64), "ada");
            Build b1 = catalog.builds().start(b.id(), "1".repeat(40), "2".repeat(40), "3".repeat(64), "ada");
            assertThat(List.of(a1.number(), a2.number(), b1.number())).containsExactly(1, 2, 1);

            String sha = "f".repeat(64);
            catalog.artifacts().record(new Artifact(sha, a.id(), "1".repeat(40), 10, home.resolve("x.tar.gz"), Instant.now()));
            Build done = catalog.builds().succeed(a2.id(), 0, sha, "ok");
            assertThat(done.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(done.artifactSize()).isEqualTo(10L);
            assertThat(catalog.builds().findCached(a.id(), "2".repeat(40), "3".repeat(64))).map(Build::number).contains(2);

            Environment staging = catalog.environments().add(a.id(), "staging", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
            Environment prod = catalog.environments().add(a.id(), "production", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
            ConfigVersion c1 = catalog.configs().add(staging.id(), Map.of("PORT", new ConfigEntry("PORT", "8080", false)), "ada");
            ConfigVersion p1 = catalog.configs().add(prod.id(), Map.of(), "ada");
            Release s1 = catalog.releases().add(staging, done, c1, "ada");
            Release s2 = catalog.releases().add(staging, done, c1, "ada");
            Release prod1 = catalog.releases().add(prod, done, p1, "ada");
            assertThat(List.of(s1.label(), s2.label(), prod1.label())).containsExactly("staging v1", "staging v2", "production v1");
            assertThat(s2.buildNumber()).isEqualTo(2);
            assertThat(s2.configVersion()).isEqualTo(1);
        }
    }

    @Test
    void aLiveRunSupersedesTheLiveRunOfTheSameEnvironmentOnTheSameHost() {
        try (Catalog catalog = Catalog.open(home)) {
            Project p = catalog.projects().add("p", home, "main", new Recipe("true", List.of("**")));
            String sha = "e".repeat(64);
            catalog.artifacts().record(new Artifact(sha, p.id(), "1".repeat(40), 1, home.resolve("a"), Instant.now()));
            Build build = catalog.builds().succeed(catalog.builds().start(p.id(), "1".repeat(40), null, "3".repeat(64), "ada").id(), 0, sha, "");
            Environment env = catalog.environments().add(p.id(), "staging", RunSettings.of("run", "http://127.0.0.1:1/"));
            ConfigVersion config = catalog.configs().add(env.id(), Map.of(), "ada");
            Release v1 = catalog.releases().add(env, build, config, "ada");
            Release v2 = catalog.releases().add(env, build, config, "ada");
            Host host = catalog.hosts().add("vps1", "127.0.0.1", 22, "deploy", home.resolve("key"), "/srv");
            Run first = catalog.runs().finish(catalog.runs().start(v1.id(), host.id(), RunKind.DEPLOY, null, "ada").id(), RunStatus.LIVE, "ok");
            Run second = catalog.runs().finish(catalog.runs().start(v2.id(), host.id(), RunKind.DEPLOY, null, "ada").id(), RunStatus.LIVE, "ok");
            assertThat(catalog.runs().get(first.id()).status()).isEqualTo(RunStatus.SUPERSEDED);
            assertThat(catalog.runs().live(env.id(), host.id())).map(Run::id).contains(second.id());
        }
    }

    @Test
    void refusesDuplicateNames() {
        try (Catalog catalog = Catalog.open(home)) {
            catalog.projects().add("shop", home, "main", new Recipe("make", List.of("**")));
            assertThatThrownBy(() -> catalog.projects().add("shop", home, "main", new Recipe("make", List.of("**"))))
                    .isInstanceOf(StageboardException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> catalog.projects().require("nope")).hasMessageContaining("No project named 'nope'");
        }
    }

    @Test
    void eventsAreAppendOnlyAndFilteredBySubject() {
        try (Catalog catalog = Catalog.open(home)) {
            catalog.events().append("ada", "shop", "build", "shop #1", "succeeded", null);
            catalog.events().append("bob", "shop_x", "build", "shop_x #1", "failed", null);
            catalog.events().append("ada", "shop", "release", "shop/staging v1", "ok", null);
            catalog.events().append("ada", null, "host.add", "host vps1", "ok", null);
            assertThat(catalog.events().forProject("shop", 10)).hasSize(2);
            assertThat(catalog.events().forProject("shop_x", 10)).hasSize(1);
            assertThat(catalog.events().recent(10).get(0).action()).isEqualTo("host.add");
        }
    }

    @Test
    void aSecondProcessCanUseTheCatalogWhileThisOneHasItOpen() throws Exception {
        try (Catalog catalog = Catalog.open(home)) {
            catalog.projects().add("shared", home, "main", new Recipe("make", List.of("**")));
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, CatalogProbe.class.getName(), home.toString())
                    .redirectErrorStream(true).start();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(other.getInputStream().readAllBytes());
            assertThat(output).contains("projects: shared");
            assertThat(other.exitValue()).isZero();
            // and what the other process wrote is visible here
            assertThat(catalog.projects().find("from-other-process")).isPresent();
        }
        assertThat(Files.exists(home.resolve("catalog.mv.db"))).isTrue();
    }
}
