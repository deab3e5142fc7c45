package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.ui.ErrorText;
import org.stageboard.ui.task.TaskExecutor;

/**
 * Shows the key a host presents and pins it only on an explicit "Trust this key" click. A key
 * that differs from the pinned one is shown as a warning.
 */
public final class TrustHostKeyDialog {

    private TrustHostKeyDialog() {
    }

    public static Optional<Host> show(Window owner, Host host, SetupViewModel setup, TaskExecutor executor) {
        FormDialog<Host> form = new FormDialog<>(owner, "Trust host key",
                "Host key of " + host.name() + " (" + host.display() + ")", "Trust this key");
        form.confirmButton().setId("trustKeyButton");
        form.confirmButton().setDisable(true);
        Label type = new Label("…");
        Label fingerprint = new Label("asking the host for its key…");
        fingerprint.setId("hostFingerprint");
        fingerprint.getStyleClass().add("fingerprint");
        Label pinned = new Label(host.hostKeyFingerprint() == null ? "none yet" : host.hostKeyFingerprint());
        form.row("Key type", type);
        form.row("Fingerprint", fingerprint);
        form.row("Pinned", pinned);
        Label verdict = form.note("");
        verdict.setId("hostKeyVerdict");
        HostKeyCheck[] seen = new HostKeyCheck[1];
        executor.call(() -> setup.checkHostKey(host), check -> {
            seen[0] = check;
            type.setText(check.keyType());
            fingerprint.setText(check.fingerprint());
            pinned.setText(check.pinnedFingerprint() == null ? "none yet" : check.pinnedFingerprint());
            verdict.getStyleClass().removeAll("form-warning", "form-ok");
            switch (check.status()) {
                case TRUSTED -> {
                    verdict.setText("This key is already trusted: deploys to " + host.name() + " can go ahead.");
                    verdict.getStyleClass().add("form-ok");
                }
                case UNKNOWN -> verdict.setText("First connection to " + host.name()
                        + ". Compare the fingerprint with the one the host's administrator gives you "
                        + "(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before you trust it.");
                case CHANGED -> {
                    verdict.setText("WARNING: the host's key has CHANGED since you trusted it. Someone may be "
                            + "intercepting the connection, or the host was reinstalled. Trust the new key only if "
                            + "its administrator confirms this fingerprint.");
                    verdict.getStyleClass().add("form-warning");
                }
            }
            form.confirmButton().setDisable(check.status() == HostKeyCheck.Status.TRUSTED);
            form.fit();
        }, failure -> {
            fingerprint.setText("—");
            form.showError(ErrorText.of(failure));
        });
        return form.showAndWait(executor, () -> {
            HostKeyCheck check = seen[0];
            if (check == null) {
                throw new StageboardException("The host's key is not known yet: wait for the check to finish.");
            }
            return () -> setup.trustHostKey(host, check.fingerprint());
        });
    }
}
