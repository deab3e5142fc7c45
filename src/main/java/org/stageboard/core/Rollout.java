package org.stageboard.core;

import java.util.Locale;

/**
 * How a deploy goes over an environment's hosts (in the environment's host order).
 * {@code PARALLEL}: up to {@code parallelism} hosts at a time. {@code ROLLING}: batches of
 * {@code batchSize} hosts, each batch after the previous one is healthy, with {@code pauseSeconds}
 * between batches. On a failure the hosts not started are skipped; by {@code onFailure}, the hosts
 * this deploy already switched are rolled back together ({@code ROLL_BACK}, the default) or stay
 * on the new release ({@code STAY}).
 */
public record Rollout(Mode mode, int parallelism, int batchSize, int pauseSeconds, OnFailure onFailure) {

    public enum Mode { PARALLEL, ROLLING }

    public enum OnFailure { ROLL_BACK, STAY }

    public static final Rollout DEFAULT = new Rollout(Mode.PARALLEL, 5, 1, 0, OnFailure.ROLL_BACK);

    public Rollout {
        if (mode == null) {
            mode = Mode.PARALLEL;
        }
        if (onFailure == null) {
            onFailure = OnFailure.ROLL_BACK;
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new StageboardException("Parallelism must be between 1 and 64 hosts at a time, not " + parallelism + ".");
        }
        if (batchSize < 1 || batchSize > 64) {
            throw new StageboardException("The batch size must be between 1 and 64 hosts, not " + batchSize + ".");
        }
        if (pauseSeconds < 0 || pauseSeconds > 3600) {
            throw new StageboardException("The pause between batches must be between 0 and 3600 seconds, not " + pauseSeconds + ".");
        }
    }

    public static Mode mode(String text) {
        try {
            return Mode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new StageboardException("Unknown rollout '" + text + "': use parallel or rolling.");
        }
    }

    public static OnFailure onFailure(String text) {
        try {
            return OnFailure.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            throw new StageboardException("Unknown failure policy '" + text + "': use roll-back or stay.");
        }
    }

    /** In words, e.g. {@code parallel, 5 at a time; on failure: roll back}. */
    public String describe() {
        String how = mode == Mode.PARALLEL ? "parallel, " + parallelism + " at a time"
                : "rolling, batches of " + batchSize + (pauseSeconds > 0 ? " with " + pauseSeconds + " s between" : "");
        return how + "; on failure: " + (onFailure == OnFailure.ROLL_BACK ? "roll back the switched hosts" : "switched hosts stay");
    }
}
