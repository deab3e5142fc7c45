package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.ArtifactState;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;

/** Catalog version 4 on a real H2 file: recipes with steps, cached builds, the queue, artifact states; a version 3 file upgrades. */
class CatalogV4Test {

    @TempDir
    Path home;

    @Test
    void upgradesAVersion3CatalogItsPlainRecipesAndBuildsUnchanged() throws Exception {
        String url = "jdbc:h2:file:" + home.toAbsolutePath().resolve("catalog");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("3").load().migrate();
        String sha = "a".repeat(64);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO projects(name, repository, branch, build_command, artifact_globs, created_at)"
                    + " VALUES ('shop', '/tmp/shop', 'main', 'make', 'dist/**', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO artifacts(sha256, project_id, commit_sha, size_bytes, path, created_at)"
                    + " VALUES ('" + sha + "', 1, '" + "1".repeat(40) + "', 10, '/tmp/a.tar.gz', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO builds(project_id, number, commit_sha, tree_id, recipe_hash, status, started_at, finished_at, artifact_sha256, actor)"
                    + " VALUES (1, 1, '" + "1".repeat(40) + "', '" + "2".repeat(40) + "', '" + new Recipe("make", List.of("dist/**")).hash()
                    + "', 'SUCCEEDED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '" + sha + "', 'ada')");
        }
        try (Catalog catalog = Catalog.open(home)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latest());
            Project shop = catalog.projects().require("shop");
            assertThat(shop.recipe()).isEqualTo(new Recipe("make", List.of("dist/**")));
            Build old = catalog.builds().findByNumber(shop.id(), 1).orElseThrow();
            assertThat(old.cached()).isFalse();
            assertThat(old.recipeSource()).isNull();
            assertThat(catalog.artifacts().stored(sha).orElseThrow().state()).isEqualTo(ArtifactState.OK);
            // the same tree and the same plain recipe still hit the build made before version 4
            assertThat(catalog.builds().findCached(shop.id(), "2".repeat(40), shop.recipe().hash())).contains(old);
        }
    }

    @Test
    void aRecipeWithStepsEnvAndCachesIsKeptWholeAndTheQueueRunsInTurn() {
        try (Catalog catalog = Catalog.open(home)) {
            Recipe recipe = new Recipe(List.of(new RecipeStep("test", "make test"), new RecipeStep("package", "make dist")),
                    List.of("dist/**"), Map.of("CI", "true"), List.of(".npm"));
            Project p = catalog.projects().add("p", home, "main", recipe);
            assertThat(catalog.projects().get(p.id()).recipe()).isEqualTo(recipe);
            Recipe plain = new Recipe("make", List.of("**"));
            assertThat(catalog.projects().updateRecipe(p.id(), "main", plain).recipe()).isEqualTo(plain);

            Build first = catalog.builds().queue(p.id(), "1".repeat(40), "2".repeat(40), "3".repeat(64), "ada", "catalog");
            Build second = catalog.builds().queue(p.id(), "1".repeat(40), "2".repeat(40), "3".repeat(64), "ada", "catalog");
            assertThat(catalog.builds().tryRun(second.id())).as("not before the one queued first").isFalse();
            assertThat(catalog.builds().tryRun(first.id())).isTrue();
            assertThat(catalog.builds().tryRun(second.id())).as("not while one runs").isFalse();
            assertThat(catalog.builds().ahead(second)).extracting(Build::number).containsExactly(1);
            catalog.builds().fail(first.id(), 1, "failed");
            assertThat(catalog.builds().tryRun(second.id())).isTrue();
            assertThat(catalog.builds().get(second.id()).status()).isEqualTo(BuildStatus.RUNNING);
        }
    }
}
