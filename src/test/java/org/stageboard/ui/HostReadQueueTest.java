package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.ui.task.TaskExecutor;

/**
 * The host reads' line: one read at a time, at most one more waiting; a newer request takes the
 * waiting one's place, and a waiting read of every host is not replaced by one of the changed
 * hosts only. The line's thread is played by hand here (work runs when the test says).
 */
class HostReadQueueTest {

    /** Background work waits in a list until {@link #runNext}; results run at once. */
    private static final class ByHand implements TaskExecutor {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public void runInBackground(Runnable work) {
            pending.add(work);
        }

        @Override
        public void runOnUiThread(Runnable update) {
            update.run();
        }

        void runNext() {
            pending.remove(0).run();
        }
    }

    private final ByHand line = new ByHand();
    private final HostReadQueue queue = new HostReadQueue(line);
    private final List<String> done = new ArrayList<>();

    private void submit(HostReadQueue.Scope scope, String name) {
        queue.submit(scope, () -> name, done::add, error -> done.add("failed " + name));
    }

    @Test
    void beatsThatComeWhileAReadRunsWaitAsOneReadTheNewest() {
        submit(HostReadQueue.Scope.CHANGED, "beat 1");
        submit(HostReadQueue.Scope.CHANGED, "beat 2");
        submit(HostReadQueue.Scope.CHANGED, "beat 3");
        submit(HostReadQueue.Scope.CHANGED, "beat 4");
        assertThat(line.pending).as("one read handed to the line, the others wait in the queue").hasSize(1);

        line.runNext();
        assertThat(line.pending).hasSize(1);
        line.runNext();
        assertThat(line.pending).isEmpty();
        assertThat(done).containsExactly("beat 1", "beat 4");
        assertThat(queue.busy()).isFalse();
    }

    @Test
    void aWaitingReadOfEveryHostIsNotReplacedByAReadOfTheChangedOnes() {
        submit(HostReadQueue.Scope.CHANGED, "beat");
        submit(HostReadQueue.Scope.ALL, "F5");
        submit(HostReadQueue.Scope.CHANGED, "later beat");
        line.runNext();
        line.runNext();
        assertThat(done).containsExactly("beat", "F5");
        assertThat(line.pending).isEmpty();

        submit(HostReadQueue.Scope.ALL, "F5 again");
        submit(HostReadQueue.Scope.ALL, "project switched");
        submit(HostReadQueue.Scope.ALL, "newest");
        line.runNext();
        line.runNext();
        assertThat(done).containsExactly("beat", "F5", "F5 again", "newest");
    }

    @Test
    void aFailedReadIsSaidAndTheNextOneStillRuns() {
        queue.<String>submit(HostReadQueue.Scope.ALL, () -> {
            throw new IllegalStateException("host gone");
        }, done::add, error -> done.add("failed: " + error.getMessage()));
        submit(HostReadQueue.Scope.CHANGED, "beat");
        line.runNext();
        line.runNext();
        assertThat(done).containsExactly("failed: host gone", "beat");
        assertThat(queue.busy()).isFalse();
    }
}
