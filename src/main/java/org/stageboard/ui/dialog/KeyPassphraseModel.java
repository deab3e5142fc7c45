package org.stageboard.ui.dialog;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.core.Host;
import org.stageboard.pipeline.Stageboard;

/**
 * The passphrase asked for before work on a host whose private key has one the engine does not
 * know. {@link #submit()} checks it opens the key, then keeps it in memory for this window only,
 * or, when {@link #rememberProperty() remember} is ticked, stores it encrypted in the catalog. A
 * wrong passphrase throws the engine's message, and the dialog asks again.
 */
public final class KeyPassphraseModel {

    public static final String REMEMBER = org.stageboard.ui.KeyFileField.REMEMBER;

    private final Stageboard engine;
    private final Host host;
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final BooleanProperty remember = new SimpleBooleanProperty(this, "remember", false);
    private final StringBinding reason;

    public KeyPassphraseModel(Stageboard engine, Host host) {
        this.engine = engine;
        this.host = host;
        this.reason = Bindings.createStringBinding(() -> passphrase.get() == null || passphrase.get().isEmpty()
                ? "Type the passphrase of " + host.privateKey() + "." : "", passphrase);
    }

    public Host host() {
        return host;
    }

    public String question() {
        return "The private key " + host.privateKey() + " of host " + host.name() + " (" + host.display()
                + ") is protected by a passphrase. It is kept for this window only, unless you tick the box.";
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    public StringBinding reason() {
        return reason;
    }

    /**
     * Checks the passphrase opens the key and keeps it (in memory, or stored encrypted when
     * remember is ticked); blocking: run it in the background. Throws the engine's message when wrong.
     */
    public Host submit() {
        char[] secret = passphrase.get() == null ? new char[0] : passphrase.get().toCharArray();
        try {
            if (remember.get()) {
                return engine.storeKeyPassphrase(host, secret);
            }
            engine.unlockKey(host, secret);
            return host;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Forgets the typed text once the dialog is done. */
    public void clear() {
        passphrase.set("");
    }
}
