package org.stageboard.pipeline;

import org.stageboard.core.Host;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;

/**
 * How one host of a deploy over an environment's hosts ended: its outcome, the deploy run (also
 * for a skipped host, recorded as {@code SKIPPED}), the rollback run when the host was rolled back
 * because the rollout failed (else null), and a sentence for the user.
 */
public record HostOutcome(Host host, State state, Run run, Run rollback, String message) {

    /** A host's outcome, in the words the CLI's table and the window show. */
    public enum State {
        /** The new release runs and answered health. */
        LIVE("live"),
        /** It failed before anything was switched; the host serves what it served before. */
        FAILED("failed"),
        /** The new release failed on this host, which put its previous release back. */
        ROLLED_BACK("rolled back"),
        /** The host was left without a running app; the message says what it has. */
        APP_DOWN("app down"),
        /** The user cancelled the deploy while this host ran; it serves what it served before. */
        CANCELLED("cancelled"),
        /** Nothing was done on this host: the rollout stopped before it. */
        SKIPPED("skipped"),
        /** It went live, then the rollout failed elsewhere and it was put back on its previous release. */
        REVERTED("rolled back after the rollout failed");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** The outcome of a host's own deploy run. */
        static State of(RunStatus status) {
            return switch (status) {
                case LIVE -> LIVE;
                case ROLLED_BACK -> ROLLED_BACK;
                case APP_DOWN -> APP_DOWN;
                case CANCELLED -> CANCELLED;
                case SKIPPED -> SKIPPED;
                default -> FAILED;
            };
        }
    }

    public boolean live() {
        return state == State.LIVE;
    }

    /** For a host whose deploy was recorded, and nothing more happened. */
    public static HostOutcome of(Host host, Run run) {
        return new HostOutcome(host, State.of(run.status()), run, null, run.message() == null ? run.status().label() : run.message());
    }
}
