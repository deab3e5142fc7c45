package org.stageboard.ui.dialog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.core.Host;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.FieldChecks;
import org.stageboard.ui.KeyFileField;

/**
 * The Add host dialog without its window: the host's name, how it is reached (address, SSH port,
 * user, base folder) and its private key, each checked as typed with the engine's words; when the
 * key has a passphrase, the passphrase (tried on the key) and "Remember this passphrase". Save
 * adds the host; its key is trusted in the next, explicit step (the Trust host key dialog).
 * Build it in the background: it reads the saved hosts and the key file. The dialog forgets the
 * typed passphrase when it closes ({@link KeyFileField#clear()}).
 */
public final class HostAddModel extends HostForm {

    private final Stageboard engine;
    private final List<String> savedNames;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final KeyFileField key;
    private final StringBinding reason;

    /**
     * @param defaultUser the SSH user proposed (e.g. this computer's user)
     * @param defaultKey  the key file proposed (e.g. ~/.ssh/id_ed25519 when there is one), or ""
     */
    public HostAddModel(Stageboard engine, String defaultUser, String defaultKey) {
        super("", "22", defaultUser == null ? "" : defaultUser, "");
        this.engine = engine;
        this.savedNames = engine.hosts().stream().map(Host::name).toList();
        this.key = new KeyFileField(engine, defaultKey, () -> false);
        List<Observable> fields = new ArrayList<>(List.of(reachFields()));
        fields.add(name);
        fields.addAll(List.of(key.observables()));
        this.reason = Bindings.createStringBinding(() -> problem().orElse(""), fields.toArray(Observable[]::new));
    }

    /** This computer's user, and its {@code ~/.ssh/id_ed25519} when there is one. */
    public static HostAddModel withDefaults(Stageboard engine) {
        Path ed = Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519");
        return new HostAddModel(engine, System.getProperty("user.name", ""), Files.isRegularFile(ed) ? ed.toString() : "");
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The private key file, and its passphrase when it has one. */
    public KeyFileField key() {
        return key;
    }

    /** Why the host cannot be added yet, or "". */
    public StringBinding reason() {
        return reason;
    }

    public Optional<String> nameProblem(String value) {
        return FieldChecks.first(() -> FieldChecks.name("host", value), () -> {
            String v = FieldChecks.text(value);
            return savedNames.contains(v)
                    ? Optional.of("A host named '" + v + "' is already saved: pick another name (Hosts ▸ Edit host… changes the saved one).")
                    : Optional.empty();
        });
    }

    public Optional<String> problem() {
        return FieldChecks.first(() -> nameProblem(name.get()), this::reachProblem, key::problem,
                () -> baseDirProblem(baseDirProperty().get()));
    }

    /**
     * Adds the host (blocking: run it in the background), with the key's passphrase kept in memory
     * for this window, or stored encrypted in the catalog when remember is ticked. Its key is not
     * trusted yet. Throws the engine's message.
     */
    public Host save() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        char[] secret = key.passphraseChars();
        try {
            return engine.addHost(FieldChecks.text(name.get()), typedAddress(), typedPort(), typedUser(), key.path(), typedBaseDir(),
                    secret, secret != null && key.rememberProperty().get());
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }
}
