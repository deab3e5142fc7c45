package org.stageboard.ssh;

import java.io.IOException;
import java.net.ServerSocket;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;

/**
 * A local port on 127.0.0.1 whose connections are carried over SSH to a host and port as seen
 * from the remote machine. Closing it stops listening; the SSH session stays open.
 */
public final class PortForward implements AutoCloseable {

    private final int localPort;
    private final LocalPortForwarder forwarder;
    private final ServerSocket socket;
    private final Thread listener;

    PortForward(LocalPortForwarder forwarder, ServerSocket socket, Thread listener) {
        this.localPort = socket.getLocalPort();
        this.forwarder = forwarder;
        this.socket = socket;
        this.listener = listener;
    }

    public int localPort() {
        return localPort;
    }

    @Override
    public void close() {
        try {
            forwarder.close();
        } catch (IOException ignored) {
            // Already closed with its session.
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Same.
        }
        listener.interrupt();
    }
}
