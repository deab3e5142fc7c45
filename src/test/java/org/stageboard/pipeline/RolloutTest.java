package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Hooks;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Rollout;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.RecordingProgress;

/**
 * Deploys over three hosts (three host records on the one test server, each with its own base
 * folder) with a light app: a process that stays up, checked by a {@code command:} health check
 * that fails on a host holding a {@code fail-here} marker. Real SSH, real processes, real catalog.
 */
class RolloutTest extends EngineTestBase {

    private static final String SECRET = "tok-5e4d3c2b1a";
    /** Run in {@code current} (physically {@code releases/vN-…}): {@code ../..} is the environment's folder on that host. */
    private static final String FAILS_WHERE_MARKED = "command:test ! -e ../../fail-here";

    private Project project;
    private Environment staging;
    private Build build;
    private Release v1;
    private List<Host> hosts;

    @BeforeEach
    void threeHostsRunningV1() {
        String sha = repo.write("app.txt", "a light app\n").commit("app");
        project = engine.addProject("demo", repo.dir(), null, new Recipe("true", List.of("app.txt")));
        staging = engine.addEnvironment(project, "staging", new RunSettings("sleep 300", "command:true", 20, 2, 5));
        engine.setConfig(staging, Map.of("API_TOKEN", new ConfigEntry("API_TOKEN", SECRET, true)), Set.of());
        hosts = new ArrayList<>();
        for (String name : List.of("h1", "h2", "h3")) {
            Host host = engine.addHost(name, server.address(), server.port(), server.user(), server.clientKey(),
                    server.baseDir().resolve(name).toString());
            host = engine.trustHostKey(host, server.hostKeyFingerprint());
            engine.attachHost(staging, host);
            hosts.add(host);
        }
        build = engine.build(project, sha, progress);
        assertThat(build.succeeded()).as(build.message()).isTrue();
        v1 = engine.release(build, staging);
        RolloutResult first = engine.deployAll(v1, progress);
        assertThat(first.allLive()).as(first.summary()).isTrue();
        assertThat(first.summary()).isEqualTo("3 live");
    }

    /** A release v2 whose health check fails on the hosts given a marker. */
    private Release v2FailingOn(String... failing) throws Exception {
        staging = engine.updateRunSettings(staging, new RunSettings("sleep 300", FAILS_WHERE_MARKED, 8, 2, 5));
        for (String name : failing) {
            Files.writeString(envDir(name).resolve("fail-here"), "");
        }
        return engine.release(build, staging);
    }

    private Path envDir(String host) {
        return server.baseDir().resolve(host).resolve("demo/staging");
    }

    private String current(String host) throws Exception {
        return Files.readSymbolicLink(envDir(host).resolve("current")).toString();
    }

    /** The app process of the host is alive and runs in the release folder {@code current} names. */
    private void assertServes(String host, Release release) throws Exception {
        assertThat(current(host)).startsWith("releases/v" + release.version() + "-");
        long pid = Long.parseLong(Files.readString(envDir(host).resolve(".stageboard/app.pid")).strip());
        assertThat(AppProcesses.alive(pid)).as(host + " app pid " + pid).isTrue();
        assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd")).toString()).endsWith(current(host));
    }

    private void rollout(Rollout.Mode mode, int parallelism, int batch, Rollout.OnFailure onFailure) {
        staging = engine.updateRollout(staging, new Rollout(mode, parallelism, batch, 0, onFailure));
    }

