package org.stageboard.core;


/** A private key that needs a passphrase was given none, or a wrong one; the message says which. */
public final class KeyPassphraseException extends StageboardException {
    private final boolean wrong;

    public KeyPassphraseException(String message, boolean wrong) {
        super(message);
        this.wrong = wrong;
    }

    /** True when a passphrase was given and it did not open the key; false when none was given. */
    public boolean wrong() {
        return wrong;
    }
}
