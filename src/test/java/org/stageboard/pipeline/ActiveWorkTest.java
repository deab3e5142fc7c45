package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.GitFixture;

/**
 * The unfinished work of a real catalog: a real build of a recipe that waits for a gate file,
 * owned by this process (so not "elsewhere"), and a build and a run recorded as owned by a process
 * on another machine (what the CLI or another window records); how each ended once it has.
 */
class ActiveWorkTest {

    private static final ProcessIdentity BOB = new ProcessIdentity("bob", "bobs-laptop", 4242, Instant.parse("2026-11-26T10:00:00Z"));

    @TempDir
    Path tmp;

    private Stageboard engine;
    private GitFixture repo;
    private Project project;
    private Path gate;
    private String sha;

    @BeforeEach
    void setUp() {
        engine = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        repo = GitFixture.init(tmp.resolve("repo"));
        sha = repo.write("page.txt", "one\n").commit("First page");
        gate = tmp.resolve("gate");
        project = engine.addProject("slow", tmp.resolve("repo"), "main", new Recipe(
                "echo waiting for the gate; while [ ! -f '" + gate + "' ]; do sleep 0.1; done; cp page.txt out.txt", List.of("out.txt")));
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(gate, "open");
        repo.close();
        engine.close();
    }

    @Test
    void aBuildOfThisProcessIsActiveHereButNotElsewhereAndSaysHowItEnded() {
        ActiveWork work = ActiveWork.of(engine);
        CompletableFuture<Build> build = CompletableFuture.supplyAsync(() -> engine.build(project, "main", Progress.NONE));
        await().atMost(Duration.ofSeconds(60)).until(() -> work.all().stream().anyMatch(i -> i.step().contains("build")));

        ActiveWork.Item item = work.all().get(0);
        assertThat(item.kind()).isEqualTo(ActiveWork.Kind.BUILD);
        assertThat(item.title()).isEqualTo("Build #1 of slow (" + sha.substring(0, 7) + ")");
        assertThat(item.queued()).isFalse();
        assertThat(item.step()).isEqualTo("step 1 of 1 · build");
        assertThat(item.here()).as("this process owns it").isTrue();
        assertThat(item.log()).isNotNull();
        assertThat(work.elsewhere()).as("not started elsewhere").isEmpty();
        assertThat(work.active(ActiveWork.Kind.BUILD, item.id())).isTrue();
        assertThat(work.logs(ActiveWork.Kind.BUILD, item.id())).extracting(ActiveWork.LogFile::name)
                .containsExactly("whole build #1", "1 · build (running)");

        write(gate);
        assertThat(build.join().status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(work.all()).isEmpty();
        ActiveWork.Ended ended = work.ended(ActiveWork.Kind.BUILD, item.id()).orElseThrow();
        assertThat(ended.ok()).isTrue();
        assertThat(ended.cancelled()).isFalse();
        assertThat(ended.sentence()).startsWith("succeeded");
    }

    @Test
    void workOwnedByAnotherLiveProcessIsElsewhereWithWhoStartedItUntilItEnds() throws Exception {
        write(gate); // builds run through here
        Build built = engine.build(project, "main", Progress.NONE);
        Environment staging = engine.addEnvironment(project, "staging", new RunSettings("true", "http://127.0.0.1:1/health", 5, 5, 5));
        Release release = engine.release(built, staging);
        var catalog = EngineAccess.catalog(engine);
        Host vps1 = catalog.hosts().add("vps1", "127.0.0.1", 22, "deploy", tmp.resolve("key"), "/srv");
        Path runLog = tmp.resolve("run.log");
        Files.writeString(runLog, "10:00:01 == connect\n10:00:02 connected\n10:00:03 == health check\n10:00:04 waiting for /health\n");
        Run run = catalog.runs().start(release.id(), vps1.id(), RunKind.DEPLOY, runLog, "bob", BOB);
        Build queued = catalog.builds().start(project.id(), sha, built.treeId(), built.recipeHash(), "bob", BOB);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        ProcessIdentity gone = new ProcessIdentity("carol", ProcessIdentity.machineName(), ended.pid(), null);
        Build left = catalog.builds().start(project.id(), sha, built.treeId(), built.recipeHash(), "carol", gone);

        ActiveWork work = ActiveWork.of(engine);
        List<ActiveWork.Item> elsewhere = work.elsewhere();
        assertThat(elsewhere).extracting(ActiveWork.Item::title)
                .containsExactly("Build #2 of slow (" + sha.substring(0, 7) + ")", "Deploy slow/staging v1 on vps1");
        assertThat(elsewhere).extracting(ActiveWork.Item::startedBy).containsOnly("from bob@bobs-laptop, pid 4242");
        assertThat(elsewhere.get(0).step()).as("a running build with no step yet").isEqualTo("preparing");
        assertThat(elsewhere.get(1).step()).as("the run's last step from its log").isEqualTo("health check");
        assertThat(work.logs(ActiveWork.Kind.RUN, run.id())).extracting(ActiveWork.LogFile::file).containsExactly(runLog);
        assertThat(work.ended(ActiveWork.Kind.RUN, run.id())).isEmpty();
        assertThat(elsewhere).extracting(ActiveWork.Item::stoppable).as("work on another machine is not stopped from here").containsOnly(false);
        assertThatThrownBy(() -> work.stop(ActiveWork.Kind.RUN, run.id())).isInstanceOf(StageboardException.class)
                .hasMessageContaining("cannot stop work from bob@bobs-laptop, pid 4242").hasMessageContaining("cancel it where it was started");
        assertThat(work.all()).as("a build whose process is gone here is recorded interrupted once seen")
                .noneMatch(item -> item.id() == left.id() && item.kind() == ActiveWork.Kind.BUILD);
        assertThat(work.ended(ActiveWork.Kind.BUILD, left.id())).get().extracting(ActiveWork.Ended::status, ActiveWork.Ended::ok)
                .containsExactly(BuildStatus.INTERRUPTED.label(), false);
        assertThat(work.ended(ActiveWork.Kind.BUILD, left.id()).orElseThrow().message()).contains("pid " + ended.pid(), "is gone");

        catalog.runs().finish(run.id(), RunStatus.ROLLED_BACK, "health check failed: the previous release serves again");
        catalog.builds().cancel(queued.id(), "Cancelled by the user.");
        catalog.builds().interruptAbandoned(left.id());
        assertThat(work.elsewhere()).isEmpty();
        ActiveWork.Ended runEnded = work.ended(ActiveWork.Kind.RUN, run.id()).orElseThrow();
        assertThat(runEnded.ok()).isFalse();
        assertThat(runEnded.sentence()).isEqualTo("rolled back: health check failed: the previous release serves again");
        ActiveWork.Ended buildEnded = work.ended(ActiveWork.Kind.BUILD, queued.id()).orElseThrow();
        assertThat(buildEnded.cancelled()).isTrue();
        assertThat(buildEnded.status()).isEqualTo("cancelled");
        assertThatThrownBy(() -> work.stop(ActiveWork.Kind.BUILD, queued.id())).isInstanceOf(StageboardException.class)
                .hasMessageContaining("has ended already");
    }

    @Test
    void theBoardShowsARunWhoseProcessDiedAsInterruptedNotStillDeploying() throws Exception {
        write(gate);
        Build built = engine.build(project, "main", Progress.NONE);
        Environment staging = engine.addEnvironment(project, "staging", new RunSettings("true", "http://127.0.0.1:1/health", 5, 5, 5));
        Release release = engine.release(built, staging);
        var catalog = EngineAccess.catalog(engine);
        Host vps1 = catalog.hosts().add("vps1", "127.0.0.1", 22, "deploy", tmp.resolve("key"), "/srv");
        Host vps2 = catalog.hosts().add("vps2", "127.0.0.1", 22, "deploy", tmp.resolve("key"), "/srv2");
        engine.attachHost(staging, vps1);
        engine.attachHost(staging, vps2);
        Run live = catalog.runs().start(release.id(), vps1.id(), RunKind.DEPLOY, tmp.resolve("live.log"), "bob", BOB);
        Process killed = new ProcessBuilder("true").start();
        killed.waitFor();
        Run left = catalog.runs().start(release.id(), vps2.id(), RunKind.DEPLOY, tmp.resolve("left.log"), "carol",
                new ProcessIdentity("carol", ProcessIdentity.machineName(), killed.pid(), null));

        BoardSnapshot board = engine.board(project, BoardPage.FIRST);

        assertThat(board.runs()).as("no longer shown as deploying").noneMatch(r -> r.id() == left.id() && r.status() == RunStatus.RUNNING);
        assertThat(catalog.runs().get(left.id()).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(board.runs()).filteredOn(r -> r.id() == live.id()).singleElement().as("another machine's run is left as it is")
                .extracting(Run::status).isEqualTo(RunStatus.RUNNING);
        assertThat(catalog.runs().get(left.id()).message()).contains("pid " + killed.pid(), "is gone");
        assertThat(ActiveWork.of(engine).ended(ActiveWork.Kind.RUN, left.id()).orElseThrow().sentence())
                .as("the status is not said twice").startsWith("Interrupted: the process running it").doesNotContain("nterrupted: Interrupted");
    }

    @Test
    void whoStartedItReadsTheOwnerAsRecorded() {
        assertThat(ActiveWork.startedBy(null)).isEqualTo("started elsewhere");
        assertThat(ActiveWork.startedBy("an old owner")).isEqualTo("started by an old owner");
        assertThat(ActiveWork.startedBy(BOB.format())).isEqualTo("from bob@bobs-laptop, pid 4242");
    }

    @Test
    void aProcessHereIsTheCliWhenItsEntryPointHasACommandAndAWindowWhenNot() {
        assertThat(ActiveWork.entry(List.of("/usr/bin/java", "-cp", "a.jar", "org.stageboard.cli.StageboardCli", "build"))).isEqualTo("the CLI");
        assertThat(ActiveWork.entry(List.of("java", "-Dx=1", "org.stageboard.app.Launcher", "deploy", "-e", "staging"))).isEqualTo("the CLI");
        assertThat(ActiveWork.entry(List.of("java", "-jar", "target/stageboard-0.1.0.jar", "build"))).isEqualTo("the CLI");
        assertThat(ActiveWork.entry(List.of("/opt/Stageboard/bin/Stageboard", "ship"))).isEqualTo("the CLI");
        assertThat(ActiveWork.entry(List.of("java", "-cp", "x", "org.stageboard.app.Launcher"))).isEqualTo("another window");
        assertThat(ActiveWork.entry(List.of("/opt/Stageboard/bin/Stageboard"))).isEqualTo("another window");
        assertThat(ActiveWork.entry(List.of("sh", "-c", "sleep 1"))).isNull();
    }

    private static void write(Path gate) {
        try {
            Files.writeString(gate, "open");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
