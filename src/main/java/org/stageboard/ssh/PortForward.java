package org.stageboard.ssh;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * A local port on 127.0.0.1 whose connections are carried over SSH to a host and port as seen
 * from the remote machine. Each connection opens its own SSH channel; when the host refuses one,
 * the reason is kept ({@link #lastFailure()}), and {@link #refusedByServer()} tells a forward
 * that can never work (the SSH server forbids forwarding) from an app that is not up yet.
 * Closing it stops listening; the SSH session stays open.
 */
public final class PortForward implements AutoCloseable {

    /** What to tell the user when {@link #refusedByServer()}: the setting to change, or what to use instead. */
    public static final String REFUSED_ADVICE = "The SSH server of the host refuses port forwarding "
            + "(AllowTcpForwarding no in its sshd_config, or a restriction on the key): set AllowTcpForwarding local "
            + "(or yes) for this user, or use a TCP or command health check instead of an HTTP one.";

    /** The reason text recorded when the server refuses to forward. */
    static final String REFUSED_REASON = "the SSH server refuses port forwarding (AllowTcpForwarding no in sshd_config)";

    private final ServerSocket socket;
    private volatile Thread listener;
    private volatile boolean refusedByServer;
    private volatile String lastFailure;

    PortForward(ServerSocket socket) {
        this.socket = socket;
    }

    void listenWith(Thread thread) {
        this.listener = thread;
        thread.start();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /**
     * True once the SSH server refused to open a forwarding channel as administratively
     * prohibited (OpenSSH with {@code AllowTcpForwarding no}): retrying will not help, see
     * {@link #REFUSED_ADVICE}. False until a connection through this port was attempted.
     */
    public boolean refusedByServer() {
        return refusedByServer;
    }

    /**
     * Why the last connection through this port could not be carried, e.g. "the host could not
     * connect to 127.0.0.1:8080 (Connection refused)" or {@link #REFUSED_REASON}; empty while
     * none failed.
     */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    void failed(String reason, boolean byServerPolicy) {
        lastFailure = reason;
        if (byServerPolicy) {
            refusedByServer = true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
