package org.stageboard.ssh;

/**
 * How a presented host key compares with the known_hosts file: it matches the pinned key
 * ({@code TRUSTED}), no key is pinned for that host and port ({@code UNKNOWN}), or a different key
 * is pinned ({@code CHANGED}).
 */
public enum HostKeyStatus {
    TRUSTED, UNKNOWN, CHANGED
}
