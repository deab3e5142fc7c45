package org.stageboard.ssh;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.net.SocketFactory;
import net.schmizz.sshj.transport.DisconnectListener;

/**
 * Watches one connection: notes when bytes last arrived from the host, remembers why the
 * connection went down, and frees threads that sshj would leave waiting on a dead connection.
 * sshj's transport may be stuck writing into a dead link (closing the socket frees it), and a
 * writer waiting for channel window space is not woken when the connection dies (interrupting
 * the threads registered with {@link #busy()} frees it).
 */
final class LinkMonitor {

    private volatile long lastReceived = System.nanoTime();
    private volatile Socket socket;
    private volatile boolean down;
    private volatile boolean closedHere;
    private volatile String downMessage;
    private volatile LinkWatchdog.Silence silence;
    private final Map<Thread, Integer> busy = new HashMap<>(); // thread -> nesting depth
    private final Set<Thread> woken = new HashSet<>();

    /** Marks the calling thread as working on this connection until the returned handle is closed. */
    Busy busy() {
        Thread thread = Thread.currentThread();
        synchronized (this) {
            busy.merge(thread, 1, Integer::sum);
        }
        return new Busy(thread);
    }

    /** Registration of one thread working on the connection; closing it clears an interrupt this monitor caused. */
    final class Busy implements AutoCloseable {
        private final Thread thread;

        private Busy(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void close() {
            boolean wokenByUs;
            synchronized (LinkMonitor.this) {
                if (busy.merge(thread, -1, Integer::sum) > 0) {
                    return; // an outer registration of the same thread is still open
                }
                busy.remove(thread);
                wokenByUs = woken.remove(thread);
            }
            if (wokenByUs) {
                Thread.interrupted(); // our interrupt, not the caller's: do not leak it
            }
        }
    }

    /** For the transport: called first thing when the connection dies or is closed. */
    DisconnectListener disconnectListener() {
        return (reason, message) -> wentDown(message);
    }

    private synchronized void wentDown(String message) {
        if (!down) {
            downMessage = message;
            down = true;
        }
        for (Thread thread : busy.keySet()) {
            woken.add(thread);
            thread.interrupt();
        }
    }

    /** Called before this side closes the connection on purpose. */
    void closingHere() {
        closedHere = true;
    }

    /** True when this side closed the connection (while other work may still have been using it). */
    boolean closedHere() {
        return closedHere;
    }

    /** Called by the watchdog before it declares the connection lost. */
    void silenced(LinkWatchdog.Silence cause) {
        silence = cause;
    }

    /** True once the connection died or was closed. */
    boolean isDown() {
        return down;
    }

    /** What the transport said when it went down, e.g. "Broken transport; encountered EOF". */
    String downMessage() {
        return downMessage;
    }

    /** The watchdog's verdict, when it is what ended the connection. */
    LinkWatchdog.Silence silence() {
        return silence;
    }

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
                return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
            }

            private Socket connected(InetSocketAddress address) throws IOException {
                return connected(address, null);
            }

            private Socket connected(InetSocketAddress address, InetSocketAddress local) throws IOException {
                Socket s = createSocket();
                if (local != null) {
                    s.bind(local);
                }
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
