package org.stageboard.ui.dialog;

import java.util.Locale;
import org.stageboard.core.Rollout;

/**
 * The rollout's number fields of the Run settings dialog, each with the one rollout mode the
 * engine uses it in ({@code pipeline.Rollouts}): parallelism only in a parallel rollout (how many
 * hosts at once), the batch size and the pause only in a rolling one (hosts per batch, seconds
 * between batches); and the range {@link Rollout} accepts. The failure policy is used by both
 * modes, so it is not one of these.
 */
public enum RolloutField {

    PARALLELISM("parallelism", Rollout.Mode.PARALLEL, 1, 64, "hosts at a time"),
    BATCH_SIZE("batch size", Rollout.Mode.ROLLING, 1, 64, "hosts per batch"),
    PAUSE("pause", Rollout.Mode.ROLLING, 0, 3600, "seconds between batches");

    private final String words;
    private final Rollout.Mode usedBy;
    private final int min;
    private final int max;
    private final String unit;

    RolloutField(String words, Rollout.Mode usedBy, int min, int max, String unit) {
        this.words = words;
        this.usedBy = usedBy;
        this.min = min;
        this.max = max;
        this.unit = unit;
    }

    /** The field's name in a sentence, e.g. {@code batch size}. */
    public String words() {
        return words;
    }

    /** True when a rollout in this mode uses the field; the engine ignores it otherwise. */
    public boolean usedBy(Rollout.Mode mode) {
        return usedBy == (mode == null ? Rollout.Mode.PARALLEL : mode);
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** True when {@link Rollout} accepts this value for the field. */
    public boolean accepts(int value) {
        return value >= min && value <= max;
    }

    /** What the number counts, shown beside the field, e.g. {@code hosts per batch}. */
    public String unit() {
        return unit;
    }

    /** Shown beside the field when the chosen mode does not use it, e.g. {@code used by rolling rollouts only}. */
    public String unusedNote() {
        return "used by " + usedBy.name().toLowerCase(Locale.ROOT) + " rollouts only";
    }
}
