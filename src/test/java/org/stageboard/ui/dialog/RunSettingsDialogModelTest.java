package org.stageboard.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Environment;
import org.stageboard.core.Hooks;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Rollout;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.core.Supervision;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/**
 * The Run settings dialog's view model without JavaFX running, on a real catalog: the fields show
 * the environment's settings; each field is checked as typed with a message that names it, says
 * what is wrong and what to type; the reason Save is disabled is the first problem in the dialog's
 * order; saving sends exactly the typed settings and rollout to the engine, and nothing while a
 * field is wrong. The rollout's number fields follow the mode (parallelism for parallel, batch size
 * and pause for rolling, as pipeline.Rollouts uses them): one the mode does not use is not editable,
 * says which mode uses it, never blocks Save and keeps what was typed; a sentence says what the
 * rollout will do with the environment's hosts.
 */
class RunSettingsDialogModelTest {

    @TempDir
    Path tmp;

    private Stageboard engine;
    private Project project;
    private Environment staging;
    private RunSettingsDialogModel model;

    @BeforeEach
    void open() {
        engine = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        try (GitFixture git = GitFixture.init(tmp.resolve("repo"))) {
            git.write("a", "a").commit("a");
        }
        project = engine.addProject("shop", tmp.resolve("repo"), null, new Recipe("true", List.of("a")));
        staging = engine.addEnvironment(project, "staging", RunSettings.of("./serve", "http://127.0.0.1:8080/health"));
        model = new RunSettingsDialogModel(new SetupViewModel(engine), staging);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theFieldsShowTheEnvironmentsSettingsAndNeedNothingToBeSaved() {
        assertThat(model.startProperty().get()).isEqualTo("./serve");
        assertThat(model.healthProperty().get()).isEqualTo("http://127.0.0.1:8080/health");
        assertThat(model.healthTimeoutProperty().get()).isEqualTo("60");
        assertThat(model.keepProperty().get()).isEqualTo("5");
        assertThat(model.supervisionProperty().get()).isEqualTo("process");
        assertThat(model.rolloutModeProperty().get()).isEqualTo("parallel");
        assertThat(model.onFailureProperty().get()).isEqualTo("roll-back");
        assertThat(model.supervisions()).containsExactly("process", "process+cron", "systemd-user", "systemd-system");
        assertThat(model.reason().get()).isEmpty();
    }

    @Test
    void eachFieldSaysWhatIsWrongAndWhatToType() {
        assertThat(model.scaleProblem("web=two")).hasValue("Scale: the count in 'web=two' is not a number: write TYPE=COUNT, e.g. web=2.");
        assertThat(model.scaleProblem("web")).hasValue("Scale: 'web' is not a count: write TYPE=COUNT, e.g. web=2,worker=1.");
        assertThat(model.scaleProblem("web=99")).get().asString().contains("'web'").contains("between 0 and 32, not 99");
        assertThat(model.scaleProblem("web=2, worker=1")).isEmpty();
        assertThat(model.healthTimeoutProblem("abc")).hasValue("The health timeout 'abc' is not a whole number of seconds: "
                + "give how long the app may take to answer its health check, e.g. 60.");
        assertThat(model.healthTimeoutProblem("0")).get().asString().startsWith("The health timeout must be at least 1, not 0:");
        assertThat(model.healthTimeoutProblem(" ")).get().asString().startsWith("The health timeout is empty: give how long");
        assertThat(model.healthTimeoutProblem(" 30 ")).isEmpty();
        assertThat(model.processesProblem("web ./serve")).hasValue(
                "Processes, line 1: 'web ./serve' is not 'name: command': write one process per line, e.g. web: ./serve.");
        assertThat(model.processesProblem("web: ./serve\nWeb Server: x")).get().asString()
                .startsWith("Processes, line 2: The process type 'Web Server' is not a valid name");
        assertThat(model.processesProblem("web: ./a\nweb: ./b")).get().asString().contains("line 2").contains("given twice");
        assertThat(model.processesProblem("# a comment\n\nweb: ./serve\nworker: ./work")).isEmpty();
        assertThat(model.sharedProblem("storage/ ../up")).get().asString().startsWith("The shared path '../up' cannot be used: give a path inside");
        assertThat(model.sharedProblem("storage/ db/app.sqlite")).isEmpty();
        assertThat(model.healthProblem("localhost:8080")).get().asString().contains("'localhost:8080'").contains("e.g. 'http://127.0.0.1:8080/health'");
        assertThat(model.healthProblem("")).get().asString().startsWith("Give a health check, e.g.");
        assertThat(model.healthProblem("command:./check.sh")).isEmpty();
        assertThat(model.keepProblem("0")).get().asString().startsWith("Releases kept must be at least 1, not 0:");
        assertThat(model.parallelismProblem("65")).get().asString().startsWith("Parallelism must be between 1 and 64, not 65:");
        assertThat(model.batchSizeProblem("two")).get().asString().startsWith("The batch size 'two' is not a whole number of hosts:");
        assertThat(model.pauseProblem("-1")).get().asString().startsWith("The pause must be between 0 and 3600, not -1:");
        assertThat(model.pauseProblem("0")).isEmpty();
    }

    @Test
    void fieldsAreCheckedAgainstEachOther() {
        model.startProperty().set(" ");
        assertThat(model.reason().get()).startsWith("Start command: give the command that starts the app");
        model.processesProperty().set("web: ./serve");
        assertThat(model.startProblem("")).as("the processes are listed").isEmpty();
        model.scaleProperty().set("web=2,worker=1");
        assertThat(model.reason().get()).isEqualTo("The scale names 'worker', but the process list has web: "
                + "remove 'worker' from the scale or add it to the processes.");
        model.processesProperty().set("web: ./serve\nworker: ./work");
        assertThat(model.reason().get()).isEmpty();
    }

    @Test
    void theReasonIsTheFirstProblemInTheDialogsOrderAndNothingIsSavedWhileThereIsOne() {
        model.scaleProperty().set("web=two");
        model.healthTimeoutProperty().set("abc");
        model.rolloutModeProperty().set("rolling"); // the pause is checked only when the rollout uses it
        model.pauseProperty().set("9999");
        assertThat(model.reason().get()).startsWith("Scale: the count in 'web=two'");
        model.scaleProperty().set("web=2");
        assertThat(model.reason().get()).startsWith("The health timeout 'abc'");
        model.healthTimeoutProperty().set("30");
        assertThat(model.reason().get()).startsWith("The pause must be between 0 and 3600, not 9999");

        assertThatThrownBy(model::save).isInstanceOf(StageboardException.class).hasMessageStartingWith("The pause must be");
        Environment stored = engine.environment(project, "staging");
        assertThat(stored.run()).isEqualTo(staging.run());
        assertThat(stored.rollout()).isEqualTo(staging.rollout());
    }

    @Test
    void savingSendsTheTypedSettingsAndRolloutToTheEngine() {
        model.startProperty().set("");
        model.processesProperty().set("web: ./serve\nworker: ./work");
        model.scaleProperty().set("web=2");
        model.supervisionProperty().set("process+cron");
        model.sharedProperty().set("storage/  db/app.sqlite");
        model.healthProperty().set("tcp://127.0.0.1:5432");
        model.healthTimeoutProperty().set(" 30");
        model.releaseCommandProperty().set("./migrate");
        model.afterSwitchProperty().set("./warm-up");
        model.keepProperty().set("3");
        model.rolloutModeProperty().set("rolling");
        model.batchSizeProperty().set("2");
        model.pauseProperty().set("10");
        model.onFailureProperty().set("stay");
        assertThat(model.reason().get()).isEmpty();

        Environment saved = model.save();

        RunSettings run = engine.environment(project, "staging").run();
        assertThat(run.startCommand()).isEmpty();
        assertThat(run.processes().procfile()).isEqualTo("web: ./serve\nworker: ./work");
        assertThat(run.processes().scale()).containsExactly(java.util.Map.entry("web", 2));
        assertThat(run.supervision()).isEqualTo(Supervision.PROCESS_CRON);
        assertThat(run.shared()).containsExactly("storage/", "db/app.sqlite");
        assertThat(run.healthUrl()).isEqualTo("tcp://127.0.0.1:5432");
        assertThat(run.healthTimeoutSeconds()).isEqualTo(30);
        assertThat(run.hooks()).isEqualTo(new Hooks("./migrate", null, "./warm-up"));
        assertThat(run.keepReleases()).isEqualTo(3);
        assertThat(run.stopGraceSeconds()).as("not in the dialog: kept").isEqualTo(staging.run().stopGraceSeconds());
        assertThat(engine.environment(project, "staging").rollout()).isEqualTo(new Rollout(Rollout.Mode.ROLLING, 5, 2, 10, Rollout.OnFailure.STAY));
        assertThat(saved.rollout()).isEqualTo(new Rollout(Rollout.Mode.ROLLING, 5, 2, 10, Rollout.OnFailure.STAY));

        RunSettingsDialogModel again = new RunSettingsDialogModel(new SetupViewModel(engine), saved);
        assertThat(again.typed()).as("read back as the dialog shows it").isEqualTo(new RunSettingsForm("", "tcp://127.0.0.1:5432", "30",
                "web: ./serve\nworker: ./work", "web=2", "process+cron", "storage/ db/app.sqlite", "./migrate", "", "./warm-up", "3",
                "rolling", "5", "2", "10", "stay"));
        assertThat(again.reason().get()).isEmpty();
    }

    @Test
    void eachRolloutFieldIsEditableOnlyInTheModeThatUsesIt() {
        assertThat(model.mode()).isEqualTo(Rollout.Mode.PARALLEL);
        assertThat(model.used(RolloutField.PARALLELISM).get()).isTrue();
        assertThat(model.used(RolloutField.BATCH_SIZE).get()).isFalse();
        assertThat(model.used(RolloutField.PAUSE).get()).isFalse();
        assertThat(model.note(RolloutField.PARALLELISM).get()).isEqualTo("hosts at a time");
        assertThat(model.note(RolloutField.BATCH_SIZE).get()).isEqualTo("used by rolling rollouts only");
        assertThat(model.note(RolloutField.PAUSE).get()).isEqualTo("used by rolling rollouts only");

        model.rolloutModeProperty().set("rolling");
        assertThat(model.used(RolloutField.PARALLELISM).get()).isFalse();
        assertThat(model.used(RolloutField.BATCH_SIZE).get()).isTrue();
        assertThat(model.used(RolloutField.PAUSE).get()).isTrue();
        assertThat(model.note(RolloutField.PARALLELISM).get()).isEqualTo("used by parallel rollouts only");
        assertThat(model.note(RolloutField.BATCH_SIZE).get()).isEqualTo("hosts per batch");
        assertThat(model.note(RolloutField.PAUSE).get()).isEqualTo("seconds between batches");
    }

    @Test
    void aFieldTheModeDoesNotUseNeverBlocksSaveAndIsSavedOnlyWhenValid() {
        model.batchSizeProperty().set("two");
        model.pauseProperty().set("9999");
        model.parallelismProperty().set("3");
        assertThat(model.rolloutProblem(RolloutField.BATCH_SIZE, "two")).as("not used by a parallel rollout").isEmpty();
        assertThat(model.batchSizeProblem("two")).as("the check itself still says what is wrong").isPresent();
        assertThat(model.reason().get()).isEmpty();

        Environment saved = model.save();
        assertThat(saved.rollout()).as("parallelism as typed; batch size and pause as they were")
                .isEqualTo(new Rollout(Rollout.Mode.PARALLEL, 3, staging.rollout().batchSize(), staging.rollout().pauseSeconds(),
                        Rollout.OnFailure.ROLL_BACK));
        assertThat(engine.environment(project, "staging").rollout()).isEqualTo(saved.rollout());

        model.rolloutModeProperty().set("rolling");
        assertThat(model.reason().get()).as("used now: checked").startsWith("The batch size 'two' is not a whole number of hosts:");
        model.batchSizeProperty().set("4");
        assertThat(model.reason().get()).startsWith("The pause must be between 0 and 3600, not 9999:");
        model.pauseProperty().set("15");
        model.parallelismProperty().set("0");
        assertThat(model.reason().get()).as("parallelism is not used by a rolling rollout").isEmpty();
        model.rolloutModeProperty().set("parallel");
        assertThat(model.reason().get()).startsWith("Parallelism must be between 1 and 64, not 0:");
        model.parallelismProperty().set("6");
        assertThat(model.save().rollout()).as("a valid batch size and pause typed for rolling are kept for it")
                .isEqualTo(new Rollout(Rollout.Mode.PARALLEL, 6, 4, 15, Rollout.OnFailure.ROLL_BACK));
    }

    @Test
    void typedValuesSurviveSwitchingTheModeBackAndForth() {
        model.parallelismProperty().set("7");
        model.rolloutModeProperty().set("rolling");
        model.batchSizeProperty().set("2");
        model.pauseProperty().set("30");
        model.rolloutModeProperty().set("parallel");
        assertThat(model.parallelismProperty().get()).isEqualTo("7");
        model.rolloutModeProperty().set("rolling");
        model.rolloutModeProperty().set("parallel");
        model.rolloutModeProperty().set("rolling");
        assertThat(model.parallelismProperty().get()).isEqualTo("7");
        assertThat(model.batchSizeProperty().get()).isEqualTo("2");
        assertThat(model.pauseProperty().get()).isEqualTo("30");
        assertThat(model.save().rollout()).isEqualTo(new Rollout(Rollout.Mode.ROLLING, 7, 2, 30, Rollout.OnFailure.ROLL_BACK));
    }

    @Test
    void aSentenceSaysWhatTheRolloutWillDoWithTheEnvironmentsHosts() {
        RunSettingsDialogModel five = new RunSettingsDialogModel(new SetupViewModel(engine), staging, OptionalInt.of(5));
        assertThat(five.hostCount()).hasValue(5);
        assertThat(five.rolloutSentence().get())
                .isEqualTo("Parallel: all 5 hosts at once; stops at the first failure and rolls back the hosts it switched.");
        five.parallelismProperty().set("2");
        assertThat(five.rolloutSentence().get()).startsWith("Parallel: 5 hosts, up to 2 at a time; ");
        five.rolloutModeProperty().set("rolling");
        five.batchSizeProperty().set("2");
        five.pauseProperty().set("30");
        five.onFailureProperty().set("stay");
        assertThat(five.rolloutSentence().get()).isEqualTo("Rolling: 5 hosts in 3 batches of up to 2, 30 s pause between batches; "
                + "stops at the first failure; the hosts it switched stay on the new release.");
        five.batchSizeProperty().set("5");
        assertThat(five.rolloutSentence().get()).as("one batch: the pause is never used").startsWith("Rolling: all 5 hosts in one batch, so no pause; ");
        five.batchSizeProperty().set("two");
        assertThat(five.rolloutSentence().get()).isEqualTo("Rolling: give a valid batch size to see what it will do.");

        model.rolloutModeProperty().set("rolling");
        model.batchSizeProperty().set("2");
        model.pauseProperty().set("30");
        assertThat(model.hostCount()).as("not told").isEmpty();
        assertThat(model.rolloutSentence().get()).isEqualTo("Rolling: 2 hosts at a time, 30 s pause between batches; "
                + "stops at the first failure and rolls back the hosts it switched.");
        model.pauseProperty().set("0");
        assertThat(model.rolloutSentence().get()).startsWith("Rolling: 2 hosts at a time, no pause between batches; ");

        RunSettingsDialogModel none = new RunSettingsDialogModel(new SetupViewModel(engine), staging, OptionalInt.of(0));
        assertThat(none.rolloutSentence().get()).startsWith("Parallel: up to 5 hosts at a time, once hosts are attached (none yet); ");
    }
}
