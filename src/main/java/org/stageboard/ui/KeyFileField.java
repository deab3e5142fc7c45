package org.stageboard.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.core.Host;
import org.stageboard.core.KeyFileState;
import org.stageboard.pipeline.Stageboard;

/**
 * A host's private key as a form holds it, without a window: the key file (read by the engine,
 * {@link Stageboard#inspectKey}, as it is typed), and when the key has a passphrase the engine
 * does not know, the passphrase (tried on the key in the background, a wrong one said in the
 * engine's words) and "Remember this passphrase". Once the host is saved, {@link #keep} keeps the
 * passphrase in memory for this engine, or stores it encrypted in the catalog when remember is ticked.
 * Used by the New environment wizard and the Add host dialog.
 */
public final class KeyFileField {

    public static final String REMEMBER = "Remember this passphrase (stored encrypted in the catalog)";

    private final Stageboard engine;
    private final BooleanSupplier passphraseKnown;
    private final StringProperty file = new SimpleStringProperty(this, "keyFile", "");
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final BooleanProperty remember = new SimpleBooleanProperty(this, "remember", false);
    private final ReadOnlyObjectWrapper<KeyFileState> state = new ReadOnlyObjectWrapper<>(this, "keyState", KeyFileState.MISSING);
    private final ReadOnlyBooleanWrapper asked = new ReadOnlyBooleanWrapper(this, "passphraseAsked", false);
    /** The key file and passphrase the last check was about, and its verdict ("" when the passphrase opens the key). */
    private final StringProperty checkedFor = new SimpleStringProperty(this, "passphraseCheckedFor", null);
    private final StringProperty verdict = new SimpleStringProperty(this, "passphraseVerdict", "");

    /**
     * @param initial         the key file proposed (may be "")
     * @param passphraseKnown true when the engine already knows this key's passphrase (e.g. a saved
     *                        host's stored one): then none is asked; call {@link #refresh()} when its answer may change
     */
    public KeyFileField(Stageboard engine, String initial, BooleanSupplier passphraseKnown) {
        this.engine = engine;
        this.passphraseKnown = passphraseKnown;
        file.addListener((o, was, now) -> refresh());
        state.addListener((o, was, now) -> refresh());
        file.set(initial == null ? "" : initial);
    }

    public StringProperty fileProperty() {
        return file;
    }

    /** The key's passphrase: never stored unless {@link #rememberProperty()} is ticked. */
    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** "Remember this passphrase (stored encrypted in the catalog)": off unless the user ticks it. */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    public ReadOnlyObjectProperty<KeyFileState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while the passphrase field is asked for (the key has a passphrase the engine does not know). */
    public ReadOnlyBooleanProperty passphraseAskedProperty() {
        return asked.getReadOnlyProperty();
    }

    /** What a form's reason depends on. */
    public Observable[] observables() {
        return new Observable[] {file, state, asked, passphrase, checkedFor, verdict};
    }

    /** Reads the key file again and whether its passphrase is asked for. */
    public void refresh() {
        state.set(readState(file.get()));
        asked.set(passphraseNeeded());
    }

    /** True when the key has a passphrase the engine does not know. */
    public boolean passphraseNeeded() {
        return state.get() == KeyFileState.NEEDS_PASSPHRASE && !passphraseKnown.getAsBoolean();
    }

    /** The key file as the engine reads it; a key with a passphrase is fine here (the passphrase is its own field). */
    public Optional<String> fileProblem(String value) {
        return FieldChecks.keyFile(engine, value);
    }

    /**
     * Empty when no passphrase is needed or the typed one opens the key; else what to do: type it,
     * wait for the check ({@link #checkPassphrase}), or type it again because it is wrong.
     */
    public Optional<String> passphraseProblem(String value) {
        if (!passphraseNeeded()) {
            return Optional.empty();
        }
        if (value == null || value.isEmpty()) {
            return Optional.of("The key " + FieldChecks.text(file.get()) + " is protected by a passphrase: type it (never stored unless you tick "
                    + "'Remember this passphrase').");
        }
        if (checkKey(value).equals(checkedFor.get())) {
            return verdict.get().isEmpty() ? Optional.empty() : Optional.of(verdict.get());
        }
        return Optional.of("Checking the passphrase against the key " + FieldChecks.text(file.get()) + "…");
    }

    /** The key file's problem, then the passphrase's; empty when the key can be used. */
    public Optional<String> problem() {
        return FieldChecks.first(() -> fileProblem(file.get()), () -> passphraseProblem(passphrase.get()));
    }

    /**
     * Tries the typed passphrase on the key file (blocking, a key derivation: run it in the
     * background; then {@link #passphraseChecked}). The engine's message when it does not open the key.
     */
    public Optional<String> checkPassphrase(String typed) {
        char[] secret = typed == null ? new char[0] : typed.toCharArray();
        try {
            return FieldChecks.keyInfo(engine, file.get(), secret).problem();
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Takes a passphrase check's answer, if the passphrase is still the one checked. */
    public void passphraseChecked(String typed, Optional<String> problem) {
        if (typed != null && typed.equals(passphrase.get())) {
            verdict.set(problem.orElse(""));
            checkedFor.set(checkKey(typed));
        }
    }

    /** The key file typed, {@code ~/} meaning the home folder. */
    public Path path() {
        return FieldChecks.path(file.get());
    }

    /** A copy of the typed passphrase when one is asked for and typed, else null; the caller wipes it. */
    public char[] passphraseChars() {
        return passphraseNeeded() && passphrase.get() != null && !passphrase.get().isEmpty() ? passphrase.get().toCharArray() : null;
    }

    /** The typed passphrase for a saved host: stored encrypted when remember is ticked, else kept in memory for this engine only. */
    public void keep(Host host) {
        char[] secret = passphraseChars();
        if (secret == null) {
            return;
        }
        try {
            if (remember.get()) {
                engine.storeKeyPassphrase(host, secret);
            } else {
                engine.unlockKey(host, secret);
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Forgets the typed passphrase. */
    public void clear() {
        passphrase.set("");
    }

    private String checkKey(String typed) {
        return FieldChecks.text(file.get()) + "\u0000" + typed;
    }

    /** Whether the key file opens as it is, has a passphrase, or cannot be used ({@link #fileProblem} says why). */
    private KeyFileState readState(String value) {
        FieldChecks.KeyCheck key = FieldChecks.keyInfo(engine, value, null);
        if (key.encrypted()) {
            return KeyFileState.NEEDS_PASSPHRASE;
        }
        return key.problem().isPresent() ? KeyFileState.NOT_A_KEY : KeyFileState.READY;
    }
}
