package org.stageboard.ssh;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A local port on 127.0.0.1 whose connections are carried over SSH to a host and port as seen
 * from the remote machine. Closing it stops listening; the SSH session stays open.
 */
public final class PortForward implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread listener;

    PortForward(ServerSocket socket, Thread listener) {
        this.socket = socket;
        this.listener = listener;
    }

    /** True once the SSH server refused to open a forwarded connection (e.g. AllowTcpForwarding no). */
    public boolean refusedByServer() {
        return false;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        listener.interrupt();
    }
}
