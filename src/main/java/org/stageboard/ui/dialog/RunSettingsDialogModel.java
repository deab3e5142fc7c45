package org.stageboard.ui.dialog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.core.Checks;
import org.stageboard.core.Environment;
import org.stageboard.core.Processes;
import org.stageboard.core.Rollout;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.ui.FieldChecks;

/**
 * The Run settings dialog without its window: an environment's run settings and rollout as the
 * text of each field, each checked as typed with a message that names the field, says what is
 * wrong and what to type instead (a scale {@code web=two}, a timeout {@code abc}, a shared path
 * {@code ../up}); Save is disabled with the first problem shown until there is none. Saving sends
 * the typed settings ({@link #typed()}) to the engine: the run settings and the rollout, each only
 * when it changed.
 *
 * <p>The rollout's number fields follow the rollout mode ({@link RolloutField}): a field the chosen
 * mode does not use is not editable ({@link #used}), says which mode uses it ({@link #note}), its
 * check never stops Save, and its text stays as typed for when the mode is switched back (it is
 * saved only when valid). {@link #rolloutSentence()} says in words what the rollout will do with the
 * values typed and, when known, the environment's number of hosts.
 */
public final class RunSettingsDialogModel {

    /** The rollout modes and failure policies the dialog offers, in the words the CLI uses. */
    public static final List<String> ROLLOUT_MODES = List.of("parallel", "rolling");
    public static final List<String> ON_FAILURE = List.of("roll-back", "stay");

    private final SetupViewModel setup;
    private final Environment environment;
    private final StringProperty start;
    private final StringProperty processes;
    private final StringProperty scale;
    private final StringProperty supervision;
    private final StringProperty shared;
    private final StringProperty health;
    private final StringProperty healthTimeout;
    private final StringProperty releaseCommand;
    private final StringProperty beforeSwitch;
    private final StringProperty afterSwitch;
    private final StringProperty keep;
    private final StringProperty rolloutMode;
    private final StringProperty parallelism;
    private final StringProperty batchSize;
    private final StringProperty pause;
    private final StringProperty onFailure;
    private final StringBinding reason;
    private final OptionalInt hostCount;
    private final Map<RolloutField, BooleanBinding> used = new EnumMap<>(RolloutField.class);
    private final Map<RolloutField, StringBinding> notes = new EnumMap<>(RolloutField.class);
    private final StringBinding rolloutSentence;

    /** The dialog's state for an environment whose number of hosts is not known here. */
    public RunSettingsDialogModel(SetupViewModel setup, Environment environment) {
        this(setup, environment, OptionalInt.empty());
    }

    /** @param hostCount how many hosts the environment deploys to, when the caller knows (the rollout sentence uses it) */
    public RunSettingsDialogModel(SetupViewModel setup, Environment environment, OptionalInt hostCount) {
        this.setup = setup;
        this.environment = environment;
        this.hostCount = hostCount;
        RunSettingsForm now = RunSettingsForm.of(environment);
        start = text("start", now.start());
        processes = text("processes", now.processes());
        scale = text("scale", now.scale());
        supervision = text("supervision", now.supervision());
        shared = text("shared", now.shared());
        health = text("health", now.health());
        healthTimeout = text("healthTimeout", now.healthTimeout());
        releaseCommand = text("releaseCommand", now.releaseCommand());
        beforeSwitch = text("beforeSwitch", now.beforeSwitch());
        afterSwitch = text("afterSwitch", now.afterSwitch());
        keep = text("keep", now.keep());
        rolloutMode = text("rolloutMode", now.rolloutMode());
        parallelism = text("parallelism", now.parallelism());
        batchSize = text("batchSize", now.batchSize());
        pause = text("pause", now.pause());
        onFailure = text("onFailure", now.onFailure());
        reason = Bindings.createStringBinding(() -> problem().orElse(""), start, processes, scale, supervision, shared, health,
                healthTimeout, releaseCommand, beforeSwitch, afterSwitch, keep, rolloutMode, parallelism, batchSize, pause, onFailure);
        for (RolloutField field : RolloutField.values()) {
            BooleanBinding isUsed = Bindings.createBooleanBinding(() -> field.usedBy(mode()), rolloutMode);
            used.put(field, isUsed);
            notes.put(field, Bindings.createStringBinding(() -> isUsed.get() ? field.unit() : field.unusedNote(), isUsed));
        }
        rolloutSentence = Bindings.createStringBinding(this::describeRollout, rolloutMode, parallelism, batchSize, pause, onFailure);
    }

    private StringProperty text(String name, String value) {
        return new SimpleStringProperty(this, name, value);
    }

