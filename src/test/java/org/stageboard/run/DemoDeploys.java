package org.stageboard.run;

import org.stageboard.core.ReleaseIdentity;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;
import org.stageboard.core.RunSettings;
import org.stageboard.ssh.PortForward;
import org.stageboard.ssh.ShellQuote;
import org.stageboard.ssh.SshSession;
import org.stageboard.ssh.SshTarget;
import org.stageboard.testing.SshTestServer;

/** Builds demo releases for run tests, reads what they left on the host, and kills every app they started. */
final class DemoDeploys {

    static final String SECRET = "s3cr3t-Value-xyz";

    private final Path baseDir;
    private final Set<Long> pids = new CopyOnWriteArraySet<>();

    DemoDeploys(Path baseDir) {
        this.baseDir = baseDir;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo server, run by this JVM's own java (the host is this machine), kept small. */
    static String startCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return ShellQuote.quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx48m Server.java";
    }

    static final String CATALOG = "catalog-a";

    static RemoteRelease release(String name, Path artifact, int appPort, String greeting, int healthTimeoutSeconds,
                                 int keepReleases) {
        return release(CATALOG, name, artifact, appPort, greeting, healthTimeoutSeconds, keepReleases);
    }

    /** A release {@code vN} of the given catalog; its config version is N too. */
    static RemoteRelease release(String catalog, String name, Path artifact, int appPort, String greeting, int healthTimeoutSeconds,
                                 int keepReleases) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(appPort));
        env.put("GREETING", greeting);
        env.put("API_TOKEN", SECRET);
        env.put("TRICKY", "it's $(echo pwned) `id`\nline two");
        RunSettings run = new RunSettings(startCommand(), "http://127.0.0.1:" + appPort + "/health", healthTimeoutSeconds, 5,
                keepReleases);
        int version = Integer.parseInt(name.substring(1));
        ReleaseIdentity identity = new ReleaseIdentity(catalog, "shop", "staging", version, "staging " + name,
                SshTestServer.sha256(artifact), version, "tester");
        return new RemoteRelease(identity, artifact, env, List.of(SECRET), run, "tester", "{\"release\":\"" + name + "\"}\n");
    }

    Path envDir() {
        return baseDir.resolve("shop/staging");
    }

    /** The pid in the pidfile, remembered for cleanup. */
    long pidFromFile() throws IOException {
        long pid = Long.parseLong(Files.readString(envDir().resolve(".stageboard/app.pid")).strip());
        pids.add(pid);
        return pid;
    }

    String currentTarget() throws IOException {
        return Files.readSymbolicLink(envDir().resolve("current")).toString();
    }

    /** Alive and not a zombie: this machine's init does not reap orphans. */
    static boolean isAlive(long pid) {
        return org.stageboard.testing.AppProcesses.alive(pid);
    }

    /** GET through an SSH port forward, as a user reaching the app via the host would. */
    static HttpResponse<String> getThroughHost(SshTarget target, int appPort, String path) throws Exception {
        try (SshSession ssh = SshSession.open(target); PortForward forward = ssh.forward("127.0.0.1", appPort)) {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.localPort() + path))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    List<String> ledgerLines() throws IOException {
        return Files.readAllLines(envDir().resolve(".stageboard/ledger.jsonl"));
    }

    /**
     * Kills every process of the app process groups seen in a pidfile under the base dir or
     * remembered here, and only processes running inside the base dir: pids are reused quickly on
     * this machine. (No external {@code kill -SIG -PGID}: procps-ng 4.0.2's kill misreads a negative pid.)
     */
    void killAll() {
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.filter(DemoDeploys::pidFile).forEach(p -> {
                try {
                    pids.add(Long.parseLong(Files.readString(p).strip()));
                } catch (IOException | NumberFormatException ignored) {
                    // An unreadable pidfile has no pid to kill.
                }
            });
        } catch (IOException ignored) {
            // Nothing deployed.
        }
        Path root;
        try {
            root = baseDir.toRealPath();
        } catch (IOException e) {
            return;
        }
        ProcessHandle.allProcesses()
                .filter(p -> pids.contains(processGroup(p.pid())) && runsInside(p.pid(), root))
                .forEach(ProcessHandle::destroyForcibly);
        pids.clear();
    }

    /** {@code .stageboard/app.pid} or an instance's {@code .stageboard/run/<type>.<i>.pid}. */
    static boolean pidFile(Path p) {
        String name = p.getFileName().toString();
        return name.equals("app.pid") || (name.endsWith(".pid") && p.getParent() != null && p.getParent().getFileName().toString().equals("run"));
    }

    /** The pid an instance's pidfile names (its supervisor's, for the process strategy), remembered for cleanup. */
    long instancePid(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(envDir().resolve(".stageboard/run/" + name + ".pid")).strip());
        pids.add(pid);
        return pid;
    }

    /** The pid of the process an instance's supervisor runs now. */
    long childPid(String name) throws IOException {
        return Long.parseLong(Files.readString(envDir().resolve(".stageboard/run/" + name + ".child")).strip());
    }

    /** Remembers a pid whose process group to kill after the test. */
    void remember(long pid) {
        pids.add(pid);
    }

    private static long processGroup(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean runsInside(long pid, Path root) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd")).startsWith(root);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
