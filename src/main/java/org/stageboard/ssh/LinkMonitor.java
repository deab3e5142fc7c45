package org.stageboard.ssh;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Watches one connection's socket: notes when bytes last arrived from the host, and can close
 * the socket from outside. sshj's transport may be stuck writing into a dead link; closing the
 * socket is what frees it.
 */
final class LinkMonitor {

    private volatile long lastReceived = System.nanoTime();
    private volatile Socket socket;

    /** {@link System#nanoTime()} when bytes last arrived (or the socket was made). */
    long lastReceived() {
        return lastReceived;
    }

    /** Closes the socket, if there is one; every blocked read and write on it fails at once. */
    void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing a dead link: nothing else to do.
            }
        }
    }

    /** Makes the sockets sshj connects with, so that this monitor sees their input. */
    SocketFactory socketFactory() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return register(new WatchedSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                Socket s = createSocket();
                s.bind(new InetSocketAddress(localHost, localPort));
                s.connect(new InetSocketAddress(host, port));
                return s;
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                Socket s = createSocket();
                s.bind(new InetSocketAddress(localAddress, localPort));
                s.connect(new InetSocketAddress(address, port));
                return s;
            }

            private Socket connected(InetSocketAddress address) throws IOException {
                Socket s = createSocket();
                s.connect(address);
                return s;
            }
        };
    }

    private Socket register(Socket s) {
        socket = s;
        lastReceived = System.nanoTime();
        return s;
    }

    /** A plain socket whose input stream notes every arrival in the monitor. */
    private final class WatchedSocket extends Socket {
        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        lastReceived = System.nanoTime();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        lastReceived = System.nanoTime();
                    }
                    return n;
                }
            };
        }
    }
}
