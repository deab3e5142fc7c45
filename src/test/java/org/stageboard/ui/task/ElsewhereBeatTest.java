package org.stageboard.ui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.pipeline.ActiveWork;
import org.stageboard.pipeline.CatalogWatch;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.ui.LiveBoard;

/**
 * The task panel's work started elsewhere follows the live board's beat, without JavaFX, on a
 * real catalog with a real build that waits for a gate file: one read of the catalog's stamp per
 * beat serves the board and the panel; the panel reads its rows when the stamp moved and on every
 * beat while work shows (a row appears, follows, leaves with a notification); a panel that stops
 * following leaves the board's beat alone; a stopped beat reads nothing more, even an answer that
 * was under way, and a beat whose executor was shut down drops its poll quietly.
 */
class ElsewhereBeatTest {

    @TempDir
    Path tmp;

    private Stageboard engine;
    private Project project;
    private Path gate;
    private final AtomicInteger stampReads = new AtomicInteger();
    private final AtomicInteger boardReads = new AtomicInteger();
    private final AtomicInteger panelReads = new AtomicInteger();

    @BeforeEach
    void setUp() {
        engine = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        try (GitFixture git = GitFixture.init(tmp.resolve("repo"))) {
            git.write("page.txt", "one\n").commit("First page");
        }
        gate = tmp.resolve("gate");
        project = engine.addProject("slow", tmp.resolve("repo"), "main", new Recipe(
                "echo waiting for the gate; while [ ! -f '" + gate + "' ]; do sleep 0.1; done; cp page.txt out.txt", List.of("out.txt")));
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(gate, "open");
        engine.close();
    }

    private CatalogWatch.Stamp stamp() {
        stampReads.incrementAndGet();
        return engine.watch().stamp();
    }

    @Test
    void oneStampReadPerBeatServesTheBoardAndThePanelWhichShowsWorkUntilItEnds() throws Exception {
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        LiveBoard live = new LiveBoard(this::stamp, executor, boardReads::incrementAndGet, () -> false);
        ActiveWork work = ActiveWork.of(engine);
        ElsewhereWork elsewhere = new ElsewhereWork(() -> {
            panelReads.incrementAndGet();
            return work.all();
        }, item -> work.ended(item.kind(), item.id()), live, executor);
        List<Toast> toasts = new CopyOnWriteArrayList<>();
        elsewhere.onEnded(toasts::add);
        elsewhere.start();
        elsewhere.start(); // a second start does not follow twice
        assertThat(elsewhere.following()).isTrue();
        assertThat(live.followers()).isEqualTo(2);

        live.poll(); // the first beat: both read
        assertThat(stampReads).hasValue(1);
        assertThat(boardReads).hasValue(1);
        assertThat(panelReads).hasValue(1);
        live.poll(); // nothing moved, nothing shown: neither reads, the stamp once
        assertThat(stampReads).hasValue(2);
        assertThat(boardReads).hasValue(1);
        assertThat(panelReads).hasValue(1);

        CompletableFuture<Build> build = CompletableFuture.supplyAsync(() -> engine.build(project, "main", Progress.NONE));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            live.poll();
            return elsewhere.items().size() == 1 && elsewhere.items().get(0).step().startsWith("step 1");
        });
        assertThat(elsewhere.items().get(0).title()).startsWith("Build #1 of slow (");
        // while work shows, the panel reads on every beat, the stamp still once per beat for both
        int stamps = stampReads.get();
        int panel = panelReads.get();
        int board = boardReads.get();
        live.poll();
        live.poll();
        assertThat(stampReads.get() - stamps).isEqualTo(2);
        assertThat(panelReads.get() - panel).isEqualTo(2);
        assertThat(boardReads.get() - board).as("the board reads only when the stamp moved").isLessThanOrEqualTo(2);

        Files.writeString(gate, "open");
        assertThat(build.join().status()).isEqualTo(BuildStatus.SUCCEEDED);
        live.poll();
        assertThat(elsewhere.items()).isEmpty();
        assertThat(toasts).hasSize(1);
        assertThat(toasts.get(0).title()).startsWith("Done · Build #1 of slow (");

        // the panel no longer shows: it leaves the beat, the board keeps it
        elsewhere.stop();
        assertThat(elsewhere.following()).isFalse();
        assertThat(live.followers()).isEqualTo(1);
        panel = panelReads.get();
        engine.addProject("other", tmp.resolve("repo"), "main", new Recipe("true", List.of("page.txt"))); // the stamp moves
        board = boardReads.get();
        live.poll();
        assertThat(boardReads.get()).isEqualTo(board + 1);
        assertThat(panelReads).hasValue(panel);
    }

    @Test
    void aStoppedBeatReadsNothingMoreEvenAnAnswerUnderWay() {
        List<Runnable> background = new ArrayList<>();
        TaskExecutor queued = new TaskExecutor() {
            @Override
            public void runInBackground(Runnable work) {
                background.add(work);
            }

            @Override
            public void runOnUiThread(Runnable update) {
                update.run();
            }
        };
        LiveBoard live = new LiveBoard(this::stamp, queued, boardReads::incrementAndGet, () -> true);
        ElsewhereWork elsewhere = new ElsewhereWork(() -> {
            panelReads.incrementAndGet();
            return List.of();
        }, item -> java.util.Optional.empty(), live, queued);
        elsewhere.start();

        live.poll();
        assertThat(background).hasSize(1); // the stamp's read, under way
        live.stop(); // the window closed meanwhile
        background.remove(0).run();
        assertThat(stampReads).hasValue(1);
        assertThat(boardReads).as("a late answer changes nothing").hasValue(0);
        assertThat(panelReads).hasValue(0);
        assertThat(background).isEmpty();
        live.poll();
        assertThat(background).as("a stopped beat polls no more").isEmpty();
    }

    @Test
    void aBeatWhoseExecutorWasShutDownDropsItsPollQuietly() {
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(1);
        LiveBoard live = new LiveBoard(this::stamp, executor, boardReads::incrementAndGet, () -> true);
        new ElsewhereWork(List::of, item -> java.util.Optional.empty(), live, executor).start();
        executor.shutdown();
        assertThatCode(live::poll).doesNotThrowAnyException();
        assertThatCode(live::poll).doesNotThrowAnyException();
        assertThat(stampReads).hasValue(0);
        live.start(Duration.ofMillis(10));
        assertThat(live.running()).isTrue();
        live.stop();
        assertThat(live.running()).isFalse();
        assertThat(stampReads).hasValue(0);
    }
}
