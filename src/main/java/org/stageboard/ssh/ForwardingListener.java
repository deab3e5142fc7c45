package org.stageboard.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;

/**
 * Accepts local connections and carries each over its own SSH direct-tcpip channel. Unlike
 * sshj's {@code LocalPortForwarder}, a connection the remote side refuses (the app is not
 * listening yet) closes only that connection and the forward keeps listening: health checks
 * retry through it. Each refusal is recorded in the {@link PortForward} with its reason.
 */
final class ForwardingListener implements Runnable {

    private final SSHClient client;
    private final ServerSocket server;
    private final String remoteHost;
    private final int remotePort;
    private final PortForward forward;
    private final LinkMonitor monitor;

    ForwardingListener(SSHClient client, LinkMonitor monitor, ServerSocket server, String remoteHost, int remotePort,
                       PortForward forward) {
        this.client = client;
        this.monitor = monitor;
        this.forward = forward;
        this.server = server;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
    }

    @Override
    public void run() {
        while (!server.isClosed() && !Thread.currentThread().isInterrupted()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            try {
                DirectConnection channel = client.newDirectConnection(remoteHost, remotePort);
                pump(socket.getInputStream(), channel.getOutputStream(), channel, socket, "out");
                pump(channel.getInputStream(), socket.getOutputStream(), socket, channel, "in");
            } catch (IOException e) {
                record(e); // before closing: whoever sees the close may ask the forward why
                closeQuietly(socket);
            }
        }
    }

    private void record(IOException e) {
        String target = remoteHost + ":" + remotePort;
        if (e instanceof OpenFailException open) {
            switch (open.getReason()) {
                case ADMINISTRATIVELY_PROHIBITED -> forward.failed(PortForward.REFUSED_REASON, true);
                case CONNECT_FAILED -> forward.failed("the host could not connect to " + target + " ("
                        + open.getMessage() + ")", false);
                default -> forward.failed("the host did not open a channel to " + target + ": " + open.getMessage(), false);
            }
        } else if (Failures.connectionLost(client, monitor, e)) {
            forward.failed("the SSH connection is lost: " + Failures.lostReason(monitor, e), false);
        } else {
            forward.failed("the channel to " + target + " could not be opened: " + e.getMessage(), false);
        }
    }

    /** Copies until end of stream, then closes the writing side; the reverse direction closes the rest. */
    private void pump(InputStream in, OutputStream out, Closeable target, Closeable other, String direction) {
        Thread thread = new Thread(() -> {
            try {
                byte[] buffer = new byte[32 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush(); // sshj's channel stream holds data until flushed
                }
            } catch (IOException ignored) {
                // The peer went away: close both ends below.
            } finally {
                closeQuietly(out);
                if (direction.equals("in")) {
                    closeQuietly(target);
                    closeQuietly(other);
                }
            }
        }, "ssh-forward-" + server.getLocalPort() + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Nothing left to do with it.
        }
    }
}
