package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Hooks;
import org.stageboard.core.Host;
import org.stageboard.core.Processes;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Rollout;
import org.stageboard.core.RunSettings;
import org.stageboard.core.Supervision;

/** Catalog version 3 on a real H2 file: operating settings on environments and releases, rollout, host order. */
class CatalogV3Test {

    @TempDir
    Path home;

    @Test
    void aReleaseSnapshotsTheOperatingSettingsAndLaterChangesDoNotReachIt() {
        try (Catalog catalog = Catalog.open(home)) {
            Project project = catalog.projects().add("p", home, "main", new Recipe("true", List.of("**")));
            Environment env = catalog.environments().add(project.id(), "production", RunSettings.of("./serve", "http://127.0.0.1:8080/"));
            assertThat(env.run().processes()).isEqualTo(Processes.EMPTY);
            assertThat(env.rollout()).isEqualTo(Rollout.DEFAULT);

            RunSettings operated = env.run().withProcesses(new Processes("web: ./serve\nworker: ./work", Map.of("web", 2)))
                    .withSupervision(Supervision.PROCESS_CRON).withShared(List.of("storage/", "db.sqlite"))
                    .withHooks(new Hooks("./migrate", null, "./notify"));
            env = catalog.environments().updateRunSettings(env.id(), operated);
            Rollout rolling = new Rollout(Rollout.Mode.ROLLING, 2, 2, 3, Rollout.OnFailure.STAY);
            env = catalog.environments().updateRollout(env.id(), rolling);
            assertThat(catalog.environments().get(env.id()).run()).isEqualTo(operated);
            assertThat(catalog.environments().get(env.id()).rollout()).isEqualTo(rolling);

            String sha = "e".repeat(64);
            catalog.artifacts().record(new Artifact(sha, project.id(), "1".repeat(40), 1, home.resolve("a"), Instant.now()));
            Build build = catalog.builds().succeed(catalog.builds().start(project.id(), "1".repeat(40), null, "3".repeat(64), "ada").id(), 0, sha, "");
            ConfigVersion config = catalog.configs().add(env.id(), Map.of(), "ada");
            Release release = catalog.releases().add(env, build, config, "ada");
            catalog.environments().updateRunSettings(env.id(), RunSettings.of("./other", "http://127.0.0.1:9/"));
            assertThat(catalog.releases().get(release.id()).run()).isEqualTo(operated);
        }
    }

    @Test
    void hostsGoInTheOrderAttachedUntilTheUserSetsAnother() {
        try (Catalog catalog = Catalog.open(home)) {
            Project project = catalog.projects().add("p", home, "main", new Recipe("true", List.of("**")));
            Environment env = catalog.environments().add(project.id(), "production", RunSettings.of("./serve", "http://127.0.0.1:8080/"));
            Host c = catalog.hosts().add("c", "127.0.0.1", 22, "d", home.resolve("k"), "/srv");
            Host a = catalog.hosts().add("a", "127.0.0.1", 22, "d", home.resolve("k"), "/srv");
            Host b = catalog.hosts().add("b", "127.0.0.1", 22, "d", home.resolve("k"), "/srv");
            catalog.environments().attachHost(env.id(), c.id());
            catalog.environments().attachHost(env.id(), a.id());
            catalog.environments().attachHost(env.id(), b.id());
            catalog.environments().attachHost(env.id(), a.id());
            assertThat(catalog.environments().hosts(env.id())).extracting(Host::name).containsExactly("c", "a", "b");
            catalog.environments().orderHosts(env.id(), List.of(b.id()));
            assertThat(catalog.environments().hosts(env.id())).extracting(Host::name).containsExactly("b", "c", "a");
            assertThat(catalog.environments().hostIdsByEnvironment(project.id()).get(env.id())).containsExactly(b.id(), c.id(), a.id());
        }
    }
}
