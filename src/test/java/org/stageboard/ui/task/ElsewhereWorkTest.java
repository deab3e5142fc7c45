package org.stageboard.ui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/**
 * The panel's view of work started elsewhere, without JavaFX, on a real catalog with a real build
 * of a recipe that waits for a gate file (read through {@link ActiveWork#all()}, so that a build of
 * this test's own process stands for one of another): a row while it runs, gone with a
 * notification saying how it ended, and the header's counts.
 */
class ElsewhereWorkTest {

    @TempDir
    Path tmp;

    private Stageboard engine;
    private Project project;
    private Path gate;

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

    @Test
    void runningWorkIsARowUntilItEndsThenItLeavesWithANotificationOfHowItEnded() throws Exception {
        ActiveWork work = ActiveWork.of(engine);
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        ElsewhereWork elsewhere = new ElsewhereWork(work::all, item -> work.ended(item.kind(), item.id()), null, executor);
        TaskPanelModel panel = new TaskPanelModel(new TaskList(executor), elsewhere);
        List<Toast> toasts = new CopyOnWriteArrayList<>();
        elsewhere.onEnded(toasts::add);
        assertThat(panel.emptyProperty().get()).isTrue();
        assertThat(panel.countsProperty().get()).isEmpty();

        CompletableFuture<Build> build = CompletableFuture.supplyAsync(() -> engine.build(project, "main", Progress.NONE));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            elsewhere.refresh();
            return elsewhere.items().size() == 1 && elsewhere.items().get(0).step().startsWith("step 1");
        });
        assertThat(elsewhere.items().get(0).title()).startsWith("Build #1 of slow (");
        assertThat(panel.emptyProperty().get()).isFalse();
        assertThat(panel.countsProperty().get()).isEqualTo("1 started elsewhere");
        assertThat(panel.statusLineProperty().get()).isEqualTo("No tasks running · 1 started elsewhere");
        elsewhere.refresh();
        assertThat(elsewhere.items()).as("the same work is one row").hasSize(1);
        assertThat(toasts).isEmpty();

        Files.writeString(gate, "open");
        assertThat(build.join().status()).isEqualTo(BuildStatus.SUCCEEDED);
        elsewhere.refresh();
        assertThat(elsewhere.items()).isEmpty();
        assertThat(panel.emptyProperty().get()).isTrue();
        assertThat(toasts).hasSize(1);
        assertThat(toasts.get(0).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(toasts.get(0).title()).startsWith("Done · Build #1 of slow (");
        assertThat(toasts.get(0).text()).startsWith("succeeded").contains("(from ");
    }

    @Test
    void theHeaderCountsWorkHereAndElsewhere() {
        assertThat(TaskPanelModel.counts(0, 0, 0)).isEmpty();
        assertThat(TaskPanelModel.counts(1, 1, 0)).isEqualTo("1 running · 1 queued");
        assertThat(TaskPanelModel.counts(2, 0, 1)).isEqualTo("2 running · 1 started elsewhere");
        assertThat(TaskPanelModel.statusLine(0, 0, 0)).isEqualTo("No tasks running");
        assertThat(TaskPanelModel.statusLine(1, 2, 0)).isEqualTo("1 task running · 2 queued");
        assertThat(TaskPanelModel.statusLine(3, 0, 2)).isEqualTo("3 tasks running · 2 started elsewhere");
        assertThat(TaskPanelModel.counts(0, 0, 3)).isEqualTo("3 started elsewhere");
    }

    @Test
    void aCancelledOrFailedEndIsSaidSo() {
        ActiveWork.Item item = new ActiveWork.Item(ActiveWork.Kind.RUN, 7, "Deploy shop/staging v2 on vps1", false, "health check",
                "from the CLI, pid 4242", false, null, true);
        Toast cancelled = ElsewhereWork.toast(item, new ActiveWork.Ended("cancelled", false, true, "Cancelled by the user."));
        assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.title()).isEqualTo("Cancelled · Deploy shop/staging v2 on vps1");
        assertThat(cancelled.text()).isEqualTo("Cancelled by the user. (from the CLI, pid 4242)");
        Toast failed = ElsewhereWork.toast(item, new ActiveWork.Ended("failed", false, false, null));
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.text()).isEqualTo("failed (from the CLI, pid 4242)");
    }
}