    @Test
    void rollBackPolicyPutsTheSwitchedHostsBackAndRecordsTheSkippedOnes() throws Exception {
        rollout(Rollout.Mode.ROLLING, 1, 1, Rollout.OnFailure.ROLL_BACK);
        Release v2 = v2FailingOn("h2");

        RolloutResult result = engine.deployAll(v2, progress);

        assertThat(result.allLive()).isFalse();
        assertThat(result.hosts()).extracting(h -> h.host().name()).containsExactly("h1", "h2", "h3");
        assertThat(result.host("h1").state()).isEqualTo(HostOutcome.State.REVERTED);
        assertThat(result.host("h1").run().kind()).isEqualTo(RunKind.DEPLOY);
        assertThat(result.host("h1").rollback().kind()).isEqualTo(RunKind.ROLLBACK);
        assertThat(result.host("h1").rollback().status()).isEqualTo(RunStatus.LIVE);
        assertThat(engine.releaseOf(result.host("h1").rollback()).version()).isEqualTo(1);
        assertThat(result.host("h2").state()).isEqualTo(HostOutcome.State.ROLLED_BACK);
        HostOutcome skipped = result.host("h3");
        assertThat(skipped.state()).isEqualTo(HostOutcome.State.SKIPPED);
        assertThat(skipped.run().status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(skipped.run().message()).contains("h2 rolled back").contains("stopped the rollout");
        assertThat(result.summary()).isEqualTo("1 went live then was rolled back as the rollout failed, 1 failed and was rolled back, 1 skipped; no host serves staging v2");

        for (String host : List.of("h1", "h2", "h3")) {
            assertServes(host, v1);
        }
        // The catalog agrees: each host's live run is of v1 again.
        for (Host host : hosts) {
            Run live = engine.catalog().runs().live(staging.id(), host.id()).orElseThrow();
            assertThat(engine.releaseOf(live).version()).as(host.name()).isEqualTo(1);
        }
        assertThat(engine.history(project, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("rollout");
            assertThat(e.detail()).isEqualTo(result.summary());
        });
    }

    @Test
    void stayPolicyLeavesTheSwitchedHostsLive() throws Exception {
        rollout(Rollout.Mode.ROLLING, 1, 1, Rollout.OnFailure.STAY);
        Release v2 = v2FailingOn("h2");

        RolloutResult result = engine.deployAll(v2, progress);

        assertThat(result.host("h1").state()).isEqualTo(HostOutcome.State.LIVE);
        assertThat(result.host("h1").rollback()).isNull();
        assertThat(result.host("h2").state()).isEqualTo(HostOutcome.State.ROLLED_BACK);
        assertThat(result.host("h3").state()).isEqualTo(HostOutcome.State.SKIPPED);
        assertThat(result.summary()).isEqualTo("1 live, 1 failed and was rolled back, 1 skipped; the switched host stays on staging v2 (failure policy: stay); 1 of 3 hosts serves staging v2");
        assertServes("h1", v2);
        assertServes("h2", v1);
        assertServes("h3", v1);
    }

    @Test
    void rollingBatchesFollowTheHostOrderAndTheBatchSize() {
        engine.orderHosts(staging, List.of(hosts.get(2), hosts.get(0))); // h3, h1, then h2
        rollout(Rollout.Mode.ROLLING, 1, 2, Rollout.OnFailure.ROLL_BACK);
        Release v2 = engine.release(build, staging);
        Events events = new Events();

        RolloutResult result = engine.deployAll(v2, events);

        assertThat(result.allLive()).as(result.summary()).isTrue();
        assertThat(result.hosts()).extracting(h -> h.host().name()).containsExactly("h3", "h1", "h2");
        // Batch 1 (h3, h1) both finished before batch 2 (h2) started.
        int h2Started = events.sequence.indexOf("start h2");
        assertThat(h2Started).isGreaterThan(events.sequence.indexOf("end h3")).isGreaterThan(events.sequence.indexOf("end h1"));
        assertThat(events.sequence.indexOf("start h3")).isLessThan(events.sequence.indexOf("start h1"));
        assertThat(events.most.get()).isBetween(1, 2);
        assertThat(events.steps).anySatisfy(s -> assertThat(s).isEqualTo("batch 2 of 2: h2"));
        assertThat(events.steps).anySatisfy(s -> assertThat(s).startsWith("[h1] switch current to v2-"));
    }

    @Test
    void parallelRunsAtMostParallelismHostsAtOnce() {
        rollout(Rollout.Mode.PARALLEL, 2, 1, Rollout.OnFailure.ROLL_BACK);
        Release v2 = engine.release(build, staging);
        Events events = new Events();

        RolloutResult result = engine.deployAll(v2, events);

        assertThat(result.allLive()).as(result.summary()).isTrue();
        assertThat(events.most.get()).isBetween(1, 2);
        assertThat(events.sequence).filteredOn(s -> s.startsWith("start")).containsExactly("start h1", "start h2", "start h3");
    }

    @Test
    void retryFailedDeploysOnlyTheFailedHostAndDoesNotRunTheReleaseCommandAgain() throws Exception {
        rollout(Rollout.Mode.PARALLEL, 3, 1, Rollout.OnFailure.STAY);
        // 20 s of health timeout: three hosts start at once, with two test JVMs on two cores (8 s was once too short for h1).
        staging = engine.updateRunSettings(staging, new RunSettings("sleep 300", FAILS_WHERE_MARKED, 20, 2, 5)
                .withHooks(new Hooks("echo migrated >> ../../migrations.log", null, null)));
        Files.writeString(envDir("h2").resolve("fail-here"), "");
        Release v2 = engine.release(build, staging);

        RolloutResult first = engine.deployAll(v2, progress);

        assertThat(first.releaseCommand().status()).isEqualTo(RunStatus.LIVE);
        assertThat(first.releaseCommand().kind()).isEqualTo(RunKind.RELEASE_COMMAND);
        assertThat(Files.readAllLines(envDir("h1").resolve("migrations.log"))).containsExactly("migrated");
        assertThat(first.hosts()).as(first.summary() + "\n" + first.hosts().stream().map(h -> h.host().name() + ": " + h.message()).toList())
                .extracting(HostOutcome::state)
                .containsExactly(HostOutcome.State.LIVE, HostOutcome.State.ROLLED_BACK, HostOutcome.State.LIVE);
        assertThat(engine.failedHosts(v2)).extracting(Host::name).containsExactly("h2");
        // The release command's LIVE run is not what the host runs.
        assertThat(engine.releaseOf(engine.catalog().runs().live(staging.id(), hosts.get(0).id()).orElseThrow()).version()).isEqualTo(2);
        assertThat(engine.catalog().runs().live(staging.id(), hosts.get(0).id()).orElseThrow().kind()).isEqualTo(RunKind.DEPLOY);

        Files.delete(envDir("h2").resolve("fail-here"));
        int runsBefore = engine.runs(project).size();
        RolloutResult retry = engine.retryFailed(v2, Duration.ZERO, progress);

        assertThat(retry.hosts()).extracting(h -> h.host().name()).containsExactly("h2");
        assertThat(retry.allLive()).as(retry.summary()).isTrue();
        assertThat(retry.releaseCommand()).isNull();
        assertThat(retry.releaseCommandNote()).contains("already succeeded").contains("not run again");
        assertThat(Files.readAllLines(envDir("h1").resolve("migrations.log"))).containsExactly("migrated");
        assertThat(engine.runs(project).size()).isEqualTo(runsBefore + 1);
        for (String host : List.of("h1", "h2", "h3")) {
            assertServes(host, v2);
        }
        RolloutResult nothing = engine.retryFailed(v2, Duration.ZERO, progress);
        assertThat(nothing.hosts()).isEmpty();
        assertThat(nothing.summary()).isEqualTo("nothing to retry: staging v2 is live on every host of staging");
    }

    @Test
    void theReleaseLineOfTheArtifactsProcfileRunsOnceBeforeAnySwitch() throws Exception {
        String sha = repo.write("Procfile", "web: sleep 300\nrelease: echo migrated >> ../../migrations.log\n").commit("Procfile with a release line");
        Project withProcfile = engine.addProject("procfile", repo.dir(), null, new Recipe("true", List.of("app.txt", "Procfile")));
        Environment production = engine.addEnvironment(withProcfile, "production", new RunSettings("sleep 300", "command:true", 20, 2, 5));
        hosts.forEach(host -> engine.attachHost(production, host));
        Release release = engine.release(engine.build(withProcfile, sha, progress), production);

        RolloutResult result = engine.deployAll(release, progress);
        assertThat(result.allLive()).as(result.summary()).isTrue();
        assertThat(result.releaseCommand()).isNotNull();
        assertThat(result.releaseCommand().kind()).isEqualTo(RunKind.RELEASE_COMMAND);
        assertThat(result.releaseCommand().status()).isEqualTo(RunStatus.LIVE);
        Path migrations = server.baseDir().resolve("h1/procfile/production/migrations.log");
        assertThat(Files.readAllLines(migrations)).containsExactly("migrated");
        assertThat(server.baseDir().resolve("h2/procfile/production/migrations.log")).doesNotExist();

        assertThat(engine.deployAll(release, progress).allLive()).isTrue();
        assertThat(Files.readAllLines(migrations)).as("once per release").containsExactly("migrated");
    }

    @Test
    void aFailingReleaseCommandLeavesEveryHostUntouchedWithItsOutputOnTheRun() throws Exception {
        staging = engine.updateRunSettings(staging, staging.run()
                .withHooks(new Hooks("echo migrating with $API_TOKEN; echo 'table users exists' >&2; exit 3", null, null)));
        Release v2 = engine.release(build, staging);
        Map<String, String> before = Map.of("h1", current("h1"), "h2", current("h2"), "h3", current("h3"));

        RolloutResult result = engine.deployAll(v2, progress);

        Run command = result.releaseCommand();
        assertThat(command.kind()).isEqualTo(RunKind.RELEASE_COMMAND);
        assertThat(command.status()).isEqualTo(RunStatus.FAILED);
        assertThat(engine.hostOf(command).name()).isEqualTo("h1");
        assertThat(command.message()).contains("exit 3").contains("migrating with ********").contains("table users exists")
                .doesNotContain(SECRET);
        assertThat(Files.readString(command.log())).contains("table users exists").doesNotContain(SECRET);
        assertThat(result.hosts()).allSatisfy(h -> {
            assertThat(h.state()).isEqualTo(HostOutcome.State.SKIPPED);
            assertThat(h.run().status()).isEqualTo(RunStatus.SKIPPED);
            assertThat(h.message()).contains("the release command failed");
        });
        assertThat(result.summary()).isEqualTo("3 skipped; the release command failed, nothing was switched");
        for (String host : List.of("h1", "h2", "h3")) {
            assertThat(current(host)).isEqualTo(before.get(host));
            assertServes(host, v1);
        }
        assertThat(engine.lock(staging, hosts.get(0))).isEmpty();
    }

    @Test
    void cancelledBeforeAnyHostStartsSkipsThemAll() throws Exception {
        Release v2 = engine.release(build, staging);
        RecordingProgress cancelled = new RecordingProgress();
        cancelled.cancelled = true;

        RolloutResult result = engine.deployAll(v2, cancelled);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.hosts()).allSatisfy(h -> assertThat(h.state()).isEqualTo(HostOutcome.State.SKIPPED));
        assertThat(result.host("h1").message()).contains("cancelled");
        for (String host : List.of("h1", "h2", "h3")) {
            assertServes(host, v1);
        }
    }

