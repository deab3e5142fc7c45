package org.stageboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a server, for links that fail. {@link #freeze()} silently
 * stops carrying bytes in both directions while every socket stays open: a link that went dead
 * (cable pulled, Wi-Fi gone, a router dropping packets), not one that was closed. Once the
 * proxy stops reading, the kernel's buffers fill and the sender blocks, as on a real dead link.
 * {@link #reset()} instead ends every connection at once with a TCP reset.
 *
 * <pre>{@code
 * try (FreezableProxy proxy = FreezableProxy.to(server.port());
 *      SshSession ssh = SshSession.open(server.targetThrough(proxy))) {
 *     proxy.freeze();
 * }
 * }</pre>
 */
public final class FreezableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean frozen;
    private volatile boolean closed;
    private volatile boolean refusing;

    private FreezableProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** Starts a proxy on a free port of 127.0.0.1 that carries each connection to 127.0.0.1:{@code targetPort}. */
    public static FreezableProxy to(int targetPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            FreezableProxy proxy = new FreezableProxy(socket, targetPort);
            Thread acceptor = new Thread(proxy::acceptLoop, "freezable-proxy-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Stops carrying bytes, both ways, on every connection (also ones made later); nothing is closed. */
    public void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    /** Carries bytes again after {@link #freeze()}. */
    public void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    /** Ends every current connection with a TCP reset (RST), as a router or a rebooted host does. */
    public void reset() {
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // Already gone.
            }
        }
    }

    /**
     * While {@code refuse}: every new connection is reset at once, before a byte is carried, as
     * when the SSH server is down and the host answers its port with a reset; false: carried again.
     */
    public void refuseNew(boolean refuse) {
        refusing = refuse;
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        thaw();
        try {
            listener.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, "up");
                pump(server, client, "down");
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                while (awaitThawed()) {
                    int n = in.read(buffer);
                    if (n < 0 || !awaitThawed()) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // One side closed or reset: end the other side too, below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "freezable-proxy-" + port() + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks while frozen; false once the proxy is closed. */
    private boolean awaitThawed() throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait();
            }
        }
        return !closed;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
