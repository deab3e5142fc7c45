package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.stageboard.core.Environment;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Edits how an environment's next releases run (processes and scale, supervision, shared paths,
 * release command and hooks, health) and how a deploy goes over its hosts.
 */
public final class RunSettingsDialog {

    private RunSettingsDialog() {
    }

    public static Optional<Environment> show(Window owner, Environment environment, SetupViewModel setup, TaskExecutor executor) {
        RunSettingsForm now = RunSettingsForm.of(environment);
        FormDialog<Environment> form = new FormDialog<>(owner, "Run settings of " + environment.name(),
                "How " + environment.name() + "'s next releases run on its hosts. Releases made before keep their settings.", "Save");
        TextField start = form.field("Start command", "runStart", now.start(), "the web process, e.g. java -jar app.jar");
        TextArea processes = new TextArea(now.processes());
        processes.setId("runProcesses");
        processes.setPromptText("empty: the artifact's Procfile, else the start command as web\nor one per line, e.g.\nweb: ./serve\nworker: ./work");
        processes.setPrefRowCount(3);
        form.row("Processes", processes);
        TextField scale = form.field("Scale", "runScale", now.scale(), "instances per host, e.g. web=2,worker=1 (empty: one each)");
        ComboBox<String> supervision = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(RunSettingsForm.supervisions()));
        supervision.setId("runSupervision");
        supervision.setValue(now.supervision());
        form.row("Supervision", supervision);
        TextField shared = form.field("Shared paths", "runShared", now.shared(), "kept in shared/ across releases, e.g. storage/ db/app.sqlite");
        TextField health = form.field("Health check", "runHealth", now.health(), "http://127.0.0.1:8080/health, tcp://… or command:…");
        TextField timeout = form.field("Health timeout (s)", "runTimeout", now.healthTimeout(), "seconds");
        TextField release = form.field("Release command", "runReleaseCommand", now.releaseCommand(), "once per release before any switch, e.g. migrations");
        TextField before = form.field("Before switch", "runBeforeSwitch", now.beforeSwitch(), "on each host, in the new release");
        TextField after = form.field("After switch", "runAfterSwitch", now.afterSwitch(), "on each host once healthy (failure puts it back)");
        TextField keep = form.field("Releases kept", "runKeep", now.keep(), "per host, besides current and the rollback target");
        ComboBox<String> mode = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("parallel", "rolling"));
        mode.setId("runRolloutMode");
        mode.setValue(now.rolloutMode());
        form.row("Rollout", mode);
        TextField parallelism = form.field("Parallelism", "runParallelism", now.parallelism(), "hosts at a time (parallel)");
        TextField batch = form.field("Batch size", "runBatch", now.batchSize(), "hosts per batch (rolling)");
        TextField pause = form.field("Pause (s)", "runPause", now.pause(), "between batches (rolling)");
        ComboBox<String> onFailure = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("roll-back", "stay"));
        onFailure.setId("runOnFailure");
        onFailure.setValue(now.onFailure());
        form.row("On failure", onFailure);
        form.note("Supervision: process restarts a crashed process with back-off (survives crashes); process+cron also starts it "
                + "after a reboot; systemd-user and systemd-system survive crashes and reboots. Shared paths are linked into every "
                + "release; data a running release keeps in its own folder is not moved (the deploy plan says so).");
        return form.showAndWait(executor, () -> {
            RunSettingsForm typed = new RunSettingsForm(start.getText(), health.getText(), timeout.getText(), processes.getText(),
                    scale.getText(), supervision.getValue(), shared.getText(), release.getText(), before.getText(), after.getText(),
                    keep.getText(), mode.getValue(), parallelism.getText(), batch.getText(), pause.getText(), onFailure.getValue());
            return () -> setup.updateRunSettings(environment, typed);
        });
    }
}
