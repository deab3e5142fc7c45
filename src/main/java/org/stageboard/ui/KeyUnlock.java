package org.stageboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.stageboard.core.Host;
import org.stageboard.ui.dialog.KeyPassphraseDialog;
import org.stageboard.ui.dialog.KeyPassphraseModel;

/**
 * Before work on hosts: finds (in the background) the hosts whose private key has a passphrase
 * the engine does not know, asks for each one (a wrong one is said, and asked again), then starts
 * the work. Cancel starts nothing.
 */
final class KeyUnlock {

    private final MainViewModel model;
    private final Supplier<Window> window;

    KeyUnlock(MainViewModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
    }

    /** Unlocks the keys of the hosts {@code hosts} gives (read in the background), then runs {@code work} on the FX thread. */
    void then(Supplier<List<Host>> hosts, Runnable work) {
        model.executor().call(() -> {
            List<Host> locked = new ArrayList<>();
            for (Host host : hosts.get()) {
                if (model.engine().keyNeedsPassphrase(host)) {
                    locked.add(host);
                }
            }
            return locked;
        }, locked -> {
            for (Host host : locked) {
                if (KeyPassphraseDialog.show(window.get(), new KeyPassphraseModel(model.engine(), host), model.executor()).isEmpty()) {
                    model.notify(Notice.info("Nothing was started: the key of " + host.name() + " stays locked."));
                    return;
                }
            }
            work.run();
        }, model::fail);
    }

    void then(Host host, Runnable work) {
        then(() -> List.of(host), work);
    }
}
