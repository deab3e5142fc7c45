package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.ui.board.Card;
import org.stageboard.ui.board.Lane;
import org.stageboard.ui.task.SameThreadTaskExecutor;
import org.stageboard.ui.task.TaskState;
import org.stageboard.ui.task.UiTask;

/** The window's view model against a real engine and catalog, on one thread: no JavaFX running. */
class MainViewModelTest {

    @TempDir
    Path temp;

    private Stageboard engine;
    private GitFixture git;
    private MainViewModel model;
    private String first;
    private String second;

    @BeforeEach
    void setUp() {
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
        git = GitFixture.init(temp.resolve("repo"));
        git.copyResource("/demo-app/Server.java", "Server.java");
        first = git.commit("First version");
        git.write("broken", "yes\n");
        second = git.commit("Break the build");
        engine.addProject("demo", git.dir(), "main", new Recipe("test ! -f broken && mkdir -p dist && cp Server.java dist/", List.of("dist/**")));
        model = new MainViewModel(engine, new SameThreadTaskExecutor(), Clock.systemUTC());
        model.start();
    }

    @AfterEach
    void tearDown() {
        git.close();
        engine.close();
    }

    @Test
    void startShowsTheFirstProjectWithItsCommitsAndEmptyLanes() {
        assertThat(model.projectProperty().get().name()).isEqualTo("demo");
        assertThat(model.schemaVersionProperty().get()).isNotBlank().isNotEqualTo("?");
        assertThat(model.board().commits()).extracting(c -> c.sha()).containsExactly(second, first);
        assertThat(model.board().cards(Lane.BUILD)).isEmpty();
        assertThat(model.canBuild()).isFalse();
    }

    @Test
    void theHostsAreReadOnlyOnceTheFirstBoardIsDrawn() {
        MainViewModel opening = new MainViewModel(engine, new SameThreadTaskExecutor(), Clock.systemUTC());
        java.util.ArrayList<Runnable> afterDraw = new java.util.ArrayList<>();
        opening.setAfterFirstDraw(afterDraw::add);
        java.util.ArrayList<Boolean> reading = new java.util.ArrayList<>();
        opening.board().readingHostsProperty().addListener((o, before, now) -> reading.add(now));

        opening.start();

        assertThat(opening.board().commits()).extracting(c -> c.sha()).containsExactly(second, first);
        assertThat(reading).as("no host is read before the board is drawn").isEmpty();
        assertThat(afterDraw).hasSize(1);
        afterDraw.get(0).run();
        assertThat(reading).containsExactly(true, false);
    }

    @Test
    void aFirstBoardAlreadyReadIsShownAtOnceWithoutWaitingForTheBackground() {
        java.util.ArrayList<Runnable> background = new java.util.ArrayList<>();
        org.stageboard.ui.task.TaskExecutor queued = new org.stageboard.ui.task.TaskExecutor() {
            @Override
            public void runInBackground(Runnable work) {
                background.add(work);
            }

            @Override
            public void runOnUiThread(Runnable update) {
                update.run();
            }
        };
        MainViewModel opening = new MainViewModel(engine, queued, Clock.systemUTC());
        opening.setAfterFirstDraw(work -> { });

        opening.startWith(FirstBoard.read(engine, "demo"));

        // Shown on the calling thread: nothing of the board waits in the background queue.
        assertThat(opening.projectProperty().get().name()).isEqualTo("demo");
        assertThat(opening.board().commits()).extracting(c -> c.sha()).containsExactly(second, first);
        assertThat(opening.schemaVersionProperty().get()).isEqualTo("…");
        background.forEach(Runnable::run);
        assertThat(opening.schemaVersionProperty().get()).isNotBlank().isNotEqualTo("?").isNotEqualTo("…");
    }

