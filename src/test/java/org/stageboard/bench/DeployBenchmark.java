package org.stageboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.pipeline.HostStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.run.DeployResult;
import org.stageboard.run.HostRunner;
import org.stageboard.run.RemoteRelease;
import org.stageboard.ssh.KnownHosts;
import org.stageboard.ssh.SshSession;
import org.stageboard.ssh.SshTarget;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;

/**
 * Deploy benchmark against a real OpenSSH sshd on 127.0.0.1 (issue "Hosts are the truth",
 * Performance). Everything is measured side by side in one run, repeated, and reported as medians:
 * <ol>
 *   <li>first deploy of a ~60 MB artifact ({@link HostRunner#activate(RemoteRelease, Progress)})
 *       ÷ ({@code scp} of the same file + the app's own start-to-healthy time by hand over {@code ssh});
 *       target ≤ 1.10</li>
 *   <li>redeploy of the same release, a new release with the same artifact, and a rollback:
 *       0 bytes uploaded, time ÷ the app's start-to-healthy ≤ 1.10</li>
 *   <li>sshj upload ({@link SshSession#upload}) throughput ÷ {@code scp}'s; target ≥ 1.0</li>
 *   <li>{@link Stageboard#readHosts(Project, boolean)} of 10 hosts ÷ of 1 host; target ≤ 1.5</li>
 * </ol>
 * Targets are reported PASS/MISS; the exit code is 0 whatever they are (these machines are noisy).
 * Run it with {@code bench/deploy-benchmark.sh [--reps N] [--size-mb M] [--keep]}.
 */
