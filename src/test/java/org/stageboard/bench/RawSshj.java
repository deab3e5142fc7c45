package org.stageboard.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.cipher.Cipher;

/**
 * A plain sshj client with one cipher only, outside Stageboard's SSH layer: to measure how much of
 * the upload throughput is the cipher (a diagnostic for target 3, not what the product does).
 */
final class RawSshj {

    private RawSshj() {
    }

    /** Connects with only {@code cipher} offered, uploads over SFTP, disconnects; returns seconds, connect included. */
    static double upload(BenchSshd sshd, String cipher, Path local, String remotePath) throws Exception {
        DefaultConfig config = new DefaultConfig();
        List<Factory.Named<Cipher>> only = config.getCipherFactories().stream().filter(f -> f.getName().equals(cipher)).toList();
        if (only.isEmpty()) {
            throw new IllegalStateException("sshj does not offer " + cipher);
        }
        config.setCipherFactories(only);
        long t0 = System.nanoTime();
        try (SSHClient client = new SSHClient(config)) {
            client.loadKnownHosts(sshd.opensshKnownHosts.toFile());
            client.connect("127.0.0.1", sshd.port);
            client.authPublickey(sshd.user, sshd.clientKey.toString());
            try (SFTPClient sftp = client.newSFTPClient()) {
                sftp.put(local.toString(), remotePath);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Seconds per remote command ({@code sh -c true}) on one open connection, with sshj's default
     * socket or with {@code TCP_NODELAY} set on it: without it, Nagle's algorithm meets the
     * peer's delayed ACK and each small request can wait ~40 ms.
     */
    static Samples execSeconds(BenchSshd sshd, boolean noDelay, int count) throws Exception {
        Samples samples = new Samples();
        try (SSHClient client = new SSHClient(new DefaultConfig())) {
            client.loadKnownHosts(sshd.opensshKnownHosts.toFile());
            client.connect("127.0.0.1", sshd.port);
            if (noDelay) {
                client.getSocket().setTcpNoDelay(true);
            }
            client.authPublickey(sshd.user, sshd.clientKey.toString());
            for (int i = 0; i < count + 3; i++) {
                long t0 = System.nanoTime();
                try (Session session = client.startSession()) {
                    Session.Command command = session.exec("sh -c true");
                    command.getOutputStream().close();
                    command.getInputStream().readAllBytes();
                    command.getErrorStream().readAllBytes();
                    command.join(15, TimeUnit.SECONDS);
                }
                if (i >= 3) {
                    samples.add((System.nanoTime() - t0) / 1e9);
                }
            }
        }
        return samples;
    }
}
