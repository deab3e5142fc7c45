package org.stageboard.ui.dialog;

import java.io.File;
import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.ui.task.TaskExecutor;

/** Adds a host reachable over SSH; its key is trusted in a separate, explicit step. */
public final class HostDialog {

    private HostDialog() {
    }

    public static Optional<Host> show(Window owner, SetupViewModel setup, TaskExecutor executor) {
        FormDialog<Host> form = new FormDialog<>(owner, "Add host",
                "A host is a machine Stageboard reaches over SSH to run releases.", "Add host");
        TextField name = form.field("Name", "hostName", "", "e.g. vps1");
        TextField address = form.field("Address", "hostAddress", "", "DNS name or IP, e.g. 203.0.113.7");
        TextField port = form.field("Port", "hostPort", "22", "SSH port");
        TextField user = form.field("User", "hostUser", System.getProperty("user.name", ""), "SSH user");
        TextField key = form.pathField("Private key", "hostKey", defaultKey(), "private key file", window -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Private key file");
            return chooser.showOpenDialog(window);
        }, picked -> { });
        TextField base = form.field("Base folder", "hostBase", "", "where releases go, e.g. /srv/stageboard");
        form.note("Next you will be shown the host's key fingerprint: nothing is deployed until you trust it.");
        return form.showAndWait(executor, () -> {
            String n = name.getText();
            String a = address.getText();
            String p = port.getText();
            String u = user.getText();
            String k = key.getText();
            String b = base.getText();
            return () -> setup.addHost(n, a, p, u, k, b);
        });
    }

    private static String defaultKey() {
        File ed = new File(System.getProperty("user.home"), ".ssh/id_ed25519");
        return ed.exists() ? ed.getAbsolutePath() : "";
    }
}
