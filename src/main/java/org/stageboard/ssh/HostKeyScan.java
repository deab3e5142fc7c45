package org.stageboard.ssh;

/**
 * What a host presented when asked for its key: the key type (e.g. {@code ssh-ed25519}), its
 * {@code SHA256:…} fingerprint as OpenSSH prints it, how it compares with the pinned key, and the
 * pinned fingerprint ({@code null} when none is pinned).
 */
public record HostKeyScan(String address, int port, String keyType, String fingerprint, HostKeyStatus status,
                          String pinnedFingerprint) {
}
