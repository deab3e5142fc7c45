package org.stageboard.ssh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.concurrent.Promise;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.ConnectionImpl;

/**
 * Notices a dead link within about {@link #SILENCE_LIMIT}: while nothing arrives from the host it
 * asks for a {@code keepalive@openssh.com} reply every {@link #PROBE_INTERVAL}; when the host has
 * sent nothing at all for the silence limit and a probe is waiting, the connection is declared
 * lost. Every waiting command, transfer and forward then fails with {@link Silence}.
 *
 * <p>Unlike sshj's own keep-alive, the probe is sent from a separate thread and liveness is any
 * byte received (an upload's acknowledgements count), so a transport stuck writing into a dead
 * link, or a slow link busy with a large upload, is judged right.
 */
final class LinkWatchdog extends KeepAlive {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(15);

    private final LinkMonitor monitor;
    private final long silenceLimitNanos;
    private final long probeIntervalNanos;
    private volatile long probeSentAt = -1;
    private volatile Promise<SSHPacket, ConnectionException> probe;

    private LinkWatchdog(ConnectionImpl conn, LinkMonitor monitor, Duration probeInterval, Duration silenceLimit) {
        super(conn, "stageboard-ssh-watchdog");
        this.monitor = monitor;
        this.probeIntervalNanos = probeInterval.toNanos();
        this.silenceLimitNanos = silenceLimit.toNanos();
        this.keepAliveInterval = 1; // seconds between checks; also what makes sshj start this thread
    }

    /** A provider for {@code DefaultConfig.setKeepAliveProvider} whose watchdogs watch {@code monitor}. */
    static KeepAliveProvider provider(LinkMonitor monitor) {
        return provider(monitor, PROBE_INTERVAL, SILENCE_LIMIT);
    }

    static KeepAliveProvider provider(LinkMonitor monitor, Duration probeInterval, Duration silenceLimit) {
        return new KeepAliveProvider() {
            @Override
            public KeepAlive provide(ConnectionImpl connection) {
                return new LinkWatchdog(connection, monitor, probeInterval, silenceLimit);
            }
        };
    }

    @Override
    protected void doKeepAlive() throws ConnectionException {
        if (!conn.equals(conn.getTransport().getService())) {
            return; // not logged in yet: the login has its own timeouts
        }
        long now = System.nanoTime();
        long silentFor = now - monitor.lastReceived();
        Promise<SSHPacket, ConnectionException> waiting = probe;
        if (probeSentAt >= 0 && waiting != null && waiting.isFulfilled()) {
            probeSentAt = -1;
            probe = null;
        }
        if (probeSentAt >= 0 && silentFor >= silenceLimitNanos) {
            // die() tells every waiter first, then may block writing DISCONNECT into the dead link:
            // closing the socket shortly after frees it and any writer stuck on the socket.
            Thread closer = new Thread(() -> {
                sleepQuietly(1000);
                monitor.closeSocket();
            }, "stageboard-ssh-watchdog-close");
            closer.setDaemon(true);
            closer.start();
            Silence silence = new Silence(TimeUnit.NANOSECONDS.toSeconds(silentFor));
            monitor.silenced(silence);
            throw silence;
        }
        if (probeSentAt < 0 && silentFor >= probeIntervalNanos) {
            probeSentAt = now;
            Thread sender = new Thread(this::sendProbe, "stageboard-ssh-watchdog-probe");
            sender.setDaemon(true);
            sender.start();
        }
    }

    private void sendProbe() {
        try {
            probe = conn.sendGlobalRequest("keepalive@openssh.com", true, new byte[0]);
        } catch (Exception e) {
            // The transport is failing: the silence check above or the transport itself reports it.
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The host sent nothing for too long although asked to answer: the link is dead. */
    static final class Silence extends ConnectionException {
        private final long seconds;

        Silence(long seconds) {
            super(DisconnectReason.CONNECTION_LOST, "No answer from the host for " + seconds + " s");
            this.seconds = seconds;
        }

        long seconds() {
            return seconds;
        }
    }
}
