package org.stageboard.ssh;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and as whom to connect: address and port of the SSH server, the remote user, the private
 * key to authenticate with (and its passphrase when it has one, else null; or its public key,
 * {@code .pub}, when the private half is held by the ssh-agent at {@code agentSocket}, which may
 * also be null), the known_hosts file
 * holding the pinned host key, and how long to wait for the TCP connection.
 */
public record SshTarget(String address, int port, String user, Path privateKey, Path knownHosts,
                        Duration connectTimeout, char[] keyPassphrase, Path agentSocket) {

    /** A target whose key has no passphrase, without an ssh-agent. */
    public SshTarget(String address, int port, String user, Path privateKey, Path knownHosts, Duration connectTimeout) {
        this(address, port, user, privateKey, knownHosts, connectTimeout, null, null);
    }

    /** A target without an ssh-agent. */
    public SshTarget(String address, int port, String user, Path privateKey, Path knownHosts, Duration connectTimeout, char[] keyPassphrase) {
        this(address, port, user, privateKey, knownHosts, connectTimeout, keyPassphrase, null);
    }

    /** The same target, with the socket of a running ssh-agent ({@code $SSH_AUTH_SOCK}) that may hold the key. */
    public SshTarget withAgent(Path socket) {
        return new SshTarget(address, port, user, privateKey, knownHosts, connectTimeout, keyPassphrase, socket);
    }

    /** user@address, with ":port" when the port is not 22; for messages. */
    public String display() {
        return user + "@" + address + (port == 22 ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return "SshTarget[" + display() + ", key " + privateKey + (keyPassphrase == null ? "" : " (passphrase given)") + "]";
    }
}
