package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Actor;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.HostReading;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;

/** Catalog version 2 on real H2 files: upgrade from version 1, identity, owners and crash recovery, host readings. */
class CatalogV2Test {

    @TempDir
    Path home;

    private static final String COMMIT = "1".repeat(40);
    private static final String RECIPE = "3".repeat(64);

    @Test
    void upgradesAVersion1CatalogFileAndKeepsItsData() throws Exception {
        String url = "jdbc:h2:file:" + home.toAbsolutePath().resolve("catalog");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        String sha = "a".repeat(64);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO projects(name, repository, branch, build_command, artifact_globs, created_at)"
                    + " VALUES ('shop', '/tmp/shop', 'main', 'make', 'dist/**', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO artifacts VALUES ('" + sha + "', 1, '" + COMMIT + "', 10, '/tmp/a.tar.gz', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO builds(project_id, number, commit_sha, recipe_hash, status, started_at, finished_at, artifact_sha256, actor)"
                    + " VALUES (1, 1, '" + COMMIT + "', '" + RECIPE + "', 'SUCCEEDED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '" + sha + "', 'ada')");
            s.execute("INSERT INTO builds(project_id, number, commit_sha, recipe_hash, status, started_at, actor)"
                    + " VALUES (1, 2, '" + COMMIT + "', '" + RECIPE + "', 'RUNNING', CURRENT_TIMESTAMP, 'ada')");
            s.execute("INSERT INTO environments(project_id, name, start_command, health_url, health_timeout_s, stop_grace_s, keep_releases, created_at)"
                    + " VALUES (1, 'staging', 'run', 'http://127.0.0.1:1/', 30, 5, 5, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO config_versions(environment_id, version, created_at, actor) VALUES (1, 1, CURRENT_TIMESTAMP, 'ada')");
            s.execute("INSERT INTO hosts(name, address, port, user_name, private_key, base_dir, created_at)"
                    + " VALUES ('vps1', '127.0.0.1', 22, 'deploy', '/tmp/key', '/srv', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO releases(environment_id, version, build_id, artifact_sha256, config_version_id, start_command, health_url,"
                    + " health_timeout_s, stop_grace_s, keep_releases, created_at, actor)"
                    + " VALUES (1, 1, 1, '" + sha + "', 1, 'run', 'http://127.0.0.1:1/', 30, 5, 5, CURRENT_TIMESTAMP, 'ada')");
            s.execute("INSERT INTO runs(release_id, host_id, kind, status, started_at, finished_at, actor)"
                    + " VALUES (1, 1, 'DEPLOY', 'LIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'ada')");
            s.execute("INSERT INTO runs(release_id, host_id, kind, status, started_at, actor)"
                    + " VALUES (1, 1, 'DEPLOY', 'RUNNING', CURRENT_TIMESTAMP, 'ada')");
        }

        try (Catalog catalog = Catalog.open(home)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latest());
            Project shop = catalog.projects().require("shop");
            assertThat(catalog.builds().forProject(shop.id())).extracting(Build::status)
                    .containsExactly(BuildStatus.RUNNING, BuildStatus.SUCCEEDED);
            assertThat(catalog.builds().owner(2)).isEmpty();
            assertThat(catalog.runs().get(1).status()).isEqualTo(RunStatus.LIVE);
            assertThat(catalog.runs().owner(2)).isEmpty();
            assertThat(UUID.fromString(catalog.identity())).isNotNull();

            // Work recorded before owners were kept cannot belong to a live process: it is interrupted.
            assertThat(catalog.recoverInterrupted()).isEqualTo(new Recovered(1, 1));
            Build build = catalog.builds().get(2);
            assertThat(build.status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(build.finishedAt()).isNotNull();
            assertThat(build.message()).startsWith("Interrupted: the process running it (not recorded").contains("is gone");
            Run run = catalog.runs().get(2);
            assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(run.message()).contains("What the host really has is shown by reading it (status).");
            // the live run stays live, and the next build gets the next number
            assertThat(catalog.runs().live(1, 1)).map(Run::id).contains(1L);
            assertThat(catalog.builds().start(shop.id(), COMMIT, null, RECIPE, "ada").number()).isEqualTo(3);
        }
    }

    @Test
    void theIdentityIsStableAcrossReopenAndDiffersBetweenCatalogs() {
        String first;
        try (Catalog catalog = Catalog.open(home.resolve("one"))) {
            first = catalog.identity();
            assertThat(UUID.fromString(first).toString()).isEqualTo(first);
        }
        try (Catalog catalog = Catalog.open(home.resolve("one"))) {
            assertThat(catalog.identity()).isEqualTo(first);
        }
        try (Catalog other = Catalog.open(home.resolve("two"))) {
            assertThat(other.identity()).isNotEqualTo(first);
        }
    }

    @Test
    void workIsOwnedByTheProcessThatStartedIt() {
        try (Catalog catalog = Catalog.open(home)) {
            Fixture f = new Fixture(catalog);
            Build build = catalog.builds().start(f.project.id(), COMMIT, null, RECIPE, "ada");
            Run run = catalog.runs().start(f.release.id(), f.host.id(), RunKind.DEPLOY, null, "ada");
            String me = ProcessIdentity.current().format();
            assertThat(catalog.builds().owner(build.id())).contains(me);
            assertThat(catalog.runs().owner(run.id())).contains(me);
            assertThat(ProcessIdentity.parse(me)).map(ProcessIdentity::pid).contains(ProcessHandle.current().pid());
        }
    }

    @Test
    void recoveryInterruptsWorkOfAGoneProcessAndLeavesWorkOfLiveOnesRunning() throws Exception {
        ProcessIdentity gone = goneProcess();
        ProcessIdentity elsewhere = new ProcessIdentity("bob", "another-machine-" + UUID.randomUUID(), 1, Instant.now());
        try (Catalog catalog = Catalog.open(home)) {
            Fixture f = new Fixture(catalog);
            Run live = catalog.runs().finish(catalog.runs().start(f.release.id(), f.host.id(), RunKind.DEPLOY, null, "ada").id(),
                    RunStatus.LIVE, "ok");

            Build deadBuild = catalog.builds().start(f.project.id(), COMMIT, null, RECIPE, "ada", gone);
            Build myBuild = catalog.builds().start(f.project.id(), COMMIT, null, RECIPE, "ada");
            Build remoteBuild = catalog.builds().start(f.project.id(), COMMIT, null, RECIPE, "bob", elsewhere);
            Build garbled = catalog.builds().start(f.project.id(), COMMIT, null, RECIPE, "ada");
            catalog.jdbc().update("UPDATE builds SET owner = 'not an identity' WHERE id = ?", garbled.id());
            Run deadRun = catalog.runs().start(f.release.id(), f.host.id(), RunKind.DEPLOY, null, "ada", gone);
            Run myRun = catalog.runs().start(f.release.id(), f.host.id(), RunKind.DEPLOY, null, "ada", ProcessIdentity.current());
            Run remoteRun = catalog.runs().start(f.release.id(), f.host.id(), RunKind.DEPLOY, null, "bob", elsewhere);

            Instant before = Instant.now().minusSeconds(1);
            Recovered recovered = catalog.recoverInterrupted();
            assertThat(recovered).isEqualTo(new Recovered(2, 1));
            assertThat(recovered.describe()).isEqualTo("2 builds and 1 run interrupted by a process that is gone");
            assertThat(catalog.lastRecovered()).isEqualTo(recovered);

            Build interrupted = catalog.builds().get(deadBuild.id());
            assertThat(interrupted.status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(interrupted.finishedAt()).isAfter(before);
            assertThat(interrupted.message()).isEqualTo("Interrupted: the process running it (" + gone.user() + "@" + gone.machine()
                    + " pid " + gone.pid() + ") is gone (crash, kill or closed window). No artifact was recorded: build the commit again.");
            assertThat(catalog.builds().get(garbled.id()).status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(catalog.builds().get(myBuild.id()).status()).isEqualTo(BuildStatus.RUNNING);
            assertThat(catalog.builds().get(remoteBuild.id()).status()).isEqualTo(BuildStatus.RUNNING);

            Run interruptedRun = catalog.runs().get(deadRun.id());
            assertThat(interruptedRun.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(interruptedRun.finishedAt()).isAfter(before);
            assertThat(interruptedRun.message()).isEqualTo("Interrupted: the process running it (" + gone.user() + "@" + gone.machine()
                    + " pid " + gone.pid() + ") is gone (crash, kill or closed window). What the host really has is shown by reading it (status).");
            assertThat(catalog.runs().get(myRun.id()).status()).isEqualTo(RunStatus.RUNNING);
            assertThat(catalog.runs().get(remoteRun.id()).status()).isEqualTo(RunStatus.RUNNING);

            // An interrupted run is not live: the run that was live stays so until a new one goes live.
            assertThat(catalog.runs().live(f.environment.id(), f.host.id())).map(Run::id).contains(live.id());
            assertThat(catalog.recoverInterrupted()).isEqualTo(Recovered.NONE);
            catalog.runs().finish(myRun.id(), RunStatus.LIVE, "ok");
            assertThat(catalog.runs().get(live.id()).status()).isEqualTo(RunStatus.SUPERSEDED);
            assertThat(catalog.runs().get(deadRun.id()).status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(catalog.runs().live(f.environment.id(), f.host.id())).map(Run::id).contains(myRun.id());
        }
    }

    @Test
    void aReopenedCatalogStillKnowsWhoOwnsWhat() throws Exception {
        ProcessIdentity gone = goneProcess();
        long dead;
        long mine;
        try (Catalog catalog = Catalog.open(home)) {
            Fixture f = new Fixture(catalog);
            dead = catalog.builds().start(f.project.id(), COMMIT, null, RECIPE, "ada", gone).id();
            mine = catalog.builds().start(f.project.id(), COMMIT, null, RECIPE, "ada").id();
        }
        try (Catalog catalog = Catalog.open(home)) {
            assertThat(catalog.lastRecovered()).isEqualTo(Recovered.NONE);
            assertThat(catalog.recoverInterrupted()).isEqualTo(new Recovered(1, 0));
            assertThat(catalog.builds().get(dead).status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(catalog.builds().get(mine).status()).isEqualTo(BuildStatus.RUNNING);
        }
    }

    @Test
    void hostReadingsAreUpsertedPerEnvironmentAndHost() {
        try (Catalog catalog = Catalog.open(home)) {
            Fixture f = new Fixture(catalog);
            Environment production = catalog.environments().add(f.project.id(), "production", RunSettings.of("run", "http://127.0.0.1:1/"));
            Host vps2 = catalog.hosts().add("vps2", "127.0.0.2", 22, "deploy", home.resolve("key"), "/srv");
            Project other = catalog.projects().add("other", home, "main", new Recipe("true", List.of("**")));
            Environment otherEnv = catalog.environments().add(other.id(), "staging", RunSettings.of("run", "http://127.0.0.1:1/"));
            HostReadingRepository readings = catalog.hostReadings();
            assertThat(readings.find(f.environment.id(), f.host.id())).isEmpty();

            Instant t1 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String big = "{\"current\":\"releases/7-abc\",\"pad\":\"" + "x".repeat(20_000) + "\"}";
            readings.save(f.environment.id(), f.host.id(), t1, big, null);
            HostReading first = readings.find(f.environment.id(), f.host.id()).orElseThrow();
            assertThat(first).isEqualTo(new HostReading(f.environment.id(), f.host.id(), t1, big, null));
            assertThat(first.ok()).isTrue();

            Instant t2 = t1.plusSeconds(60);
            readings.save(f.environment.id(), f.host.id(), t2, null, "connection refused");
            HostReading second = readings.find(f.environment.id(), f.host.id()).orElseThrow();
            assertThat(second).as("a failed read keeps the state of the last read that worked beside its error")
                    .isEqualTo(new HostReading(f.environment.id(), f.host.id(), t2, big, "connection refused"));
            assertThat(second.ok()).isFalse();
            Instant t3 = t2.plusSeconds(60);
            readings.save(f.environment.id(), f.host.id(), t3, "{}", null);
            assertThat(readings.find(f.environment.id(), f.host.id()).orElseThrow())
                    .isEqualTo(new HostReading(f.environment.id(), f.host.id(), t3, "{}", null));
            readings.save(production.id(), vps2.id(), t1, null, "never reached");
            assertThat(readings.find(production.id(), vps2.id()).orElseThrow())
                    .isEqualTo(new HostReading(production.id(), vps2.id(), t1, null, "never reached"));

            readings.save(production.id(), f.host.id(), t1, "{}", null);
            readings.save(production.id(), vps2.id(), t1, null, "e".repeat(5000));
            readings.save(otherEnv.id(), f.host.id(), t1, "{}", null);
            List<HostReading> all = readings.forProject(f.project.id());
            assertThat(all).extracting(HostReading::environmentId, HostReading::hostId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(f.environment.id(), f.host.id()),
                    org.assertj.core.groups.Tuple.tuple(production.id(), f.host.id()),
                    org.assertj.core.groups.Tuple.tuple(production.id(), vps2.id()));
            assertThat(all.get(2).error()).hasSize(4000).endsWith("…");
            assertThat(readings.forProject(other.id())).singleElement().extracting(HostReading::environmentId).isEqualTo(otherEnv.id());
        }
    }

    /** A real process of this machine that has exited: its pid and start time name a process that is gone. */
    static ProcessIdentity goneProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        Instant started = process.toHandle().info().startInstant().orElse(Instant.now());
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // the exit is reaped once waitFor returns; wait until the pid is no longer seen alive
        for (int i = 0; i < 100 && ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(20);
        }
        ProcessIdentity identity = new ProcessIdentity(Actor.current(), ProcessIdentity.machineName(), process.pid(), started);
        assertThat(identity.isGoneHere()).isTrue();
        return identity;
    }

    /** A project with a successful build, an environment, a release and a host to run it on. */
    private final class Fixture {
        final Project project;
        final Environment environment;
        final Release release;
        final Host host;

        Fixture(Catalog catalog) {
            project = catalog.projects().add("p", home, "main", new Recipe("true", List.of("**")));
            String sha = "e".repeat(64);
            catalog.artifacts().record(new Artifact(sha, project.id(), COMMIT, 1, home.resolve("a"), Instant.now()));
            Build build = catalog.builds().succeed(catalog.builds().start(project.id(), COMMIT, null, RECIPE, "ada").id(), 0, sha, "");
            environment = catalog.environments().add(project.id(), "staging", RunSettings.of("run", "http://127.0.0.1:1/"));
            ConfigVersion config = catalog.configs().add(environment.id(), Map.of(), "ada");
            release = catalog.releases().add(environment, build, config, "ada");
            host = catalog.hosts().add("vps1", "127.0.0.1", 22, "deploy", home.resolve("key"), "/srv");
        }
    }
}
