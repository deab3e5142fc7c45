package org.stageboard.ui.task;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** Work handed over once the window closed (e.g. the live board's last poll) is dropped, not thrown on the FX thread (found in CI). */
class BackgroundTaskExecutorTest {

    @Test
    void workSubmittedAfterShutdownIsDroppedQuietly() {
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(1);
        executor.shutdown();
        assertThatCode(() -> executor.runInBackground(() -> {
            throw new AssertionError("must not run after shutdown");
        })).doesNotThrowAnyException();
    }
}
