package org.stageboard.ssh;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and as whom to connect: address and port of the SSH server, the remote user, the private
 * key to authenticate with, the known_hosts file holding the pinned host key, and how long to wait
 * for the TCP connection.
 */
public record SshTarget(String address, int port, String user, Path privateKey, Path knownHosts,
                        Duration connectTimeout) {

    /** user@address, with ":port" when the port is not 22; for messages. */
    public String display() {
        return user + "@" + address + (port == 22 ? "" : ":" + port);
    }
}
