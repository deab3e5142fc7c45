package org.stageboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSSH's sshd on 127.0.0.1 for the benchmark, set up as {@code .ci/start-sshd.sh} does: its
 * own config, host key, one authorized client key and a free high port. It logs at DEBUG1 to a
 * file, which is how the benchmark counts what a deploy asks of the host (connections, remote
 * commands, SFTP sessions, port forwards) and sees the cipher each client negotiated. Also runs
 * the OpenSSH clients ({@code ssh}, {@code scp}) the benchmark compares with.
 */
final class BenchSshd implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");

    final Path dir;
    final int port;
    final String user;
    final Path clientKey;
    final Path hostKeyPub;
    final String fingerprint;
    final Path log;
    final Path opensshKnownHosts;
    private final Process process;

    private BenchSshd(Path dir, int port, String user, Path clientKey, Path hostKeyPub, String fingerprint, Path log,
                      Path opensshKnownHosts, Process process) {
        this.dir = dir;
        this.port = port;
        this.user = user;
        this.clientKey = clientKey;
        this.hostKeyPub = hostKeyPub;
        this.fingerprint = fingerprint;
        this.log = log;
        this.opensshKnownHosts = opensshKnownHosts;
        this.process = process;
    }

    /**
     * Starts sshd. With {@code leanShell}, sessions get {@code HOME} set to an empty folder
     * ({@code SetEnv}), so the user's login shell finds no {@code ~/.bashrc} to run: a host whose
     * deploy user has a quiet shell start. Without it, sessions run the user's own shell start-up
     * files, as on the machine as it is.
     */
    static BenchSshd start(Path dir, boolean leanShell) throws Exception {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException("/usr/sbin/sshd is missing: run bench/deploy-benchmark.sh (it installs "
                    + "openssh-server as root) or `apt-get install -y openssh-server`.");
        }
        Files.createDirectories(dir);
        Files.createDirectories(Path.of("/run/sshd"));
        Path hostKey = dir.resolve("host_ed25519_key");
        Path clientKey = dir.resolve("client_key");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "stageboard-bench-host", "-f", hostKey.toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "stageboard-bench-client", "-f", clientKey.toString());
        Path authorized = Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        Path hostKeyPub = dir.resolve("host_ed25519_key.pub");
        String fingerprint = run("ssh-keygen", "-lf", hostKeyPub.toString()).split("\\s+")[1];
        int port = freePort();
        Path config = dir.resolve("sshd_config");
        Files.write(config, List.of(
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "AllowTcpForwarding yes",
                "Subsystem sftp internal-sftp",
                // Many parallel connections in the host-read test: do not let sshd drop any.
                "MaxStartups 100:30:200",
                "MaxSessions 50",
                leanShell ? "SetEnv HOME=" + Files.createDirectories(dir.resolve("empty-home")) : "# the user's own HOME and shell rc",
                // DEBUG1 logs one line per connection, channel and request, none per packet.
                "LogLevel DEBUG1"));
        Path log = dir.resolve("sshd.log");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                process.destroyForcibly();
                throw new IllegalStateException("sshd did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        Path knownHosts = dir.resolve("openssh_known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + Files.readString(hostKeyPub).strip() + "\n");
        String user = System.getProperty("user.name");
        return new BenchSshd(dir, port, user, clientKey, hostKeyPub, fingerprint, log, knownHosts, process);
    }

    /** Options for OpenSSH's clients: this key only, the pinned host key, no prompts. */
    private List<String> clientOptions() {
        return List.of("-i", clientKey.toString(), "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + opensshKnownHosts, "-o", "StrictHostKeyChecking=yes", "-o", "LogLevel=ERROR");
    }

    /** Runs a command on the host with OpenSSH's {@code ssh}; returns its stdout, throws unless it exits 0. */
    String ssh(String command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-p", String.valueOf(port)));
        cmd.addAll(clientOptions());
        cmd.add(user + "@127.0.0.1");
        cmd.add(command);
        return run(cmd.toArray(String[]::new));
    }

    /** Copies a file to the host with OpenSSH's {@code scp} (OpenSSH 9 speaks SFTP underneath); returns seconds. */
    double scp(Path local, String remotePath, String... extraOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("scp", "-q", "-P", String.valueOf(port)));
        cmd.addAll(clientOptions());
        cmd.addAll(List.of(extraOptions));
        cmd.add(local.toString());
        cmd.add(user + "@127.0.0.1:" + remotePath);
        long t0 = System.nanoTime();
        run(cmd.toArray(String[]::new));
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Where the log is now: what happens from here on is counted by {@link #since}. */
    long mark() throws IOException {
        return Files.size(log);
    }

    /** What clients asked of sshd since {@code mark}. */
    Activity since(long mark) throws Exception {
        Thread.sleep(150); // the session processes write their last lines as the client returns
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(mark, all.length), (int) (all.length - Math.min(mark, all.length)),
                StandardCharsets.UTF_8);
        int logins = 0;
        int execs = 0;
        int sftp = 0;
        int forwards = 0;
        Map<String, Integer> ciphers = new TreeMap<>();
        Pattern cipher = Pattern.compile("kex: client->server cipher: (\\S+) MAC: (\\S+)");
        for (String raw : text.split("\n")) {
            String line = raw.strip(); // sshd -e ends its lines with CR LF
            if (line.contains("Accepted publickey for")) {
                logins++;
            } else if (line.contains("session_input_channel_req:") && line.endsWith("req exec")) {
                execs++;
            } else if (line.contains("session_input_channel_req:") && line.endsWith("req subsystem")) {
                sftp++;
            } else if (line.contains("server_input_channel_open: ctype direct-tcpip")) {
                forwards++;
            } else {
                Matcher m = cipher.matcher(line);
                if (m.find()) {
                    String name = m.group(1) + (m.group(2).equals("<implicit>") ? "" : " + " + m.group(2));
                    ciphers.merge(name, 1, Integer::sum);
                }
            }
        }
        return new Activity(logins, execs, sftp, forwards, ciphers);
    }

    /** SSH logins, remote commands, SFTP sessions, port-forward channels and negotiated ciphers seen by sshd. */
    record Activity(int logins, int execs, int sftp, int forwards, Map<String, Integer> ciphers) {
        String summary() {
            return logins + " SSH login" + (logins == 1 ? "" : "s") + ", " + execs + " remote commands, " + sftp + " SFTP sessions, "
                    + forwards + " port-forward channels";
        }

        String cipherNames() {
            return ciphers.isEmpty() ? "?" : String.join(", ", ciphers.keySet());
        }
    }

    String version() {
        try {
            Process p = new ProcessBuilder(SSHD.toString(), "-V").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("sshd");
        } catch (IOException | InterruptedException e) {
            return "sshd (version unknown)";
        }
    }

    /** CPU seconds sshd and its reaped children (sessions, shells, commands) used so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state is f[0]; utime, stime, cutime, cstime are fields 14-17 of stat
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a local command; returns stdout, throws with its output unless it exits 0 within 10 minutes. */
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        p.getOutputStream().close();
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 10 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out
                    + new String(err.get(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
