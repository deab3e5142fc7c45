package org.stageboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Rollout;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.RolloutResult;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/**
 * Rollout benchmark (issue "Operating the app on its hosts", Performance): a deploy over several
 * hosts ÷ a deploy to one host, measured side by side in one run, repeated, reported as medians:
 * four hosts in parallel ÷ one host (target ≤ 1.3) and ten hosts at parallelism 5 ÷ one host
 * (target ≤ 2.5). The "hosts" are host records on one real OpenSSH sshd on 127.0.0.1 (its "lean"
 * profile: no shell start-up files), each with its own base folder. The app is light: a process
 * that stays up ({@code sleep}), checked by a {@code command:} health check, so that hosts need no
 * port of their own. Each round deploys a new release of a small artifact (already on the hosts
 * after the warm-up: a new release folder, a stop, a switch, a start, a health check per host).
 * Targets are reported PASS/MISS; the exit code is 0 whatever they are (these machines are noisy).
 * Run it with {@code bench/deploy-benchmark.sh --rollout [--reps N] [--keep]}.
 */
public final class RolloutBenchmark {

    private int reps = 5;
    private boolean keep;

    public static void main(String[] args) throws Exception {
        RolloutBenchmark bench = new RolloutBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> bench.reps = Integer.parseInt(args[++i]);
                case "--keep" -> bench.keep = true;
                default -> {
                    System.err.println("usage: RolloutBenchmark [--reps N] [--keep]");
                    System.exit(2);
                }
            }
        }
        bench.run();
        System.exit(0); // sshj leaves non-daemon threads behind
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("stageboard-rollout-bench-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        say("Stageboard rollout benchmark: " + reps + " measured rounds + 1 warm-up; work dir " + work);
        Map<String, Samples> times = new LinkedHashMap<>();
        Map<String, Samples> cpu = new LinkedHashMap<>();
        String loadBefore = loadAverage();
        Map<String, String> failures = new LinkedHashMap<>();
        try (BenchSshd sshd = BenchSshd.start(work.resolve("sshd"), true)) {
            Path repo = work.resolve("repo");
            String sha;
            try (GitFixture git = GitFixture.init(repo)) {
                sha = git.write("app.txt", "a light app\n").commit("light app");
            }
            try (Stageboard engine = Stageboard.open(new StageboardHome(work.resolve("home")))) {
                Project project = engine.addProject("bench", repo, null, new Recipe("true", List.of("app.txt")));
                RunSettings light = new RunSettings("exec sleep 3600", "command:true", 30, 5, 3);
                Map<String, Environment> envs = new LinkedHashMap<>();
                envs.put("1 host", environment(engine, project, "one", light, 1, new Rollout(Rollout.Mode.PARALLEL, 1, 1, 0, Rollout.OnFailure.ROLL_BACK), sshd, work));
                envs.put("4 hosts, parallel", environment(engine, project, "four", light, 4, new Rollout(Rollout.Mode.PARALLEL, 4, 1, 0, Rollout.OnFailure.ROLL_BACK), sshd, work));
                envs.put("10 hosts, parallelism 5", environment(engine, project, "ten", light, 10, new Rollout(Rollout.Mode.PARALLEL, 5, 1, 0, Rollout.OnFailure.ROLL_BACK), sshd, work));
                Build build = engine.build(project, sha, Progress.NONE);
                if (!build.succeeded()) {
                    throw new IllegalStateException("the benchmark's build failed: " + build.message());
                }
                envs.keySet().forEach(k -> {
                    times.put(k, new Samples());
                    cpu.put(k, new Samples());
                });
                List<String> order = new ArrayList<>(envs.keySet());
                for (int round = 0; round <= reps; round++) {
                    // rotate which case goes first, so that none always runs in another's wake
                    for (int i = 0; i < order.size(); i++) {
                        String name = order.get((round + i) % order.size());
                        Release release = engine.release(build, envs.get(name));
                        double clientCpu = processCpuSeconds();
                        double serverCpu = sshd.cpuSeconds();
                        long start = System.nanoTime();
                        RolloutResult result = engine.deployAll(release, Progress.NONE);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        Thread.sleep(200); // let sshd reap the sessions before reading its CPU
                        double client = processCpuSeconds() - clientCpu;
                        double used = client + sshd.cpuSeconds() - serverCpu;
                        if (!result.allLive()) {
                            failures.putIfAbsent(name, result.summary() + ": " + result.hosts().stream().filter(h -> !h.live())
                                    .map(h -> h.host().name() + " " + h.message()).findFirst().orElse(""));
                        } else if (round > 0) {
                            times.get(name).add(seconds);
                            cpu.get(name).add(used);
                        }
                        say(String.format("round %d %-24s %.2f s  cpu %.2f s (this JVM %.2f)  %s", round, name, seconds, used, client, result.summary()));
                    }
                }
            }
        } finally {
            BenchApp.killDeployed(work.resolve("hosts"));
            report(times, cpu, failures);
            say("load average before: " + loadBefore + ", after: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
            if (keep) {
                say("kept " + work);
            } else {
                deleteTree(work);
            }
        }
    }

    private static Environment environment(Stageboard engine, Project project, String name, RunSettings run, int hosts, Rollout rollout,
                                           BenchSshd sshd, Path work) throws Exception {
        Environment environment = engine.addEnvironment(project, name, run);
        environment = engine.updateRollout(environment, rollout);
        for (int i = 1; i <= hosts; i++) {
            Path base = Files.createDirectories(work.resolve("hosts/" + name + "-" + i));
            Host host = engine.addHost(name + "-h" + i, "127.0.0.1", sshd.port, sshd.user, sshd.clientKey, base.toString());
            host = engine.trustHostKey(host, engine.checkHostKey(host).fingerprint());
            engine.attachHost(environment, host);
        }
        return environment;
    }

    private static void report(Map<String, Samples> times, Map<String, Samples> cpu, Map<String, String> failures) {
        say("");
        say("deploy over hosts (median, range; " + (times.isEmpty() ? 0 : times.values().iterator().next().size())
                + " rounds; cpu = this JVM + sshd and its sessions)");
        times.forEach((name, samples) -> say(String.format("  %-24s %-24s cpu %s", name, samples.seconds(), cpu.get(name).seconds())));
        Samples one = times.get("1 host");
        if (one != null && !one.isEmpty()) {
            ratio("4 hosts in parallel ÷ 1 host", times.get("4 hosts, parallel"), one, 1.3);
            ratio("10 hosts at parallelism 5 ÷ 1 host", times.get("10 hosts, parallelism 5"), one, 2.5);
        }
        failures.forEach((name, why) -> say("  FAILED " + name + ": " + why));
    }

    private static void ratio(String what, Samples many, Samples one, double target) {
        if (many == null || many.isEmpty()) {
            say(String.format("  %-36s -  (no successful run)", what));
            return;
        }
        double ratio = many.median() / one.median();
        say(String.format("  %-36s %.2f  target ≤ %.1f  %s", what, ratio, target, ratio <= target ? "PASS" : "MISS"));
    }

    private static double processCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // best effort
        }
    }
}
