package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stageboard.ui.task.Outcome;
import org.stageboard.ui.task.StopNote;
import org.stageboard.ui.task.TaskExecutor;
import org.stageboard.ui.task.TaskList;
import org.stageboard.ui.task.TaskState;
import org.stageboard.ui.task.UiTask;

/** Closing while work runs: the question names the work, and the window closes only once the stopped work has finished. */
class CloseGuardTest {

    /** Holds background work until the test lets it run: tasks stay running meanwhile. */
    private final List<Runnable> held = new ArrayList<>();
    private final TaskList tasks = new TaskList(new TaskExecutor() {
        @Override
        public void runInBackground(Runnable work) {
            held.add(work);
        }

        @Override
        public void runOnUiThread(Runnable update) {
            update.run();
        }
    });
    private final CloseGuard guard = new CloseGuard(tasks);

    @Test
    void nothingRunningNothingToAsk() {
        assertThat(guard.question()).isEmpty();
        AtomicInteger closed = new AtomicInteger();
        guard.stopThenClose(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
    }

    @Test
    void aRunningDeployIsNamedWithWhatStoppingItDoes() {
        deploy("vps1");
        assertThat(guard.question()).contains(
                "A deploy is running on vps1. Stop it and close? The host is put back and the lock released.");
        deploy("vps2");
        tasks.start("Build a1b2c3d of demo", new StopNote("A build of a1b2c3d (demo) is running.", "The build is recorded as cancelled."),
                p -> "x", Outcome::ok, r -> { }, e -> { });
        assertThat(guard.question()).contains("A build of a1b2c3d (demo) is running. A deploy is running on vps2. "
                + "A deploy is running on vps1. Stop them and close? The build is recorded as cancelled. "
                + "The host is put back and the lock released.");
    }

    @Test
    void stopAndCloseCancelsTheWorkAndClosesOnlyOnceItFinished() {
        UiTask first = deploy("vps1");
        UiTask second = deploy("vps2");
        AtomicInteger closed = new AtomicInteger();

        guard.stopThenClose(closed::incrementAndGet);

        assertThat(guard.finishingProperty().get()).isTrue();
        assertThat(first.isCancelRequested()).isTrue();
        assertThat(second.isCancelRequested()).isTrue();
        assertThat(closed).as("the work has not finished yet").hasValue(0);
        held.get(0).run();
        assertThat(closed).hasValue(0);
        held.get(1).run();
        assertThat(closed).hasValue(1);
        assertThat(first.stateProperty().get()).isEqualTo(TaskState.CANCELLED);
    }

    private UiTask deploy(String host) {
        return tasks.start("Deploy staging v1 to " + host, new StopNote("A deploy is running on " + host + ".",
                "The host is put back and the lock released."), progress -> {
                    progress.checkCancelled();
                    return "live";
                }, Outcome::ok, r -> { }, e -> { });
    }
}
