package org.stageboard.core;

/**
 * What a private key file looks like before it is used: missing, unreadable, not a private key
 * Stageboard can read, protected by a passphrase, or ready to use as it is.
 */
public enum KeyFileState {
    MISSING, UNREADABLE, NOT_A_KEY, NEEDS_PASSPHRASE, READY
}
