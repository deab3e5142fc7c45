package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.KeyChanges;

/**
 * Catalog version 5 on real H2 files: the password that guards the catalog (and the server that
 * shares it between the window and the CLI), environments in promotion order, recorded config changes.
 */
class CatalogV5Test {

    @TempDir
    Path home;

    private String url() {
        return "jdbc:h2:file:" + home.toAbsolutePath().resolve("catalog") + ";AUTO_SERVER=TRUE";
    }

    @Test
    void aConnectionWithoutTheCatalogsPasswordIsRefused() throws Exception {
        try (Catalog catalog = Catalog.open(home)) {
            Path passwordFile = home.resolve(Catalog.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);

            // while the catalog is open (its automatic server running) and after it is closed
            assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
            assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "guess").close()).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(url(), "sa", password)) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(catalog.schemaVersion()).isEqualTo("5");

            // the automatic server itself, as another process reaches it (address and key from the lock file)
            java.util.Properties lock = new java.util.Properties();
            try (var in = Files.newInputStream(home.resolve("catalog.lock.db"))) {
                lock.load(in);
            }
            String server = "jdbc:h2:tcp://" + lock.getProperty("server") + "/" + lock.getProperty("id");
            assertThatThrownBy(() -> DriverManager.getConnection(server, "sa", "").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
            try (Connection c = DriverManager.getConnection(server, "sa", password); Statement s = c.createStatement()) {
                assertThat(s.executeQuery("SELECT COUNT(*) FROM projects").next()).isTrue();
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        try (Catalog again = Catalog.open(home)) {
            assertThat(again.projects().all()).isEmpty();
        }
    }

    @Test
    void aCatalogMadeWithAnEmptyPasswordGetsOneOnOpenAndKeepsItsData() throws Exception {
        String plain = "jdbc:h2:file:" + home.toAbsolutePath().resolve("catalog");
        Flyway.configure().dataSource(plain, "sa", "").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(plain, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO projects(name, repository, branch, build_command, artifact_globs, created_at)"
                    + " VALUES ('shop', '/tmp/shop', 'main', 'make', 'dist/**', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO environments(project_id, name, start_command, health_url, health_timeout_s, stop_grace_s, keep_releases, created_at)"
                    + " VALUES (1, 'production', 'run', 'http://127.0.0.1:1/', 30, 5, 5, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO environments(project_id, name, start_command, health_url, health_timeout_s, stop_grace_s, keep_releases, created_at)"
                    + " VALUES (1, 'staging', 'run', 'http://127.0.0.1:1/', 30, 5, 5, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO config_versions(environment_id, version, created_at, actor) VALUES (2, 1, CURRENT_TIMESTAMP, 'ada')");
        }
        try (Catalog catalog = Catalog.open(home)) {
            long projectId = catalog.projects().require("shop").id();
            assertThat(catalog.environments().forProject(projectId).stream().map(Environment::name)).containsExactly("production", "staging");
            Environment staging = catalog.environments().require(projectId, "staging");
            catalog.environments().orderEnvironments(projectId, List.of(staging.id()));
            assertThat(catalog.environments().forProject(projectId).stream().map(Environment::name)).containsExactly("staging", "production");
            assertThat(catalog.configs().recordedChanges(staging.id())).singleElement()
                    .satisfies(e -> assertThat(e.getValue()).as("made before version 5: not recorded").isEmpty());
            catalog.configs().add(staging.id(), Map.of("PORT", new ConfigEntry("PORT", "1", false)), "ada",
                    new KeyChanges(List.of("PORT"), List.of(), List.of()));
            assertThat(catalog.configs().recordedChanges(staging.id()).get(1).getValue()).hasValueSatisfying(k -> {
                assertThat(k.added()).containsExactly("PORT");
                assertThat(k.removed()).isEmpty();
            });
        }
        assertThatThrownBy(() -> DriverManager.getConnection(plain, "sa", "").close()).isInstanceOf(SQLException.class);
    }
}