    @Test
    void cancelWhileAHostRunsCancelsItAndStartsNoOther() throws Exception {
        rollout(Rollout.Mode.ROLLING, 1, 1, Rollout.OnFailure.ROLL_BACK);
        Release v2 = engine.release(build, staging);
        Events cancelling = new Events() {
            @Override
            public void step(String title) {
                super.step(title);
                if (title.startsWith("[h1] health check")) {
                    cancelled = true; // the user presses Cancel while h1 waits for health
                }
            }
        };

        RolloutResult result = engine.deployAll(v2, cancelling);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.host("h1").state()).isEqualTo(HostOutcome.State.CANCELLED);
        assertThat(result.host("h2").state()).isEqualTo(HostOutcome.State.SKIPPED);
        assertThat(result.host("h3").state()).isEqualTo(HostOutcome.State.SKIPPED);
        assertThat(result.host("h2").message()).contains("cancelled");
        assertThat(cancelling.sequence).containsExactly("start h1", "end h1", "end h2", "end h3");
        assertThat(result.summary()).isEqualTo("1 cancelled, 2 skipped; the rollout was cancelled");
        for (String host : List.of("h1", "h2", "h3")) {
            assertServes(host, v1);
        }
    }

    /** Counts the hosts running at once, and the order hosts start and end in. */
    private static class Events extends RecordingProgress implements RolloutProgress {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final List<String> sequence = new CopyOnWriteArrayList<>();

        @Override
        public void started(Host host, RunKind kind) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            sequence.add("start " + host.name());
        }

        @Override
        public void finished(HostOutcome outcome) {
            now.decrementAndGet();
            sequence.add("end " + outcome.host().name());
        }
    }
}
