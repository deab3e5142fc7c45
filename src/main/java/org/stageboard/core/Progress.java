package org.stageboard.core;

/**
 * Reports on long work and asks whether it should stop. Adapted at the edges to JGit's
 * {@code ProgressMonitor}, sshj's transfer listener and the UI's task progress.
 */
public interface Progress {

    /** A progress that reports nowhere and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void step(String title) {
        }

        @Override
        public void log(String line) {
        }
    };

    /** A new phase of the work begins, for example "upload artifact". */
    void step(String title);

    /** One line for the log of this work. */
    void log(String line);

    /** How far the current step is, from 0 to 1; negative when unknown. */
    default void fraction(double done) {
    }

    /** Bytes of the current transfer (an upload) done so far, of {@code total}; reported along with the fraction. */
    default void transferred(long bytes, long total) {
    }

    /** True once the user asked to stop; work checks it between steps. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancelledException} when cancellation was asked for. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
