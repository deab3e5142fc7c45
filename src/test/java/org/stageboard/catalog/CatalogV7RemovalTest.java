package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;

/** Removing a project, an environment or a host takes version 7's rows about them along (found when a project with builds could not be removed). */
class CatalogV7RemovalTest {

    @TempDir
    Path home;

    @Test
    void removalsTakeTheRememberedCommitsAndImportedLedgerLinesAlong() {
        try (Catalog catalog = Catalog.open(home)) {
            Project project = catalog.projects().add("shop", home.resolve("repo"), "main", new Recipe("make", List.of("out")));
            catalog.history().rememberCommit(project.id(), new CommitInfo("a".repeat(40), "ada", "ada@example.org", Instant.parse("2026-11-01T10:00:00Z"), "first"));
            Environment env = catalog.environments().add(project.id(), "staging", RunSettings.of("./serve", "http://127.0.0.1:8080/health"));
            Host host = catalog.hosts().add("vps1", "127.0.0.1", 22, "deploy", home.resolve("key"), "/srv/sb");
            catalog.environments().attachHost(env.id(), host.id());
            LedgerEntry line = new LedgerEntry(Instant.parse("2026-11-02T10:00:00Z"), "grace", "pid 7 on ci", "other-catalog", "deploy",
                    "v1-0123456789", "staging v1", "b".repeat(64), null, "live", "live and healthy");
            assertThat(catalog.history().importLedgerLine(env.id(), host.id(), "c".repeat(64), line)).isTrue();
            assertThat(catalog.history().importedCount(project.id())).isEqualTo(1);

            catalog.environments().detachHost(env.id(), host.id());
            catalog.hosts().remove(host.id());
            assertThat(catalog.history().importedCount(project.id())).isZero();
            catalog.environments().remove(env.id());
            catalog.projects().remove(project.id());

            assertThat(catalog.projects().all()).isEmpty();
            assertThat(catalog.jdbc().queryOne("SELECT COUNT(*) FROM commits", rs -> rs.getLong(1)).orElseThrow()).isZero();
        }
    }
}