    public Environment environment() {
        return environment;
    }

    /** The supervision choices, in the order the dialog offers them. */
    public List<String> supervisions() {
        return RunSettingsForm.supervisions();
    }

    public StringProperty startProperty() {
        return start;
    }

    public StringProperty processesProperty() {
        return processes;
    }

    public StringProperty scaleProperty() {
        return scale;
    }

    public StringProperty supervisionProperty() {
        return supervision;
    }

    public StringProperty sharedProperty() {
        return shared;
    }

    public StringProperty healthProperty() {
        return health;
    }

    public StringProperty healthTimeoutProperty() {
        return healthTimeout;
    }

    public StringProperty releaseCommandProperty() {
        return releaseCommand;
    }

    public StringProperty beforeSwitchProperty() {
        return beforeSwitch;
    }

    public StringProperty afterSwitchProperty() {
        return afterSwitch;
    }

    public StringProperty keepProperty() {
        return keep;
    }

    public StringProperty rolloutModeProperty() {
        return rolloutMode;
    }

    public StringProperty parallelismProperty() {
        return parallelism;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty pauseProperty() {
        return pause;
    }

    public StringProperty onFailureProperty() {
        return onFailure;
    }

    /** How many hosts the environment deploys to, when known. */
    public OptionalInt hostCount() {
        return hostCount;
    }

    /** The rollout mode chosen; parallel when the text names none (the engine's default). */
    public Rollout.Mode mode() {
        try {
            return Rollout.mode(FieldChecks.text(rolloutMode.get()));
        } catch (StageboardException e) {
            return Rollout.Mode.PARALLEL;
        }
    }

    /** The text of a rollout number field: {@link #parallelismProperty()}, {@link #batchSizeProperty()} or {@link #pauseProperty()}. */
    public StringProperty property(RolloutField field) {
        return switch (field) {
            case PARALLELISM -> parallelism;
            case BATCH_SIZE -> batchSize;
            case PAUSE -> pause;
        };
    }

    /** True while the chosen rollout mode uses this field: the field is editable and checked only then. */
    public BooleanBinding used(RolloutField field) {
        return used.get(field);
    }

    /** Beside the field: what it counts while the mode uses it, else which mode does (e.g. "used by rolling rollouts only"). */
    public StringBinding note(RolloutField field) {
        return notes.get(field);
    }

    /** What the rollout will do with the values typed, in one sentence (see {@link RolloutSentence}). */
    public StringBinding rolloutSentence() {
        return rolloutSentence;
    }

    /** Why the settings cannot be saved yet (the first field's problem, in the dialog's order), or "". */
    public StringBinding reason() {
        return reason;
    }

    // --- the checks of each field as typed: empty, or what is wrong and what to type ---------------------

    /** The start command may be empty only when the processes are listed. */
    public Optional<String> startProblem(String value) {
        return FieldChecks.text(value).isEmpty() && FieldChecks.text(processes.get()).isEmpty()
                ? Optional.of("Start command: give the command that starts the app, e.g. java -jar app.jar, or list the processes "
                        + "(one per line, e.g. web: ./serve).")
                : Optional.empty();
    }

    public Optional<String> processesProblem(String value) {
        List<String> lines = value == null ? List.of() : value.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#") && line.indexOf(':') <= 0) {
                return Optional.of("Processes, line " + (i + 1) + ": '" + line + "' is not 'name: command': write one process per line, "
                        + "e.g. web: ./serve.");
            }
        }
        return FieldChecks.problem(() -> Processes.parseProcfile(value, "Processes"));
    }

    /** A scale such as {@code web=2,worker=1}; the types it names must be in the process list when there is one. */
    public Optional<String> scaleProblem(String value) {
        Map<String, Integer> counts;
        try {
            counts = Processes.parseScale(value);
        } catch (StageboardException e) {
            return Optional.of("Scale: " + lower(e.getMessage()));
        }
        if (processesProblem(processes.get()).isPresent()) {
            return Optional.empty();
        }
        return FieldChecks.problem(() -> new Processes(processes.get(), counts));
    }

    public Optional<String> sharedProblem(String value) {
        for (String path : paths(value)) {
            Optional<String> problem = FieldChecks.problem(() -> {
                RunSettings.checkShared(path);
                return path;
            });
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    public Optional<String> healthProblem(String value) {
        return FieldChecks.problem(() -> Checks.healthUrl(value));
    }

    public Optional<String> healthTimeoutProblem(String value) {
        return count(value, 1, Integer.MAX_VALUE, "The health timeout", "of seconds",
                "how long the app may take to answer its health check, e.g. 60");
    }

    public Optional<String> keepProblem(String value) {
        return count(value, 1, Integer.MAX_VALUE, "Releases kept", "", "how many releases each host keeps besides the current one and the rollback target, e.g. 5");
    }

    public Optional<String> parallelismProblem(String value) {
        RolloutField f = RolloutField.PARALLELISM;
        return count(value, f.min(), f.max(), "Parallelism", "of hosts", "how many hosts a parallel deploy does at a time, 1-64, e.g. 5");
    }

    public Optional<String> batchSizeProblem(String value) {
        RolloutField f = RolloutField.BATCH_SIZE;
        return count(value, f.min(), f.max(), "The batch size", "of hosts", "how many hosts each batch of a rolling deploy has, 1-64, e.g. 1");
    }

    public Optional<String> pauseProblem(String value) {
        RolloutField f = RolloutField.PAUSE;
        return count(value, f.min(), f.max(), "The pause", "of seconds", "how long a rolling deploy waits between batches, 0-3600, e.g. 30");
    }

    /** The field's check while the chosen mode uses it; nothing when it does not (the field is then not editable and not saved unless valid). */
    public Optional<String> rolloutProblem(RolloutField field, String value) {
        if (!field.usedBy(mode())) {
            return Optional.empty();
        }
        return switch (field) {
            case PARALLELISM -> parallelismProblem(value);
            case BATCH_SIZE -> batchSizeProblem(value);
            case PAUSE -> pauseProblem(value);
        };
    }

    /** The first problem, in the order the dialog shows the fields, then whatever the engine's records refuse of the whole. */
    public Optional<String> problem() {
        return FieldChecks.first(() -> startProblem(start.get()), () -> processesProblem(processes.get()),
                () -> scaleProblem(scale.get()), () -> healthProblem(health.get()), () -> healthTimeoutProblem(healthTimeout.get()),
                () -> sharedProblem(shared.get()), () -> keepProblem(keep.get()),
                () -> rolloutProblem(RolloutField.PARALLELISM, parallelism.get()),
                () -> rolloutProblem(RolloutField.BATCH_SIZE, batchSize.get()), () -> rolloutProblem(RolloutField.PAUSE, pause.get()),
                () -> FieldChecks.problem(() -> typed().runSettings(environment.run())), () -> FieldChecks.problem(this::rollout));
    }

    /** The rollout Save sends: as typed, a field the mode does not use kept as saved unless typed valid ({@link RunSettingsForm#rollout(Rollout)}). */
    public Rollout rollout() {
        return typed().rollout(environment.rollout());
    }

    /** The fields as typed, the values sent to the engine. */
    public RunSettingsForm typed() {
        return new RunSettingsForm(start.get(), health.get(), healthTimeout.get(), processes.get(), scale.get(), supervision.get(),
                shared.get(), releaseCommand.get(), beforeSwitch.get(), afterSwitch.get(), keep.get(), rolloutMode.get(),
                parallelism.get(), batchSize.get(), pause.get(), onFailure.get());
    }

    /**
     * Saves the run settings and the rollout typed (blocking: run it in the background); both are
     * checked before either is saved. Throws the first problem, or the engine's message.
     */
    public Environment save() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        return setup.updateRunSettings(environment, typed());
    }

    private String describeRollout() {
        Rollout.Mode mode = mode();
        for (RolloutField field : RolloutField.values()) {
            if (rolloutProblem(field, property(field).get()).isPresent()) {
                return RolloutSentence.incomplete(mode, field.words());
            }
        }
        try {
            return RolloutSentence.of(rollout(), hostCount);
        } catch (StageboardException e) {
            return "";
        }
    }

    private static Optional<String> count(String value, int min, int max, String field, String unit, String what) {
        String v = FieldChecks.text(value);
        String kind = unit.isEmpty() ? "a whole number" : "a whole number " + unit;
        if (v.isEmpty()) {
            return Optional.of(field + " is empty: give " + what + ".");
        }
        int number;
        try {
            number = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return Optional.of(field + " '" + v + "' is not " + kind + ": give " + what + ".");
        }
        if (number < min || number > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            return Optional.of(field + " must be " + range + ", not " + number + ": give " + what + ".");
        }
        return Optional.empty();
    }

    private static List<String> paths(String value) {
        String v = FieldChecks.text(value);
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }

    /** "The count in …" → "the count in …", so that it reads after "Scale: ". */
    private static String lower(String message) {
        return message.length() > 1 && Character.isUpperCase(message.charAt(0)) && Character.isLowerCase(message.charAt(1))
                ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }
}
