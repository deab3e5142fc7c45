package org.stageboard.ui;

import java.util.function.Supplier;
import javafx.stage.Window;
import org.stageboard.core.Run;
import org.stageboard.ui.board.HostSlot;
import org.stageboard.ui.dialog.Confirm;
import org.stageboard.ui.task.LogWindow;
import org.stageboard.ui.task.UiTask;

/** The actions on one host of one environment, each of which looks at the host before asking the user. */
final class HostActions {

    private final MainViewModel model;
    private final Supplier<Window> window;
    private final KeyUnlock keys;

    HostActions(MainViewModel model, Supplier<Window> window, KeyUnlock keys) {
        this.model = model;
        this.window = window;
        this.keys = keys;
    }

    /** Reads the lock from the host, shows who holds it and why it looks stale, and breaks it on OK. */
    void breakLock(HostSlot slot) {
        model.hosts().readLock(slot, lock -> {
            String where = slot.environment().name() + " on " + slot.host().name();
            if (Confirm.ask(window.get(), "Break lock", "Break the lock of " + where + "?",
                    model.hosts().lockText(slot, lock), "Break lock", "confirmBreakLock")) {
                model.hosts().breakLock(slot, lock.holder(), model::readHosts);
            }
        });
    }

    /** Rolls back the environment of a run's host. */
    void rollback(Run run) {
        model.slotOf(run).ifPresent(this::rollback);
    }

    /** Reads which release a rollback would activate; shows it and rolls back on OK, or says why it cannot. */
    void rollback(HostSlot slot) {
        keys.then(slot.host(), () -> rollbackUnlocked(slot));
    }

    private void rollbackUnlocked(HostSlot slot) {
        String where = slot.environment().name() + " on " + slot.host().name();
        model.notify(Notice.info("Reading the ledger of " + slot.host().name() + ": which release would a rollback activate?"));
        model.hosts().rollbackChoice(slot.environment(), slot.host(), choice -> {
            model.dismissNotice();
            if (!choice.possible()) {
                Confirm.tell(window.get(), "Roll back", "Nothing to roll back to on " + slot.host().name(), choice.explanation(),
                        "rollbackExplained");
                return;
            }
            if (Confirm.ask(window.get(), "Roll back", "Roll back " + where + " to " + choice.target().label() + "?",
                    choice.explanation(), "Roll back", "confirmRollback")) {
                model.rollback(slot.environment(), slot.host(), choice.target());
            }
        });
    }

    void stop(HostSlot slot) {
        String where = slot.environment().name() + " on " + slot.host().name();
        if (Confirm.ask(window.get(), "Stop", "Stop the app of " + where + "?", "Every process of the release that runs there is stopped, "
                + "and stays stopped (its supervisor does not bring it back) until Start, Restart or a deploy. The host serves nothing meanwhile.",
                "Stop", "confirmStop")) {
            keys.then(slot.host(), () -> model.operations().stop(slot));
        }
    }

    void start(HostSlot slot) {
        keys.then(slot.host(), () -> model.operations().start(slot));
    }

    void restart(HostSlot slot) {
        String where = slot.environment().name() + " on " + slot.host().name();
        if (Confirm.ask(window.get(), "Restart", "Restart " + where + "?", "The release that runs there is stopped, started again with "
                + "its own settings and config, and checked for health. No new release is made.", "Restart", "confirmRestart")) {
            keys.then(slot.host(), () -> model.operations().restart(slot));
        }
    }

    /** Asks for a command, runs it in the current release, and shows its output as it comes. */
    void exec(HostSlot slot) {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog();
        ask.initOwner(window.get());
        ask.setTitle("Run a command");
        ask.setHeaderText("Run a one-off command on " + slot.host().name() + " in the release that runs there, with its config");
        ask.setContentText("Command:");
        ask.getEditor().setId("execCommand");
        ask.getEditor().setPrefColumnCount(40);
        ask.showAndWait().map(String::strip).filter(command -> !command.isEmpty())
                .ifPresent(command -> keys.then(slot.host(), () -> LogWindow.follow(window.get(), model.operations().exec(slot, command))));
    }

    /** A log view that follows the app's logs on the host; closing it stops following. */
    void logs(HostSlot slot) {
        keys.then(slot.host(), () -> {
            UiTask task = model.operations().followLogs(slot);
            LogWindow.follow(window.get(), task).onClose(task::cancel);
        });
    }
}
