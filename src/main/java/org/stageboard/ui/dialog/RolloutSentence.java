package org.stageboard.ui.dialog;

import java.util.OptionalInt;
import org.stageboard.core.Rollout;

/**
 * What a rollout will do, in one sentence for the Run settings dialog, as {@code pipeline.Rollouts}
 * does it: a parallel rollout deploys up to {@code parallelism} hosts at once; a rolling one
 * deploys batches of {@code batchSize} hosts, each once the one before is live, pausing between
 * batches (never before the first, so one batch has no pause); on the first host that fails, no
 * further host is started and, by the failure policy, the hosts it switched are rolled back or
 * stay. With the environment's host count, it says how they will be gone over.
 */
public final class RolloutSentence {

    private RolloutSentence() {
    }

    /** E.g. {@code Rolling: 5 hosts in 3 batches of up to 2, 30 s pause between batches; stops at the first failure and rolls back the hosts it switched.} */
    public static String of(Rollout rollout, OptionalInt hostCount) {
        String how = rollout.mode() == Rollout.Mode.PARALLEL ? parallel(rollout.parallelism(), hostCount)
                : rolling(rollout.batchSize(), rollout.pauseSeconds(), hostCount);
        return how + "; " + onFailure(rollout.onFailure()) + ".";
    }

    /** When a field the mode uses is not valid yet, e.g. {@code Rolling: give a valid batch size to see what it will do.} */
    public static String incomplete(Rollout.Mode mode, String field) {
        return name(mode) + ": give a valid " + field + " to see what it will do.";
    }

    private static String parallel(int parallelism, OptionalInt hostCount) {
        String atATime = (parallelism == 1 ? "one host" : "up to " + parallelism + " hosts") + " at a time";
        if (hostCount.isEmpty()) {
            return "Parallel: " + atATime;
        }
        int n = hostCount.getAsInt();
        if (n == 0) {
            return "Parallel: " + atATime + ", once hosts are attached (none yet)";
        }
        if (n == 1) {
            return "Parallel: its one host";
        }
        return n <= parallelism ? "Parallel: all " + n + " hosts at once"
                : "Parallel: " + n + " hosts, " + (parallelism == 1 ? "one" : "up to " + parallelism) + " at a time";
    }

    private static String rolling(int batchSize, int pauseSeconds, OptionalInt hostCount) {
        String pause = pauseSeconds == 0 ? "no pause between batches" : pauseSeconds + " s pause between batches";
        String atATime = (batchSize == 1 ? "one host" : batchSize + " hosts") + " at a time";
        if (hostCount.isEmpty()) {
            return "Rolling: " + atATime + ", " + pause;
        }
        int n = hostCount.getAsInt();
        if (n == 0) {
            return "Rolling: " + atATime + ", " + pause + ", once hosts are attached (none yet)";
        }
        if (n <= batchSize) {
            return "Rolling: " + (n == 1 ? "its one host" : "all " + n + " hosts in one batch") + ", so no pause";
        }
        int batches = (n + batchSize - 1) / batchSize;
        String of = batchSize == 1 ? "of one host each" : "of " + (n % batchSize == 0 ? "" : "up to ") + batchSize;
        return "Rolling: " + n + " hosts in " + batches + " batches " + of + ", " + pause;
    }

    private static String onFailure(Rollout.OnFailure policy) {
        return policy == Rollout.OnFailure.STAY ? "stops at the first failure; the hosts it switched stay on the new release"
                : "stops at the first failure and rolls back the hosts it switched";
    }

    private static String name(Rollout.Mode mode) {
        return mode == Rollout.Mode.ROLLING ? "Rolling" : "Parallel";
    }
}
