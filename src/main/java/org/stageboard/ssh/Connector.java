package org.stageboard.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.transport.cipher.Cipher;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.stageboard.core.StageboardException;

/** Builds sshj clients and turns network failures into messages a user can act on. */
final class Connector {

    /**
     * Ciphers asked for first, cheapest first. Measured with sshj 0.40 on Java 17 (SFTP upload to
     * OpenSSH 9.2): chacha20-poly1305 about 97 MB per client CPU-second, aes128-gcm about 70,
     * aes128-ctr with its MAC about 72. sshj's own order would take aes128-cbc before any GCM
     * cipher on a server without chacha20; its other ciphers follow these, for older servers.
     */
    static final List<String> PREFERRED_CIPHERS = List.of("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com",
            "aes256-gcm@openssh.com", "aes128-ctr");

    private Connector() {
    }

    static SSHClient newClient(HostKeyVerifier verifier, Duration connectTimeout, LoggerFactory logging) {
        return newClient(verifier, connectTimeout, logging, new LinkMonitor());
    }

    /** A client whose connection {@code monitor} watches (see {@link LinkWatchdog}). */
    static SSHClient newClient(HostKeyVerifier verifier, Duration connectTimeout, LoggerFactory logging, LinkMonitor monitor) {
        DefaultConfig config = new DefaultConfig();
        config.setLoggerFactory(logging);
        config.setCipherFactories(preferredFirst(config.getCipherFactories()));
        config.setKeepAliveProvider(LinkWatchdog.provider(monitor)); // read by the SSHClient constructor
        SSHClient client = new SSHClient(config);
        client.setSocketFactory(monitor.socketFactory());
        client.getTransport().setDisconnectListener(monitor.disconnectListener());
        client.addHostKeyVerifier(verifier);
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeoutOrDefault(connectTimeout).toMillis());
        client.setConnectTimeout(timeoutMillis);
        // Also bounds waiting for the server's greeting: a port that accepts but never speaks SSH
        // (or a link that died right after connecting) would hang there forever. Once connected,
        // sshj's reader ignores read timeouts; the watchdog takes over.
        client.setTimeout(timeoutMillis);
        return client;
    }

    /** {@link #PREFERRED_CIPHERS} that this JVM can do, in that order, then the others unchanged. */
    static List<Factory.Named<Cipher>> preferredFirst(List<Factory.Named<Cipher>> available) {
        List<Factory.Named<Cipher>> ordered = new ArrayList<>();
        for (String name : PREFERRED_CIPHERS) {
            available.stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(ordered::add);
        }
        available.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
        return ordered;
    }

    /**
     * Sends small packets at once: every remote command is a few small request/reply packets, and
     * Nagle's algorithm holding them for the peer's delayed ACK made each command cost tens of ms.
     */
    static void noDelay(SSHClient client) {
        try {
            if (client.getSocket() != null) {
                client.getSocket().setTcpNoDelay(true);
            }
        } catch (java.net.SocketException e) {
            // Only slower, never wrong.
        }
    }

    static Duration timeoutOrDefault(Duration timeout) {
        return timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(10) : timeout;
    }

    static StageboardException connectFailure(String address, int port, Duration timeout, IOException e) {
        String where = address + ":" + port;
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new StageboardException("Cannot find the host '" + address + "': the name does not resolve. Check the host's address.", e);
        }
        if (cause instanceof ConnectException) {
            return new StageboardException("Cannot connect to " + where + ": connection refused. Check the address and "
                    + "port, and that the SSH server runs on the host.", e);
        }
        if (cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).contains("Read timed out")) {
            return new StageboardException("Connected to " + where + ", but no SSH server answered within "
                    + timeoutOrDefault(timeout).toSeconds() + " s. Check that this is the SSH port, and that the link "
                    + "to the host is up.", e);
        }
        if (cause instanceof SocketTimeoutException) {
            return new StageboardException("Cannot connect to " + where + ": no answer within "
                    + timeoutOrDefault(timeout).toSeconds() + " s. Check the address, the port and any firewall in between.", e);
        }
        if (cause instanceof NoRouteToHostException) {
            return new StageboardException("Cannot reach " + where + ": no route to the host. Check the address and the network.", e);
        }
        return new StageboardException("Cannot open an SSH connection to " + where + ": " + cause.getMessage()
                + ". Check that an SSH server listens there.", e);
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing after a failure: the failure is what the user needs to see.
        }
    }
}