public final class DeployBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private int reps = 5;
    private int sizeMb = 60;
    private boolean keep;
    private boolean verbose;

    private Path work;
    private BenchSshd sshd;
    private SshTarget target;
    private Path artifact;
    private String sha256;
    private long artifactBytes;
    private Path handAppDir;

    // measurements (warm-up run excluded)
    private final Samples scp = new Samples();
    private final Samples sshjTotal = new Samples();
    private final Samples sshjUploadOnly = new Samples();
    private final Samples handStart = new Samples();
    private final Map<String, Samples> deploys = new LinkedHashMap<>();
    private final Map<String, Map<String, Samples>> phases = new LinkedHashMap<>();
    private final Map<String, Long> maxUploaded = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, BenchSshd.Activity> activity = new LinkedHashMap<>();
    private BenchSshd.Activity scpActivity;
    private BenchSshd.Activity sshjActivity;
    private final Samples readOne = new Samples();
    private final Samples readTen = new Samples();
    private final Samples bareOne = new Samples();
    private final Samples bareTen = new Samples();
    private final Samples execRoundTrip = new Samples();
    private String readFailure;
    private BenchSshd.Activity readTenActivity;
    private String loadBefore;

    static final String FIRST = "first deploy (uploads)";
    static final String REDEPLOY = "redeploy same release";
    static final String NEW_SAME = "new release, same artif.";
    static final String ROLLBACK = "rollback to older";

    public static void main(String[] args) throws Exception {
        DeployBenchmark bench = new DeployBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> bench.reps = Integer.parseInt(args[++i]);
                case "--size-mb" -> bench.sizeMb = Integer.parseInt(args[++i]);
                case "--keep" -> bench.keep = true;
                case "--verbose" -> bench.verbose = true;
                default -> {
                    System.err.println("usage: DeployBenchmark [--reps N] [--size-mb M] [--keep] [--verbose]");
                    System.exit(2);
                }
            }
        }
        bench.run();
        System.exit(0); // sshj and HttpClient leave non-daemon threads behind
    }

    private void run() throws Exception {
        work = Files.createTempDirectory("stageboard-bench-");
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        loadBefore = loadAverage();
        say("Stageboard deploy benchmark: " + reps + " measured runs + 1 warm-up, " + sizeMb + " MiB filler; work dir " + work);
        try {
            sshd = BenchSshd.start(work.resolve("sshd"));
            say(sshd.version() + " on 127.0.0.1:" + sshd.port + ", host key " + sshd.fingerprint);
            Path knownHosts = work.resolve("stageboard-home-known_hosts");
            new KnownHosts(knownHosts).trust("127.0.0.1", sshd.port, sshd.fingerprint, TIMEOUT);
            target = new SshTarget("127.0.0.1", sshd.port, sshd.user, sshd.clientKey, knownHosts, TIMEOUT);

            long t0 = System.nanoTime();
            artifact = BenchApp.artifact(Files.createDirectories(work.resolve("artifact")), sizeMb);
            sha256 = SshTestServer.sha256(artifact);
            artifactBytes = Files.size(artifact);
            say(String.format("artifact %s: %.1f MB (%d bytes), sha256 %s…, packed in %.1f s", artifact.getFileName(),
                    artifactBytes / 1e6, artifactBytes, sha256.substring(0, 12), (System.nanoTime() - t0) / 1e9));
            handAppDir = Files.createDirectories(work.resolve("hand/app"));
            BenchSshd.run("tar", "-xzf", artifact.toString(), "-C", handAppDir.toString());

            Path lastBase = null;
            for (int rep = 0; rep <= reps; rep++) {
                if (lastBase != null) {
                    BenchApp.killDeployed(lastBase);
                    deleteTree(lastBase);
                }
                lastBase = round(rep);
            }
            readHosts(lastBase.resolve("shop/staging"));
            BenchApp.killDeployed(lastBase);
        } finally {
            BenchApp.killDeployed(work.resolve("hosts"));
            if (sshd != null) {
                sshd.close();
            }
            report();
            if (keep) {
                say("kept " + work);
            } else {
                deleteTree(work);
            }
        }
    }

    /** One round of every deploy-side measurement; rep 0 is the warm-up. Returns the base dir it deployed to (app still running). */
    private Path round(int rep) throws Exception {
        boolean counted = rep > 0;
        String tag = counted ? "run " + rep + "/" + reps : "warm-up";
        StringBuilder line = new StringBuilder(tag + ":");

        // 3. transfer: scp vs sshj, alternating which goes first
        Path remoteDir = Files.createDirectories(work.resolve("host-uploads"));
        for (int order = 0; order < 2; order++) {
            boolean scpTurn = (order == 0) == (rep % 2 == 0);
            if (scpTurn) {
                Path remote = remoteDir.resolve("scp-" + rep + ".tar.gz");
                long mark = sshd.mark();
                double seconds = sshd.scp(artifact, remote.toString());
                scpActivity = sshd.since(mark);
                requireSameSize(remote);
                Files.delete(remote);
                line.append(String.format(" scp %.2f s;", seconds));
                if (counted) {
                    scp.add(seconds);
                }
            } else {
                Path remote = remoteDir.resolve("sshj-" + rep + ".tar.gz");
                long mark = sshd.mark();
                long a = System.nanoTime();
                long b;
                long c;
                try (SshSession session = SshSession.open(target)) {
                    b = System.nanoTime();
                    session.upload(artifact, remote.toString(), Progress.NONE);
                    c = System.nanoTime();
                }
                double total = (System.nanoTime() - a) / 1e9;
                sshjActivity = sshd.since(mark);
                requireSameSize(remote);
                Files.delete(remote);
                line.append(String.format(" sshj %.2f s (upload %.2f);", total, (c - b) / 1e9));
                if (counted) {
                    sshjTotal.add(total);
                    sshjUploadOnly.add((c - b) / 1e9);
                }
            }
        }

        // the app's own start-to-healthy, started by hand over ssh
        int handPort = BenchSshd.freePort();
        double[] hand = BenchApp.startByHand(sshd, handAppDir, handPort);
        BenchApp.killGroup((long) hand[1]);
        line.append(String.format(" by hand %.2f s;", hand[0]));
        if (counted) {
            handStart.add(hand[0]);
        }

        // 1 and 2: deploy, redeploy, new release with the same artifact, rollback
        Path base = Files.createDirectories(work.resolve("hosts/deploy-" + rep));
        HostRunner runner = new HostRunner(target, base.toString());
        int appPort = BenchSshd.freePort();
        RemoteRelease v1 = BenchApp.release(artifact, sha256, 1, 1, appPort);
        RemoteRelease v2 = BenchApp.release(artifact, sha256, 2, 2, appPort);
        line.append(activation(counted, FIRST, clock -> runner.activate(v1, "deploy", Duration.ZERO, clock)));
        line.append(activation(counted, REDEPLOY, clock -> runner.activate(v1, "deploy", Duration.ZERO, clock)));
        line.append(activation(counted, NEW_SAME, clock -> runner.activate(v2, "deploy", Duration.ZERO, clock)));
        line.append(activation(counted, ROLLBACK, clock -> runner.activate(v1, "rollback", Duration.ZERO, clock)));
        say(line.toString());
        return base;
    }

    private String activation(boolean counted, String what, Function<PhaseClock, DeployResult> activate) throws Exception {
        PhaseClock clock = new PhaseClock();
        long mark = sshd.mark();
        DeployResult result;
        try {
            result = activate.apply(clock);
        } finally {
            clock.stop();
        }
        BenchSshd.Activity seen = sshd.since(mark);
        double seconds = clock.seconds();
        if (result.status() != RunStatus.LIVE) {
            failures.put(what, result.status() + ": " + result.message());
            say("  " + what + " ended " + result.status() + ": " + result.message() + "\n" + clock.transcript());
        }
        if (verbose) {
            say("  " + what + " transcript:\n" + clock.transcript());
        }
        if (counted) {
            deploys.computeIfAbsent(what, k -> new Samples()).add(seconds);
            Map<String, Samples> byPhase = phases.computeIfAbsent(what, k -> new LinkedHashMap<>());
            clock.phases().forEach((phase, s) -> byPhase.computeIfAbsent(phase, k -> new Samples()).add(s));
            maxUploaded.merge(what, result.uploadedBytes(), Math::max);
            activity.put(what, seen);
        }
        return String.format(" %s %.2f s (%s B up);", shortName(what), seconds, result.uploadedBytes());
    }

    private static String shortName(String what) {
        return switch (what) {
            case FIRST -> "deploy";
            case REDEPLOY -> "redeploy";
            case NEW_SAME -> "new-same";
            case ROLLBACK -> "rollback";
            default -> what;
        };
    }

    private void requireSameSize(Path remote) throws IOException {
        if (Files.size(remote) != artifactBytes) {
            throw new IllegalStateException(remote + " has " + Files.size(remote) + " bytes, not " + artifactBytes);
        }
    }

    /**
     * 4. The engine's host read over a real catalog: project "one" (1 host) and project "ten"
     * (10 hosts), every host the same sshd with its own base dir holding a copy of a real
     * deployed environment (hard links), the app of the last round still running.
     */
    private void readHosts(Path deployedEnv) throws Exception {
        StageboardHome home = new StageboardHome(work.resolve("stageboard-home"));
        Path repo = work.resolve("repo");
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("README.md", "benchmark project\n").commit("initial commit");
        }
        try (Stageboard stageboard = Stageboard.open(home)) {
            Recipe recipe = new Recipe("true", List.of("**"));
            Project one = stageboard.addProject("one", repo, null, recipe);
            Project ten = stageboard.addProject("ten", repo, null, recipe);
            RunSettings run = new RunSettings(BenchApp.startCommand(), BenchApp.healthUrl(8080), 60, 10, 3);
            Environment oneEnv = stageboard.addEnvironment(one, "staging", run);
            Environment tenEnv = stageboard.addEnvironment(ten, "staging", run);
            for (int i = 1; i <= 10; i++) {
                Path base = Files.createDirectories(work.resolve("hosts/read-" + i));
                Files.createDirectories(base.resolve("ten"));
                BenchSshd.run("cp", "-al", deployedEnv.toString(), base.resolve("ten/staging").toString());
                Host host = stageboard.addHost("h" + i, "127.0.0.1", sshd.port, sshd.user, sshd.clientKey, base.toString());
                HostKeyCheck check = stageboard.checkHostKey(host);
                host = stageboard.trustHostKey(host, check.fingerprint());
                stageboard.attachHost(tenEnv, host);
                if (i == 1) {
                    Files.createDirectories(base.resolve("one"));
                    BenchSshd.run("cp", "-al", deployedEnv.toString(), base.resolve("one/staging").toString());
                    stageboard.attachHost(oneEnv, host);
                }
            }
            // warm-up, then alternate
            checkRead(stageboard.readHosts(one, false), 1);
            checkRead(stageboard.readHosts(ten, false), 10);
            int n = Math.max(5, 2 * reps);
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                checkRead(stageboard.readHosts(one, false), 1);
                readOne.add((System.nanoTime() - a) / 1e9);
                long mark = sshd.mark();
                long b = System.nanoTime();
                checkRead(stageboard.readHosts(ten, false), 10);
                readTen.add((System.nanoTime() - b) / 1e9);
                if (i == 0) {
                    readTenActivity = sshd.since(mark);
                }
            }
            say(String.format("readHosts: 1 host %s, 10 hosts %s", readOne.seconds(), readTen.seconds()));
        }
        // Diagnostic: the bare SSH cost of the same fan-out, no Stageboard code around it.
        for (int i = 0; i < Math.max(5, reps); i++) {
            bareOne.add(bareSsh(1));
            bareTen.add(bareSsh(10));
        }
        say(String.format("bare sshj connect+auth+`true`: 1 %s, 10 in parallel %s", bareOne.seconds(), bareTen.seconds()));
        // Diagnostic: one remote command on an open connection, what every step of a run costs at least.
        try (SshSession session = SshSession.open(target)) {
            for (int i = 0; i < 23; i++) {
                long a = System.nanoTime();
                session.exec("sh -c true", TIMEOUT);
                if (i >= 3) {
                    execRoundTrip.add((System.nanoTime() - a) / 1e9);
                }
            }
        }
        say("one remote command on an open sshj connection: " + execRoundTrip.seconds());
    }

    private void checkRead(List<HostStatus> statuses, int expected) {
        if (statuses.size() != expected) {
            readFailure = "readHosts returned " + statuses.size() + " statuses, not " + expected;
        }
        for (HostStatus status : statuses) {
            if (status.state() == null) {
                readFailure = status.host().name() + " was not read: " + status.error();
            }
        }
    }

    private double bareSsh(int hosts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(hosts);
        try {
            long a = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                futures.add(pool.submit(() -> {
                    try (SshSession session = SshSession.open(target)) {
                        session.exec("true", TIMEOUT);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return (System.nanoTime() - a) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    // --- report ---------------------------------------------------------------------------------

    private void report() {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("=".repeat(113)).append('\n');
        out.append("Stageboard deploy benchmark, ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append('\n');
        out.append("machine: ").append(machine()).append('\n');
        out.append("load average at start: ").append(loadBefore).append(", at end: ").append(loadAverage()).append('\n');
        out.append(String.format("artifact: %.1f MB .tar.gz (random filler); %d measured runs after 1 warm-up; medians (min–max)%n",
                artifactBytes / 1e6, scp.size()));
        out.append("-".repeat(113)).append('\n');
        out.append(String.format("%-38s %-22s %-32s %5s %7s %s%n", "measure", "Stageboard", "baseline", "ratio", "target", ""));

        double baselineFirst = scp.median() + handStart.median();
        Samples first = deploys.get(FIRST);
        if (first != null) {
            double ratio = first.median() / baselineFirst;
            out.append(row(String.format("1  first deploy, %.1f MB up", maxUploaded.getOrDefault(FIRST, 0L) / 1e6), first.seconds(), String.format("scp %.2f + start %.2f = %.2f s", scp.median(),
                    handStart.median(), baselineFirst), ratio, "≤ 1.10", ratio <= 1.10 && !failures.containsKey(FIRST)));
        }
        String[] tags = {"2a", "2b", "2c"};
        List<String> second = List.of(REDEPLOY, NEW_SAME, ROLLBACK);
        for (int i = 0; i < second.size(); i++) {
            String what = second.get(i);
            Samples s = deploys.get(what);
            if (s == null) {
                continue;
            }
            long up = maxUploaded.getOrDefault(what, -1L);
            double ratio = s.median() / handStart.median();
            out.append(row(tags[i] + " " + what + ", " + up + " B up", s.seconds(), String.format("start-to-healthy %.2f s", handStart.median()),
                    ratio, "≤ 1.10", ratio <= 1.10 && up == 0 && !failures.containsKey(what)));
        }
        if (!sshjTotal.isEmpty()) {
            double ratio = scp.median() / sshjTotal.median();
            out.append(row("3  upload throughput, sshj / scp", String.format("%.1f MB/s (%.2f s)", mb(sshjTotal.median()), sshjTotal.median()),
                    String.format("scp %.1f MB/s (%.2f s)", mb(scp.median()), scp.median()), ratio, "≥ 1.00", ratio >= 1.0));
        }
        if (!readTen.isEmpty()) {
            double ratio = readTen.median() / readOne.median();
            out.append(row("4  readHosts, 10 hosts / 1 host", readTen.seconds(), "1 host " + readOne.seconds(), ratio, "≤ 1.50",
                    ratio <= 1.5 && readFailure == null));
        }
        out.append("-".repeat(113)).append('\n');

        out.append("details\n");
        if (!sshjUploadOnly.isEmpty()) {
            out.append(String.format("  sshj SshSession.open + upload + close %.2f s; upload alone %.2f s = %.1f MB/s; scp (whole process) %.2f s%n",
                    sshjTotal.median(), sshjUploadOnly.median(), mb(sshjUploadOnly.median()), scp.median()));
        }
        if (sshjActivity != null && scpActivity != null) {
            out.append("  ciphers negotiated with sshd: sshj ").append(sshjActivity.cipherNames()).append("; scp ")
                    .append(scpActivity.cipherNames()).append('\n');
        }
        out.append("  app start-to-healthy by hand (ssh + nohup setsid java Server.java, polled every 20 ms): ")
                .append(handStart.seconds()).append('\n');
        if (!execRoundTrip.isEmpty()) {
            out.append(String.format("  one remote command (exec `sh -c true`) on an open sshj connection: %.0f ms (%.0f–%.0f)%n",
                    execRoundTrip.median() * 1000, execRoundTrip.min() * 1000, execRoundTrip.max() * 1000));
        }
        for (Map.Entry<String, BenchSshd.Activity> e : activity.entrySet()) {
            out.append("  ").append(e.getKey()).append(": ").append(e.getValue().summary()).append('\n');
        }
        if (readTenActivity != null) {
            out.append("  readHosts of 10 hosts: ").append(readTenActivity.summary()).append('\n');
        }
        if (!bareTen.isEmpty()) {
            out.append(String.format("  bare sshj connect + auth + one command: 1 host %s, 10 in parallel %s (ratio %.2f)%n",
                    bareOne.seconds(), bareTen.seconds(), bareTen.median() / bareOne.median()));
        }
        failures.forEach((what, why) -> out.append("  FAILED ").append(what).append(": ").append(why).append('\n'));
        if (readFailure != null) {
            out.append("  READ FAILED: ").append(readFailure).append('\n');
        }

        out.append("time per phase, from HostRunner's progress steps (medians, s)\n");
        List<String> columns = new ArrayList<>(phases.keySet());
        List<String> names = new ArrayList<>();
        phases.values().forEach(m -> m.keySet().forEach(k -> {
            if (!names.contains(k)) {
                names.add(k);
            }
        }));
        out.append(String.format("  %-40s", "phase"));
        columns.forEach(c -> out.append(String.format(" %10s", shortName(c))));
        out.append('\n');
        for (String name : names) {
            out.append(String.format("  %-40s", name));
            for (String c : columns) {
                Samples s = phases.get(c).get(name);
                out.append(s == null ? String.format(" %10s", "-") : String.format(" %10.2f", s.median()));
            }
            out.append('\n');
        }
        out.append(String.format("  %-40s", "total"));
        columns.forEach(c -> out.append(String.format(" %10.2f", deploys.get(c).median())));
        out.append('\n');
        out.append("=".repeat(113)).append('\n');
        System.out.print(out);
        System.out.flush();
    }

    private double mb(double seconds) {
        return artifactBytes / 1e6 / seconds;
    }

    private static String row(String what, String measured, String baseline, double ratio, String target, boolean pass) {
        return String.format("%-38s %-22s %-32s %5.2f %7s %s%n", what, measured, baseline, ratio, target, pass ? "PASS" : "MISS");
    }

    private static String machine() {
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        String os = "?";
        try (Stream<String> lines = Files.lines(Path.of("/etc/os-release"))) {
            os = lines.filter(l -> l.startsWith("PRETTY_NAME=")).findFirst().map(l -> l.substring(12).replace("\"", "")).orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        long memGb = 0;
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memGb = lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024).orElse(0L);
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return os + ", " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGb + " GB RAM, Java "
                + System.getProperty("java.version");
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            BenchSshd.run("rm", "-rf", root.toString());
        } catch (Exception e) {
            say("could not remove " + root + ": " + e.getMessage());
        }
    }
}