    @Test
    void buildingTheSelectedCommitAddsASuccessfulBuildCardAndSelectsIt() {
        model.board().selectCommit(first);
        UiTask task = model.buildSelectedCommit().orElseThrow();
        assertThat(task.stateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.log()).isNotEmpty();
        Card card = model.board().cards(Lane.BUILD).get(0);
        assertThat(card.text()).startsWith("#1 · " + first.substring(0, 7) + " · ✓");
        assertThat(model.board().selectedCardProperty().get()).isEqualTo(card);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.INFO);
    }

    @Test
    void aFailedBuildShowsARedCardAndAnErrorNotice() {
        model.board().selectCommit(second);
        model.buildSelectedCommit();
        Card card = model.board().cards(Lane.BUILD).get(0);
        assertThat(card.detail()).startsWith("✗");
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(model.noticeProperty().get().text()).contains("Build #1 failed");
    }

    @Test
    void whileABuildStartedElsewhereRunsTheBoardIsDrawnAgainOnEveryReadSoItsTimeMovesOn() {
        java.util.concurrent.atomic.AtomicInteger drawn = new java.util.concurrent.atomic.AtomicInteger();
        model.board().cards(Lane.BUILD).addListener((javafx.collections.ListChangeListener<Card>) change -> drawn.incrementAndGet());
        model.refresh();
        assertThat(drawn).as("nothing changed, nothing runs: not drawn again").hasValue(0);

        long projectId = model.projectProperty().get().id();
        Build elsewhere = org.stageboard.pipeline.EngineAccess.catalog(engine).builds().start(projectId, first, "tree", "recipe", "bob",
                new org.stageboard.core.ProcessIdentity("bob", "bobs-laptop", 4242, java.time.Instant.parse("2026-11-26T10:00:00Z")));
        model.refresh();
        assertThat(model.board().cards(Lane.BUILD)).extracting(Card::item).containsExactly(elsewhere);
        int afterItShowed = drawn.get();
        // Drawn again on a read once its time moved on (the card says how long it has run, to the second).
        long until = System.nanoTime() + 10_000_000_000L;
        while (drawn.get() < afterItShowed + 2 && System.nanoTime() < until) {
            model.refresh();
            try {
                Thread.sleep(100); // polled: the card's time moves on once a second has passed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(drawn.get()).as("drawn again while the build runs, as its time moves on").isGreaterThanOrEqualTo(afterItShowed + 2);
        assertThat(model.board().cards(Lane.BUILD)).extracting(Card::detail).singleElement().asString().startsWith("● building · ");

        org.stageboard.pipeline.EngineAccess.catalog(engine).builds().cancel(elsewhere.id(), "Cancelled by the user.");
        model.refresh();
        int afterItEnded = drawn.get();
        model.refresh();
        assertThat(drawn.get()).as("once it ended, an unchanged board is not drawn again").isEqualTo(afterItEnded);
    }

    @Test
    void buildingWithoutACommitAsksForOne() {
        assertThat(model.buildSelectedCommit()).isEmpty();
        assertThat(model.noticeProperty().get().text()).contains("Select a commit");
    }

    @Test
    void releasingABuildAddsAReleaseCardOnTheSameJourney() {
        Environment staging = engine.addEnvironment(model.projectProperty().get(), "staging",
                RunSettings.of("java Server.java", "http://127.0.0.1:18999/health"));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "18999", false)), Set.of());
        model.board().selectCommit(first);
        model.buildSelectedCommit();
        Build build = model.board().selectedSuccessfulBuild().orElseThrow();
        model.refresh();
        assertThat(model.environments()).extracting(Environment::name).containsExactly("staging");

        model.release(build, staging);

        Card release = model.board().cards(Lane.RELEASE).get(0);
        assertThat(release.text()).isEqualTo("staging v1 · build #1 + config v1");
        assertThat(release.commitSha()).isEqualTo(first);
        assertThat(model.board().selectedRelease()).isPresent();
    }

    @Test
    void anEngineErrorBecomesANoticeNotAStackTrace() {
        model.fail(new org.stageboard.core.StageboardException("The folder /x is not a git repository."));
        assertThat(model.noticeProperty().get()).isEqualTo(Notice.error("The folder /x is not a git repository."));
        model.fail(new IllegalStateException("boom"));
        assertThat(model.noticeProperty().get().text()).isEqualTo("Unexpected error (IllegalStateException): boom");
    }

    @Test
    void noticesShowTheFirstLineOfAnEngineMessage() {
        assertThat(MainViewModel.firstLine("The build command exited with code 1. Last lines:\n  boom")).isEqualTo("The build command exited with code 1.");
        assertThat(MainViewModel.firstLine("No file matched dist/**.")).isEqualTo("No file matched dist/**.");
    }
}
