package org.stageboard.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.StageboardException;

/** Background tasks with a same-thread executor: no JavaFX thread needed. */
class TaskListTest {

    private final TaskList tasks = new TaskList(new SameThreadTaskExecutor());

    @Test
    void aTaskReportsStepsAndLogLinesAndEnds() {
        List<String> results = new ArrayList<>();
        UiTask task = tasks.start("Build", progress -> {
            progress.step("export");
            progress.log("line one");
            progress.fraction(0.5);
            progress.log("line two");
            return "ok";
        }, r -> Outcome.ok("built " + r), results::add, e -> { });
        assertThat(results).containsExactly("ok");
        assertThat(task.stateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.outcomeProperty().get()).isEqualTo("built ok");
        assertThat(task.log()).containsExactly("-- export", "line one", "line two", "== built ok");
        assertThat(tasks.runningProperty().get()).isZero();
    }

    @Test
    void anEngineErrorEndsTheTaskWithItsMessage() {
        List<Throwable> errors = new ArrayList<>();
        UiTask task = tasks.start("Build", progress -> {
            throw new StageboardException("The folder /x is not a git repository.");
        }, r -> Outcome.ok(""), r -> { }, errors::add);
        assertThat(task.stateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(task.outcomeProperty().get()).isEqualTo("The folder /x is not a git repository.");
        assertThat(errors).hasSize(1);
    }

    @Test
    void cancelAsksTheWorkToStop() {
        TaskExecutor deferred = new TaskExecutor() {
            final List<Runnable> queued = new ArrayList<>();

            @Override
            public void runInBackground(Runnable work) {
                queued.add(work);
            }

            @Override
            public void runOnUiThread(Runnable update) {
                update.run();
            }

            @Override
            public void shutdown() {
                queued.forEach(Runnable::run);
            }
        };
        TaskList list = new TaskList(deferred);
        UiTask task = list.start("Deploy", progress -> {
            progress.checkCancelled();
            return "never";
        }, Outcome::ok, r -> { }, e -> { });
        assertThat(list.runningProperty().get()).isEqualTo(1);
        task.cancel();
        deferred.shutdown();
        assertThat(task.stateProperty().get()).isEqualTo(TaskState.CANCELLED);
        assertThat(list.runningProperty().get()).isZero();
    }

    @Test
    void workThatReturnsACancelledResultIsACancelledTaskNotAFailedOne() {
        List<String> results = new ArrayList<>();
        UiTask task = tasks.start("Build", p -> "cancelled", r -> Outcome.cancelled("build #1 cancelled"), results::add, e -> { });
        assertThat(task.stateProperty().get()).isEqualTo(TaskState.CANCELLED);
        assertThat(task.outcomeProperty().get()).isEqualTo("build #1 cancelled");
        assertThat(results).as("the result still reaches the caller").containsExactly("cancelled");
    }

    @Test
    void finishedTasksCanBeCleared() {
        tasks.start("one", p -> 1, r -> Outcome.ok(""), r -> { }, e -> { });
        tasks.start("two", p -> 2, r -> Outcome.ok(""), r -> { }, e -> { });
        assertThat(tasks.tasks()).extracting(UiTask::title).containsExactly("two", "one");
        tasks.clearFinished();
        assertThat(tasks.tasks()).isEmpty();
    }

    @Test
    void workThatReturnsAFailureIsAFailedTask() {
        List<String> results = new ArrayList<>();
        UiTask task = tasks.start("Build", p -> "exit 2", r -> Outcome.failed("build #1 failed (" + r + ")"), results::add, e -> { });
        assertThat(task.stateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(task.outcomeProperty().get()).isEqualTo("build #1 failed (exit 2)");
        assertThat(results).as("the result still reaches the caller").containsExactly("exit 2");
    }
}
