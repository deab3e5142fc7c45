package org.stageboard.core;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A machine reachable by SSH. {@code hostKeyFingerprint} is the pinned {@code SHA256:…} key
 * fingerprint, or null until the user trusts the host's key.
 */
public record Host(long id, String name, String address, int port, String user, Path privateKey,
                   String hostKeyFingerprint, String baseDir, Instant createdAt) {

    public String display() {
        return user + "@" + address + (port == 22 ? "" : ":" + port);
    }
}
