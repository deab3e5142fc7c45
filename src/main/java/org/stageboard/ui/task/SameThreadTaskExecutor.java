package org.stageboard.ui.task;

/** Runs everything inline on the calling thread: for view-model tests without JavaFX. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    @Override
    public void runInBackground(Runnable work) {
        work.run();
    }

    @Override
    public void runOnUiThread(Runnable update) {
        update.run();
    }
}
