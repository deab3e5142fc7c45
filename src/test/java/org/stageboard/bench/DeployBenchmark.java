package org.stageboard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * Each is measured against two host profiles, each its own sshd: "as-is" (the remote user's own
 * shell start-up files run for every SSH command, as on this machine) and "lean" (the same user
 * with a {@code HOME} holding no shell rc, like a plain deploy user). Targets are reported
 * PASS/MISS; the exit code is 0 whatever they are (these machines are noisy).
 * Run it with {@code bench/deploy-benchmark.sh [--reps N] [--size-mb M] [--profile as-is|lean|both] [--keep] [--verbose]}.
 */
public final class DeployBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    static final String FIRST = "first deploy";
    static final String REDEPLOY = "redeploy same release";
    static final String NEW_SAME = "new release, same artif.";
    static final String ROLLBACK = "rollback to older";

    private int reps = 5;
    private int sizeMb = 60;
    private String profileChoice = "both";
    private boolean keep;
    private boolean verbose;

    private Path work;
    private Path artifact;
    private String sha256;
    private long artifactBytes;
    private Path handAppDir;
    private String loadBefore;
    private final List<HostProfile> profiles = new ArrayList<>();

    // cipher diagnostic (item 3), against the first profile's sshd
    private final Map<String, Samples> cipherUploads = new LinkedHashMap<>();

    /** One sshd set up one way, and everything measured against it. */
    private static final class HostProfile {
        final String name;
        final String description;
        final BenchSshd sshd;
        final SshTarget target;
        final Samples scp = new Samples();
        final Samples sshjTotal = new Samples();
        final Samples sshjUploadOnly = new Samples();
        final Samples handStart = new Samples();
        final Map<String, Samples> deploys = new LinkedHashMap<>();
        final Map<String, Map<String, Samples>> phases = new LinkedHashMap<>();
        final Map<String, Long> maxUploaded = new LinkedHashMap<>();
        final Map<String, String> failures = new LinkedHashMap<>();
        final Map<String, BenchSshd.Activity> activity = new LinkedHashMap<>();
        BenchSshd.Activity scpActivity;
        BenchSshd.Activity sshjActivity;
        final Samples readOne = new Samples();
        final Samples readTen = new Samples();
        final Samples readTenClientCpu = new Samples();
        final Samples readTenServerCpu = new Samples();
        final Samples readOneClientCpu = new Samples();
        final Samples readOneServerCpu = new Samples();
        final Samples bareOne = new Samples();
        final Samples bareTen = new Samples();
        final Samples stateOne = new Samples();
        final Samples stateTen = new Samples();
        final Samples execRoundTrip = new Samples();
        Samples rawExec;
        Samples rawExecNoDelay;
        String readFailure;
        BenchSshd.Activity readTenActivity;
        Path lastBase;

        HostProfile(String name, String description, BenchSshd sshd, SshTarget target) {
            this.name = name;
            this.description = description;
            this.sshd = sshd;
            this.target = target;
        }
    }

    public static void main(String[] args) throws Exception {
        DeployBenchmark bench = new DeployBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> bench.reps = Integer.parseInt(args[++i]);
                case "--size-mb" -> bench.sizeMb = Integer.parseInt(args[++i]);
                case "--profile" -> bench.profileChoice = args[++i];
                case "--keep" -> bench.keep = true;
                case "--verbose" -> bench.verbose = true;
                default -> {
                    System.err.println("usage: DeployBenchmark [--reps N] [--size-mb M] [--profile as-is|lean|both] [--keep] [--verbose]");
                    System.exit(2);
                }
            }
        }
        if (!List.of("as-is", "lean", "both").contains(bench.profileChoice)) {
            System.err.println("--profile is as-is, lean or both");
            System.exit(2);
        }
        bench.run();
        System.exit(0); // sshj and HttpClient leave non-daemon threads behind
    }

    private void run() throws Exception {
        work = Files.createTempDirectory("stageboard-bench-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        loadBefore = loadAverage();
        say("Stageboard deploy benchmark: " + reps + " measured runs + 1 warm-up per host profile, " + sizeMb
                + " MiB filler; work dir " + work);
        try {
            if (!profileChoice.equals("lean")) {
                profiles.add(profile("as-is", "the user's own shell start-up files run for every SSH command", false));
            }
            if (!profileChoice.equals("as-is")) {
                profiles.add(profile("lean", "sshd sets HOME to an empty folder: no shell rc runs", true));
            }
            long t0 = System.nanoTime();
            artifact = BenchApp.artifact(Files.createDirectories(work.resolve("artifact")), sizeMb);
            sha256 = SshTestServer.sha256(artifact);
            artifactBytes = Files.size(artifact);
            say(String.format("artifact %s: %.1f MB (%d bytes), sha256 %s…, packed in %.1f s", artifact.getFileName(),
                    artifactBytes / 1e6, artifactBytes, sha256.substring(0, 12), (System.nanoTime() - t0) / 1e9));
            handAppDir = Files.createDirectories(work.resolve("hand/app"));
            BenchSshd.run("tar", "-xzf", artifact.toString(), "-C", handAppDir.toString());

            for (int rep = 0; rep <= reps; rep++) {
                // alternate which profile goes first, so that neither always runs in the other's wake
                for (int i = 0; i < profiles.size(); i++) {
                    HostProfile profile = profiles.get((rep + i) % profiles.size());
                    if (profile.lastBase != null) {
                        BenchApp.killDeployed(profile.lastBase);
                        deleteTree(profile.lastBase);
                    }
                    profile.lastBase = round(profile, rep);
                    if (rep < reps) {
                        BenchApp.killDeployed(profile.lastBase);
                    } // the last round's app stays up: the host reads below find it running

                }
            }
            for (HostProfile profile : profiles) {
                readHosts(profile, profile.lastBase.resolve("shop/staging"));
            }
            cipherDiagnostic(profiles.get(0));
        } finally {
            BenchApp.killDeployed(work.resolve("hosts"));
            for (HostProfile profile : profiles) {
                profile.sshd.close();
            }
            report();
            if (keep) {
                say("kept " + work);
            } else {
                deleteTree(work);
            }
        }
    }

    private HostProfile profile(String name, String description, boolean lean) throws Exception {
        BenchSshd sshd = BenchSshd.start(work.resolve("sshd-" + name), lean);
        Path knownHosts = work.resolve("known_hosts-" + name);
        new KnownHosts(knownHosts).trust("127.0.0.1", sshd.port, sshd.fingerprint, TIMEOUT);
        SshTarget target = new SshTarget("127.0.0.1", sshd.port, sshd.user, sshd.clientKey, knownHosts, TIMEOUT);
        say("host profile " + name + ": " + sshd.version() + " on 127.0.0.1:" + sshd.port + " as " + sshd.user + " (" + description + ")");
        return new HostProfile(name, description, sshd, target);
    }

    /** One round of every deploy-side measurement; rep 0 is the warm-up. Returns the base dir it deployed to. */
    private Path round(HostProfile p, int rep) throws Exception {
        boolean counted = rep > 0;
        StringBuilder line = new StringBuilder((counted ? "run " + rep + "/" + reps : "warm-up") + " [" + p.name + "]:");

        // 3. transfer: scp vs sshj, alternating which goes first
        Path remoteDir = Files.createDirectories(work.resolve("host-uploads-" + p.name));
        for (int order = 0; order < 2; order++) {
            boolean scpTurn = (order == 0) == (rep % 2 == 0);
            if (scpTurn) {
                Path remote = remoteDir.resolve("scp-" + rep + ".tar.gz");
                long mark = p.sshd.mark();
                double seconds = p.sshd.scp(artifact, remote.toString());
                p.scpActivity = p.sshd.since(mark);
                requireSameSize(remote);
                Files.delete(remote);
                line.append(String.format(" scp %.2f s;", seconds));
                if (counted) {
                    p.scp.add(seconds);
                }
            } else {
                Path remote = remoteDir.resolve("sshj-" + rep + ".tar.gz");
                long mark = p.sshd.mark();
                long a = System.nanoTime();
                long b;
                long c;
                try (SshSession session = SshSession.open(p.target)) {
                    b = System.nanoTime();
                    session.upload(artifact, remote.toString(), Progress.NONE);
                    c = System.nanoTime();
                }
                double total = (System.nanoTime() - a) / 1e9;
                p.sshjActivity = p.sshd.since(mark);
                requireSameSize(remote);
                Files.delete(remote);
                line.append(String.format(" sshj %.2f s (upload %.2f);", total, (c - b) / 1e9));
                if (counted) {
                    p.sshjTotal.add(total);
                    p.sshjUploadOnly.add((c - b) / 1e9);
                }
            }
        }

        // the app's own start-to-healthy, started by hand over ssh
        double[] hand = BenchApp.startByHand(p.sshd, handAppDir, BenchSshd.freePort());
        BenchApp.killGroup((long) hand[1]);
        line.append(String.format(" by hand %.2f s;", hand[0]));
        if (counted) {
            p.handStart.add(hand[0]);
        }

        // 1 and 2: deploy, redeploy, new release with the same artifact, rollback
        Path base = Files.createDirectories(work.resolve("hosts/" + p.name + "-deploy-" + rep));
        HostRunner runner = new HostRunner(p.target, base.toString());
        int appPort = BenchSshd.freePort();
        RemoteRelease v1 = BenchApp.release(artifact, sha256, 1, 1, appPort);
        RemoteRelease v2 = BenchApp.release(artifact, sha256, 2, 2, appPort);
        line.append(activation(p, counted, FIRST, clock -> runner.activate(v1, "deploy", Duration.ZERO, clock)));
        line.append(activation(p, counted, REDEPLOY, clock -> runner.activate(v1, "deploy", Duration.ZERO, clock)));
        line.append(activation(p, counted, NEW_SAME, clock -> runner.activate(v2, "deploy", Duration.ZERO, clock)));
        line.append(activation(p, counted, ROLLBACK, clock -> runner.activate(v1, "rollback", Duration.ZERO, clock)));
        say(line.toString());
        return base;
    }

    private String activation(HostProfile p, boolean counted, String what, Function<PhaseClock, DeployResult> activate) throws Exception {
        PhaseClock clock = new PhaseClock();
        long mark = p.sshd.mark();
        DeployResult result;
        try {
            result = activate.apply(clock);
        } finally {
            clock.stop();
        }
        BenchSshd.Activity seen = p.sshd.since(mark);
        double seconds = clock.seconds();
        if (result.status() != RunStatus.LIVE) {
            p.failures.put(what, result.status() + ": " + result.message());
            say("  " + what + " ended " + result.status() + ": " + result.message() + "\n" + clock.transcript());
        }
        if (verbose) {
            say("  " + what + " transcript:\n" + clock.transcript());
        }
        if (counted) {
            p.deploys.computeIfAbsent(what, k -> new Samples()).add(seconds);
            Map<String, Samples> byPhase = p.phases.computeIfAbsent(what, k -> new LinkedHashMap<>());
            clock.phases().forEach((phase, s) -> byPhase.computeIfAbsent(phase, k -> new Samples()).add(s));
            p.maxUploaded.merge(what, result.uploadedBytes(), Math::max);
            p.activity.put(what, seen);
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
     * (10 hosts), every host the same sshd with its own base dir holding a copy (hard links) of a
     * real deployed environment. Also measures the CPU a read costs on each side, the bare SSH
     * fan-out without Stageboard, and one remote command on an open connection.
     */
    private void readHosts(HostProfile p, Path deployedEnv) throws Exception {
        StageboardHome home = new StageboardHome(work.resolve("stageboard-home-" + p.name));
        Path repo = work.resolve("repo-" + p.name);
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
                Path base = Files.createDirectories(work.resolve("hosts/" + p.name + "-read-" + i));
                Files.createDirectories(base.resolve("ten"));
                BenchSshd.run("cp", "-al", deployedEnv.toString(), base.resolve("ten/staging").toString());
                Host host = stageboard.addHost("h" + i, "127.0.0.1", p.sshd.port, p.sshd.user, p.sshd.clientKey, base.toString());
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
            checkRead(p, stageboard.readHosts(one, false), 1);
            checkRead(p, stageboard.readHosts(ten, false), 10);
            int n = Math.max(5, 2 * reps);
            for (int i = 0; i < n; i++) {
                double clientCpu = processCpuSeconds();
                double serverCpu = p.sshd.cpuSeconds();
                long a = System.nanoTime();
                checkRead(p, stageboard.readHosts(one, false), 1);
                p.readOne.add((System.nanoTime() - a) / 1e9);
                Thread.sleep(200); // let sshd reap the session before reading its CPU
                p.readOneClientCpu.add(processCpuSeconds() - clientCpu);
                p.readOneServerCpu.add(p.sshd.cpuSeconds() - serverCpu);

                long mark = p.sshd.mark();
                clientCpu = processCpuSeconds();
                serverCpu = p.sshd.cpuSeconds();
                long b = System.nanoTime();
                checkRead(p, stageboard.readHosts(ten, false), 10);
                p.readTen.add((System.nanoTime() - b) / 1e9);
                Thread.sleep(200);
                p.readTenClientCpu.add(processCpuSeconds() - clientCpu);
                p.readTenServerCpu.add(p.sshd.cpuSeconds() - serverCpu);
                if (i == 0) {
                    p.readTenActivity = p.sshd.since(mark);
                }
            }
            say(String.format("readHosts [%s]: 1 host %s, 10 hosts %s", p.name, p.readOne.seconds(), p.readTen.seconds()));
        }
        // The bare SSH cost of the same fan-out, no Stageboard code around it; and HostRunner.state
        // (the same remote read, no catalog) fanned out the same way.
        for (int i = 0; i < Math.max(5, reps); i++) {
            p.bareOne.add(bareSsh(p, 1));
            p.bareTen.add(bareSsh(p, 10));
            p.stateOne.add(stateFanOut(p, 1));
            p.stateTen.add(stateFanOut(p, 10));
        }
        // One remote command on an open connection: what every step of a run costs at least.
        try (SshSession session = SshSession.open(p.target)) {
            for (int i = 0; i < 23; i++) {
                long a = System.nanoTime();
                session.exec("sh -c true", TIMEOUT);
                if (i >= 3) {
                    p.execRoundTrip.add((System.nanoTime() - a) / 1e9);
                }
            }
        }
        p.rawExec = RawSshj.execSeconds(p.sshd, false, 20);
        p.rawExecNoDelay = RawSshj.execSeconds(p.sshd, true, 20);
        say(String.format("bare sshj [%s]: connect+auth+command 1 host %s, 10 in parallel %s; one command on an open connection %s",
                p.name, p.bareOne.seconds(), p.bareTen.seconds(), p.execRoundTrip.seconds()));
    }

    private static void checkRead(HostProfile p, List<HostStatus> statuses, int expected) {
        if (statuses.size() != expected) {
            p.readFailure = "readHosts returned " + statuses.size() + " statuses, not " + expected;
        }
        for (HostStatus status : statuses) {
            if (status.state() == null) {
                p.readFailure = status.host().name() + " was not read: " + status.error();
            }
        }
    }

    private double stateFanOut(HostProfile p, int hosts) throws Exception {
        return fanOut(hosts, i -> new HostRunner(p.target, work.resolve("hosts/" + p.name + "-read-" + (i + 1)).toString())
                .state("ten", "staging", false));
    }

    private static double fanOut(int hosts, java.util.function.IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(hosts);
        try {
            long a = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                int host = i;
                futures.add(pool.submit(() -> task.accept(host)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return (System.nanoTime() - a) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double bareSsh(HostProfile p, int hosts) throws Exception {
        return fanOut(hosts, i -> {
            try (SshSession session = SshSession.open(p.target)) {
                session.exec("true", TIMEOUT);
            }
        });
    }

    /**
     * For target 3: the same SFTP upload with sshj forced to one cipher at a time, next to scp
     * with the same ciphers, to see whether the cipher explains the gap.
     */
    private void cipherDiagnostic(HostProfile p) throws Exception {
        Path remoteDir = Files.createDirectories(work.resolve("host-uploads-ciphers"));
        List<String> ciphers = List.of("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com", "aes128-ctr");
        int n = Math.max(3, Math.min(reps, 5));
        for (int i = 0; i < n; i++) {
            Path productRemote = remoteDir.resolve("p.tar.gz");
            long mark = p.sshd.mark();
            long t0 = System.nanoTime();
            try (SshSession session = SshSession.open(p.target)) {
                session.upload(artifact, productRemote.toString(), Progress.NONE);
            }
            double product = (System.nanoTime() - t0) / 1e9;
            String negotiated = p.sshd.since(mark).cipherNames();
            requireSameSize(productRemote);
            Files.delete(productRemote);
            cipherUploads.computeIfAbsent("Stageboard SshSession.upload (" + negotiated + ")", k -> new Samples()).add(product);
            for (String cipher : ciphers) {
                Path remote = remoteDir.resolve("c.tar.gz");
                double sshj = RawSshj.upload(p.sshd, cipher, artifact, remote.toString());
                requireSameSize(remote);
                Files.delete(remote);
                cipherUploads.computeIfAbsent("sshj " + cipher, k -> new Samples()).add(sshj);
                double scp = p.sshd.scp(artifact, remote.toString(), "-c", cipher);
                requireSameSize(remote);
                Files.delete(remote);
                cipherUploads.computeIfAbsent("scp  " + cipher, k -> new Samples()).add(scp);
            }
        }
    }

    // --- report ---------------------------------------------------------------------------------

    private void report() {
        StringBuilder out = new StringBuilder();
        String wide = "=".repeat(113);
        String thin = "-".repeat(113);
        out.append('\n').append(wide).append('\n');
        out.append("Stageboard deploy benchmark, ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append('\n');
        out.append("machine: ").append(machine()).append('\n');
        out.append("load average at start: ").append(loadBefore).append(", at end: ").append(loadAverage()).append('\n');
        out.append(String.format("artifact: %.1f MB .tar.gz (random filler); app: java Server.java (demo HTTP server); "
                + "%d measured runs after 1 warm-up; medians (min–max)%n", artifactBytes / 1e6, reps));
        for (HostProfile p : profiles) {
            out.append(wide).append('\n');
            out.append("host profile ").append(p.name).append(": ").append(p.description).append('\n');
            out.append(thin).append('\n');
            table(out, p);
            out.append(thin).append('\n');
            details(out, p);
            phases(out, p);
        }
        if (!cipherUploads.isEmpty()) {
            out.append(wide).append('\n');
            out.append("upload by cipher, measured side by side (same file, connect included; sshj = plain "
                    + "SSHClient.newSFTPClient().put with only that cipher offered; scp = scp -c CIPHER)\n");
            cipherUploads.forEach((name, s) -> out.append(String.format("  %-56s %6.1f MB/s  %s%n", name, mb(s.median()), s.seconds())));
        }
        out.append(wide).append('\n');
        System.out.print(out);
        System.out.flush();
    }

    private void table(StringBuilder out, HostProfile p) {
        out.append(String.format("%-38s %-22s %-32s %5s %7s %s%n", "measure", "Stageboard", "baseline", "ratio", "target", ""));
        double baselineFirst = p.scp.median() + p.handStart.median();
        Samples first = p.deploys.get(FIRST);
        if (first != null) {
            double ratio = first.median() / baselineFirst;
            out.append(row(String.format("1  first deploy, %.1f MB up", p.maxUploaded.getOrDefault(FIRST, 0L) / 1e6), first.seconds(),
                    String.format("scp %.2f + start %.2f = %.2f s", p.scp.median(), p.handStart.median(), baselineFirst),
                    ratio, "≤ 1.10", ratio <= 1.10 && !p.failures.containsKey(FIRST)));
        }
        String[] tags = {"2a", "2b", "2c"};
        List<String> second = List.of(REDEPLOY, NEW_SAME, ROLLBACK);
        for (int i = 0; i < second.size(); i++) {
            String what = second.get(i);
            Samples s = p.deploys.get(what);
            if (s == null) {
                continue;
            }
            long up = p.maxUploaded.getOrDefault(what, -1L);
            double ratio = s.median() / p.handStart.median();
            out.append(row(tags[i] + " " + what + ", " + up + " B up", s.seconds(),
                    String.format("start-to-healthy %.2f s", p.handStart.median()),
                    ratio, "≤ 1.10", ratio <= 1.10 && up == 0 && !p.failures.containsKey(what)));
        }
        if (!p.sshjTotal.isEmpty()) {
            double ratio = p.scp.median() / p.sshjTotal.median();
            out.append(row("3  upload throughput, sshj / scp", String.format("%.1f MB/s (%.2f s)", mb(p.sshjTotal.median()),
                    p.sshjTotal.median()), String.format("scp %.1f MB/s (%.2f s)", mb(p.scp.median()), p.scp.median()),
                    ratio, "≥ 1.00", ratio >= 1.0));
        }
        if (!p.readTen.isEmpty()) {
            double ratio = p.readTen.median() / p.readOne.median();
            out.append(row("4  readHosts, 10 hosts / 1 host", p.readTen.seconds(), "1 host " + p.readOne.seconds(), ratio, "≤ 1.50",
                    ratio <= 1.5 && p.readFailure == null));
        }
    }

    private void details(StringBuilder out, HostProfile p) {
        if (!p.sshjUploadOnly.isEmpty()) {
            out.append(String.format("  sshj SshSession.open + upload + close %.2f s; upload alone %.2f s = %.1f MB/s; scp (whole process) %.2f s%n",
                    p.sshjTotal.median(), p.sshjUploadOnly.median(), mb(p.sshjUploadOnly.median()), p.scp.median()));
        }
        if (p.sshjActivity != null && p.scpActivity != null) {
            out.append("  ciphers negotiated with sshd: sshj ").append(p.sshjActivity.cipherNames()).append("; scp ")
                    .append(p.scpActivity.cipherNames()).append('\n');
        }
        out.append("  app start-to-healthy by hand (ssh + nohup setsid java Server.java, polled every 20 ms): ")
                .append(p.handStart.seconds()).append('\n');
        if (!p.execRoundTrip.isEmpty()) {
            out.append(String.format("  one remote command (`sh -c true`) on an open connection: SshSession.exec %.0f ms (%.0f–%.0f); "
                            + "plain sshj %.0f ms; plain sshj + TCP_NODELAY %.0f ms%n",
                    p.execRoundTrip.median() * 1000, p.execRoundTrip.min() * 1000, p.execRoundTrip.max() * 1000,
                    p.rawExec.median() * 1000, p.rawExecNoDelay.median() * 1000));
        }
        for (Map.Entry<String, BenchSshd.Activity> e : p.activity.entrySet()) {
            out.append(String.format("  %-26s %s%n", e.getKey() + ":", e.getValue().summary()));
        }
        if (p.readTenActivity != null) {
            out.append(String.format("  %-26s %s%n", "readHosts of 10 hosts:", p.readTenActivity.summary()));
        }
        if (!p.readTen.isEmpty()) {
            out.append(String.format("  CPU per readHosts: 1 host %.2f s client (this JVM) + %.2f s sshd side; 10 hosts %.2f s + %.2f s "
                            + "(%.2f s on %d cores = at least %.2f s of wall time when client and hosts share this machine)%n",
                    p.readOneClientCpu.median(), p.readOneServerCpu.median(), p.readTenClientCpu.median(), p.readTenServerCpu.median(),
                    p.readTenClientCpu.median() + p.readTenServerCpu.median(), Runtime.getRuntime().availableProcessors(),
                    (p.readTenClientCpu.median() + p.readTenServerCpu.median()) / Runtime.getRuntime().availableProcessors()));
        }
        if (!p.bareTen.isEmpty()) {
            out.append(String.format("  same fan-out without the catalog, HostRunner.state: 1 host %s, 10 in parallel %s (ratio %.2f)%n",
                    p.stateOne.seconds(), p.stateTen.seconds(), p.stateTen.median() / p.stateOne.median()));
            out.append(String.format("  same fan-out, bare sshj connect + auth + `true`: 1 host %s, 10 in parallel %s (ratio %.2f)%n",
                    p.bareOne.seconds(), p.bareTen.seconds(), p.bareTen.median() / p.bareOne.median()));
        }
        p.failures.forEach((what, why) -> out.append("  FAILED ").append(what).append(": ").append(why).append('\n'));
        if (p.readFailure != null) {
            out.append("  READ FAILED: ").append(p.readFailure).append('\n');
        }
    }

    private static void phases(StringBuilder out, HostProfile p) {
        if (p.phases.isEmpty()) {
            return;
        }
        out.append("  time per phase, from HostRunner's progress steps (medians, s)\n");
        List<String> columns = new ArrayList<>(p.phases.keySet());
        List<String> names = new ArrayList<>();
        p.phases.values().forEach(m -> m.keySet().forEach(k -> {
            if (!names.contains(k) && !k.startsWith("(before")) {
                names.add(k);
            }
        }));
        out.append(String.format("  %-40s", "phase"));
        columns.forEach(c -> out.append(String.format(" %10s", shortName(c))));
        out.append('\n');
        for (String name : names) {
            out.append(String.format("  %-40s", name));
            for (String c : columns) {
                Samples s = p.phases.get(c).get(name);
                out.append(s == null ? String.format(" %10s", "-") : String.format(" %10.2f", s.median()));
            }
            out.append('\n');
        }
        out.append(String.format("  %-40s", "total"));
        columns.forEach(c -> out.append(String.format(" %10.2f", p.deploys.get(c).median())));
        out.append('\n');
    }

    private double mb(double seconds) {
        return artifactBytes / 1e6 / seconds;
    }

    private static String row(String what, String measured, String baseline, double ratio, String target, boolean pass) {
        return String.format("%-38s %-22s %-32s %5.2f %7s %s%n", what, measured, baseline, ratio, target, pass ? "PASS" : "MISS");
    }

    private static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
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
