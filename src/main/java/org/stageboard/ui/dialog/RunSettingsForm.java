package org.stageboard.ui.dialog;

import java.util.Arrays;
import java.util.List;
import org.stageboard.core.Environment;
import org.stageboard.core.Hooks;
import org.stageboard.core.Processes;
import org.stageboard.core.Rollout;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.core.Supervision;

/**
 * The run settings of an environment as the settings dialog shows them: text per field, turned
 * back into {@link RunSettings} and {@link Rollout} with a message naming the field that is wrong.
 * No JavaFX here, so it is tested on its own.
 */
public record RunSettingsForm(String start, String health, String healthTimeout, String processes, String scale, String supervision,
                              String shared, String releaseCommand, String beforeSwitch, String afterSwitch, String keep,
                              String rolloutMode, String parallelism, String batchSize, String pause, String onFailure) {

    /** The environment's settings as text. */
    public static RunSettingsForm of(Environment environment) {
        RunSettings run = environment.run();
        Rollout rollout = environment.rollout();
        return new RunSettingsForm(run.startCommand(), run.healthUrl(), Integer.toString(run.healthTimeoutSeconds()),
                run.processes().procfile(), run.processes().scaleText(), run.supervision().key(), String.join(" ", run.shared()),
                orEmpty(run.hooks().releaseCommand()), orEmpty(run.hooks().beforeSwitch()), orEmpty(run.hooks().afterSwitch()),
                Integer.toString(run.keepReleases()), rollout.mode().name().toLowerCase(), Integer.toString(rollout.parallelism()),
                Integer.toString(rollout.batchSize()), Integer.toString(rollout.pauseSeconds()),
                rollout.onFailure() == Rollout.OnFailure.ROLL_BACK ? "roll-back" : "stay");
    }

    /** The supervision choices, in the order the dialog offers them. */
    public static List<String> supervisions() {
        return Arrays.stream(Supervision.values()).map(Supervision::key).toList();
    }

    /** The run settings typed, keeping what the form does not show (stop grace) from {@code before}. */
    public RunSettings runSettings(RunSettings before) {
        return new RunSettings(start.strip(), health.strip(), number(healthTimeout, "Health timeout"), before.stopGraceSeconds(),
                number(keep, "Releases kept"), new Processes(processes, Processes.parseScale(scale)), Supervision.of(supervision),
                List.of(shared.strip().isEmpty() ? new String[0] : shared.strip().split("\\s+")),
                new Hooks(releaseCommand, beforeSwitch, afterSwitch));
    }

    /** The rollout typed, every number field as typed (each must be valid). */
    public Rollout rollout() {
        return new Rollout(Rollout.mode(rolloutMode), number(parallelism, "Parallelism"), number(batchSize, "Batch size"),
                number(pause, "Pause between batches"), Rollout.onFailure(onFailure));
    }

    /**
     * The rollout typed, for saving: a number field the chosen mode does not use ({@link RolloutField})
     * is kept as typed when it is a valid value (for when the mode is switched back), else it keeps
     * {@code before}'s value, so that a field the rollout ignores never stops the settings being saved.
     */
    public Rollout rollout(Rollout before) {
        Rollout.Mode mode = Rollout.mode(rolloutMode);
        return new Rollout(mode, number(RolloutField.PARALLELISM, mode, parallelism, before.parallelism(), "Parallelism"),
                number(RolloutField.BATCH_SIZE, mode, batchSize, before.batchSize(), "Batch size"),
                number(RolloutField.PAUSE, mode, pause, before.pauseSeconds(), "Pause between batches"), Rollout.onFailure(onFailure));
    }

    private static int number(RolloutField field, Rollout.Mode mode, String text, int before, String name) {
        if (field.usedBy(mode)) {
            return number(text, name);
        }
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return field.accepts(value) ? value : before;
        } catch (NumberFormatException e) {
            return before;
        }
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new StageboardException(field + " must be a whole number, not '" + text + "'.");
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
