package org.stageboard.core;

import java.nio.file.Path;

/**
 * A private key file as read: its path, key type (e.g. {@code ssh-ed25519}), the SHA-256
 * fingerprint of its public half ({@code SHA256:…}, as {@code ssh-keygen -lf} prints it) and
 * whether it is protected by a passphrase.
 */
public record KeyFileInfo(Path path, String type, String fingerprint, boolean encrypted) {

    /** e.g. {@code /home/me/.ssh/id_ed25519 (ssh-ed25519 SHA256:abc…)}; for messages. */
    public String describe() {
        return path + " (" + type + " " + fingerprint + (encrypted ? ", with a passphrase" : "") + ")";
    }
}
