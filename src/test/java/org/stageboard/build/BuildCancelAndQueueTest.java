package org.stageboard.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.BuildStep;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.StepStatus;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.RecordingProgress;

/** Cancel stops the whole process tree; the builds of one project run one at a time, the others queued. */
class BuildCancelAndQueueTest {

    @TempDir
    Path tmp;

    private Catalog catalog;
    private BuildStage builds;
    private GitFixture repo;
    private final List<Long> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        catalog = Catalog.open(tmp.resolve("home/catalog"));
        builds = new BuildStage(catalog, new ArtifactStore(tmp.resolve("home/artifacts")), tmp.resolve("home/logs"), tmp.resolve("home/work"),
                tmp.resolve("home/caches"), new ProcessRunner(Duration.ofMillis(500)));
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    @AfterEach
    void tearDown() {
        // never leave a process of this test behind, whatever happened
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        repo.close();
        catalog.close();
    }

    /** Alive and not a zombie (an orphan killed here may wait for a parent that does not reap). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void cancelKillsTheWholeProcessTreeIncludingAChildThatIgnoresTerm() throws Exception {
        Path pids = tmp.resolve("pids.txt");
        String sha = repo.write("a.txt", "a").commit("a");
        // the step starts a child that ignores TERM (sleep inherits the ignored signal), and a plain grandchild
        Project project = catalog.projects().add("demo", repo.dir(), "main", new Recipe(
                "sh -c 'trap \"\" TERM; echo $$ >> " + pids + "; exec sleep 300' & "
                        + "sh -c 'sleep 301 & echo $! >> " + pids + "; wait' & "
                        + "while [ $(wc -l < " + pids + " 2>/dev/null || echo 0) -lt 2 ]; do sleep 0.05; done; echo started; wait",
                List.of("**")));
        RecordingProgress progress = new RecordingProgress() {
            @Override
            public void log(String line) {
                super.log(line);
                if (line.equals("started")) {
                    try {
                        Files.readAllLines(pids).forEach(p -> started.add(Long.parseLong(p.strip())));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    cancelled = true;
                }
            }
        };

        Build build = builds.build(project, sha, true, "ada", progress);

        assertThat(build.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(started).hasSize(2);
        // the build returns once the tree is stopped: TERM, then KILL for the one that ignored it
        await("every process of the build to end", () -> started.stream().noneMatch(BuildCancelAndQueueTest::running));
        List<BuildStep> steps = catalog.buildSteps().forBuild(build.id());
        assertThat(steps).extracting(BuildStep::status).containsExactly(StepStatus.CANCELLED);
    }

    @Test
    void theTermIgnoringChildSurvivesTermAlone() throws Exception {
        // the test above can fail: without the KILL after the grace period, this child would live on
        Path pidFile = tmp.resolve("pid.txt");
        Process shell = new ProcessBuilder("/bin/sh", "-c", "sh -c 'trap \"\" TERM; echo $$ > " + pidFile + "; exec sleep 300' & wait").start();
        await("the child to start", () -> Files.exists(pidFile) && pidFile.toFile().length() > 0);
        long child = Long.parseLong(Files.readString(pidFile).strip());
        started.add(child);
        started.add(shell.pid());
        ProcessHandle.of(child).orElseThrow().destroy();
        Thread.sleep(300);
        assertThat(running(child)).as("TERM is ignored").isTrue();
        ProcessRunner.stopTree(shell, Duration.ofMillis(200));
        await("KILL to end it", () -> !running(child));
    }

    @Test
    void aSecondBuildOfTheProjectQueuesUntilTheFirstEnds() throws Exception {
        Path go = tmp.resolve("go");
        Path order = tmp.resolve("order.txt");
        Project project = catalog.projects().add("demo", repo.dir(), "main", new Recipe(
                "echo start $STAGEBOARD_BUILD >> " + order + "; while [ ! -f " + go + " ]; do sleep 0.05; done; echo end $STAGEBOARD_BUILD >> " + order,
                List.of("a.txt")));
        String first = repo.write("a.txt", "1").commit("one");
        String second = repo.write("a.txt", "2").commit("two");

        CompletableFuture<Build> one = CompletableFuture.supplyAsync(() -> builds.build(project, first, true, "ada", Progress.NONE));
        await("build #1 to run its step", () -> Files.exists(order));
        RecordingProgress waiting = new RecordingProgress();
        CompletableFuture<Build> two = CompletableFuture.supplyAsync(() -> builds.build(project, second, true, "ada", waiting));
        await("build #2 to be queued", () -> catalog.builds().findByNumber(project.id(), 2).map(b -> b.status() == BuildStatus.QUEUED).orElse(false));

        List<Build> queue = catalog.builds().queue(project.id());
        assertThat(queue).extracting(Build::number).containsExactly(1, 2);
        assertThat(queue).extracting(Build::status).containsExactly(BuildStatus.RUNNING, BuildStatus.QUEUED);
        await("build #2 to say why it waits", () -> waiting.all().contains("waiting for #1 (running)"));
        assertThat(waiting.steps).contains("queued");
        assertThat(catalog.buildSteps().forBuild(queue.get(1).id())).isEmpty();

        Files.writeString(go, "");
        Build b1 = one.get(60, TimeUnit.SECONDS);
        Build b2 = two.get(60, TimeUnit.SECONDS);
        assertThat(b1.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(b2.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(Files.readAllLines(order)).containsExactly("start 1", "end 1", "start 2", "end 2");
        assertThat(b2.startedAt()).isAfterOrEqualTo(b1.finishedAt());
        assertThat(catalog.builds().queue(project.id())).isEmpty();
    }

    @Test
    void aQueuedBuildCanBeCancelledAndABuildOfADeadProcessDoesNotBlockTheQueue() throws Exception {
        Project project = catalog.projects().add("demo", repo.dir(), "main", new Recipe("cp a.txt out.txt", List.of("out.txt")));
        String sha = repo.write("a.txt", "1").commit("one");
        // a build left RUNNING by a process that is gone
        Build orphan = catalog.builds().start(project.id(), sha, "t".repeat(40), "r".repeat(64), "ada",
                new org.stageboard.core.ProcessIdentity("ada", org.stageboard.core.ProcessIdentity.current().machine(), 999_999_999L, java.time.Instant.EPOCH));
        Build built = builds.build(project, sha, true, "ada", Progress.NONE);
        assertThat(built.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(catalog.builds().get(orphan.id()).status()).isEqualTo(BuildStatus.INTERRUPTED);

        // a live build holds the queue; the queued one is cancelled while waiting
        Build holder = catalog.builds().start(project.id(), sha, "t".repeat(40), "r".repeat(64), "ada");
        RecordingProgress progress = new RecordingProgress() {
            @Override
            public void step(String title) {
                super.step(title);
                if (title.equals("queued")) {
                    cancelled = true;
                }
            }
        };
        Build cancelled = builds.build(project, sha, false, "ada", progress);
        assertThat(cancelled.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(catalog.builds().get(holder.id()).status()).isEqualTo(BuildStatus.RUNNING);
    }
}
