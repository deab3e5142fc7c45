package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.HostOutcome;
import org.stageboard.testing.RecordingProgress;
import org.stageboard.ui.task.HostRows;
import org.stageboard.ui.task.TaskExecutor;

/** A deploy's per-host rows, fed by the engine's per-host progress, without JavaFX running. */
class DeployProgressTest {

    /** Holds UI-thread updates until {@link #drain()}, as a busy FX thread would. */
    private static final class QueuedExecutor implements TaskExecutor {
        final Queue<Runnable> ui = new ArrayDeque<>();

        @Override
        public void runInBackground(Runnable work) {
            work.run();
        }

        @Override
        public void runOnUiThread(Runnable update) {
            ui.add(update);
        }

        void drain() {
            for (Runnable r; (r = ui.poll()) != null; ) {
                r.run();
            }
        }
    }

    private static Host host(long id, String name) {
        return new Host(id, name, "127.0.0.1", 22, "deploy", Path.of("/key"), null, "/srv", Instant.now());
    }

    private static Run run(long id, Host host, RunStatus status) {
        return new Run(id, 1, host.id(), RunKind.DEPLOY, status, Instant.now(), Instant.now(), null, "msg", "me");
    }

    @Test
    void eachHostHasARowWithItsStepThenItsOutcomeAndTheLogGetsPrefixedLines() {
        QueuedExecutor executor = new QueuedExecutor();
        HostRows rows = new HostRows(executor);
        RecordingProgress task = new RecordingProgress();
        Host vps1 = host(1, "vps1");
        Host vps2 = host(2, "vps2");
        Host vps3 = host(3, "vps3");
        DeployProgress progress = new DeployProgress(task, rows, List.of(vps1, vps2, vps3));

        progress.started(vps1, RunKind.DEPLOY);
        Progress one = progress.host(vps1);
        one.step("connect to deploy@127.0.0.1");
        one.step("health check");
        one.log("waiting for health");
        progress.started(vps2, RunKind.DEPLOY);
        progress.host(vps2).step("upload artifact");
        // Many updates, one hand-over to the UI thread.
        assertThat(executor.ui).hasSize(1);
        assertThat(rows.rows()).isEmpty();
        executor.drain();

        assertThat(rows.rows()).extracting(HostRows.Row::text)
                .containsExactly("vps1 · health check", "vps2 · upload artifact", "vps3 · waiting");
        assertThat(task.steps).containsExactly("[vps1] connect to deploy@127.0.0.1", "[vps1] health check", "[vps2] upload artifact");
        assertThat(task.logs).containsExactly("[vps1] waiting for health");

        progress.finished(HostOutcome.of(vps1, run(1, vps1, RunStatus.LIVE)));
        progress.finished(HostOutcome.of(vps2, run(2, vps2, RunStatus.FAILED)));
        progress.finished(HostOutcome.of(vps3, run(3, vps3, RunStatus.SKIPPED)));
        executor.drain();
        assertThat(rows.rows()).extracting(HostRows.Row::text).containsExactly("vps1 · live", "vps2 · failed", "vps3 · skipped");
        assertThat(rows.rows()).extracting(HostRows.Row::bad).containsExactly(false, true, false);

        // vps1 is rolled back because the rollout failed: its row runs again, then says so.
        progress.started(vps1, RunKind.ROLLBACK);
        executor.drain();
        assertThat(rows.rows().get(0).text()).isEqualTo("vps1 · rollback");
        progress.finished(new HostOutcome(vps1, HostOutcome.State.REVERTED, run(1, vps1, RunStatus.SUPERSEDED), run(4, vps1, RunStatus.LIVE), "back"));
        executor.drain();
        assertThat(rows.rows().get(0).text()).isEqualTo("vps1 · rolled back after the rollout failed");
        assertThat(task.isCancelled()).isFalse();
        task.cancelled = true;
        assertThat(progress.host(vps2).isCancelled()).as("cancel reaches every host's run").isTrue();
    }
}
