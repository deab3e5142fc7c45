package org.stageboard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.stageboard.core.ReleaseIdentity;
import org.stageboard.core.RunSettings;
import org.stageboard.run.RemoteRelease;
import org.stageboard.ssh.ShellQuote;
import org.stageboard.testing.SshTestServer;

/**
 * The app the benchmark deploys: the test demo server ({@code java Server.java}, a real HTTP
 * server answering {@code /health}) packed with incompressible random filler, so that the
 * {@code .tar.gz} stays as large as asked. Also starts it "by hand" over OpenSSH, the way an
 * operator would, to measure the app's own start-to-healthy time, and kills what was started.
 */
final class BenchApp {

    static final String CATALOG = "bench-catalog";
    static final String SECRET = "bench-secret-value";

    private BenchApp() {
    }

    /** {@code dir/app.tar.gz}: Server.java, health-behaviour "ok" and {@code sizeMb} MiB of random bytes. */
    static Path artifact(Path dir, int sizeMb) throws Exception {
        Path content = Files.createDirectories(dir.resolve("app"));
        try (InputStream in = BenchApp.class.getResourceAsStream("/demo-app/Server.java")) {
            if (in == null) {
                throw new IllegalStateException("demo-app/Server.java is missing from the test resources: run test-compile");
            }
            Files.copy(in, content.resolve("Server.java"));
        }
        Files.writeString(content.resolve("health-behaviour"), "ok\n");
        SplittableRandom random = new SplittableRandom(20260101L);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(content.resolve("filler.bin"))) {
            for (int i = 0; i < sizeMb; i++) {
                for (int j = 0; j < block.length; j += 8) {
                    long r = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        block[j + k] = (byte) (r >>> (8 * k));
                    }
                }
                out.write(block);
            }
        }
        Path artifact = dir.resolve("app.tar.gz");
        BenchSshd.run("tar", "-czf", artifact.toString(), "-C", content.toString(), ".");
        return artifact;
    }

    /** The demo server, run by this JVM's java, kept small (as the run tests start it). */
    static String startCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return ShellQuote.quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx48m Server.java";
    }

    static String healthUrl(int appPort) {
        return "http://127.0.0.1:" + appPort + "/health";
    }

    /** Release {@code v<version>} of shop/staging with config version {@code configVersion}. */
    static RemoteRelease release(Path artifact, String sha256, int version, int configVersion, int appPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(appPort));
        env.put("GREETING", "hello from v" + version);
        env.put("API_TOKEN", SECRET);
        RunSettings run = new RunSettings(startCommand(), healthUrl(appPort), 120, 10, 3);
        ReleaseIdentity identity = new ReleaseIdentity(CATALOG, "shop", "staging", version, "staging v" + version, sha256,
                configVersion, "bench");
        return new RemoteRelease(identity, artifact, env, List.of(SECRET), run, "bench",
                "{\"release\":\"v" + version + "\",\"by\":\"DeployBenchmark\"}\n");
    }

    /**
     * Starts the app by hand over OpenSSH, exactly as Stageboard's run strategy does (config
     * exported from {@code .env}, detached with nohup/setsid, output to a log), and polls its
     * health URL every 20 ms until it answers 200. Returns the seconds from launching {@code ssh}
     * to the first 200, and the pid it printed (to kill it afterwards).
     */
    static double[] startByHand(BenchSshd sshd, Path appDir, int appPort) throws Exception {
        Files.writeString(appDir.resolve(".env"), "PORT='" + appPort + "'\nGREETING='by hand'\n");
        String script = "cd " + ShellQuote.quote(appDir.toString()) + " && set -a && . ./.env && set +a && "
                + "{ nohup setsid sh -c " + ShellQuote.quote(startCommand()) + " >> app.log 2>&1 < /dev/null & echo $!; }";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(healthUrl(appPort))).timeout(Duration.ofSeconds(5)).build();
        long t0 = System.nanoTime();
        String pid = sshd.ssh(script).strip();
        long deadline = t0 + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the app started by hand did not answer 200 within 120 s; see " + appDir.resolve("app.log"));
            }
            Thread.sleep(20);
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, Long.parseLong(pid)};
    }

    /** Kills every process of the process group (= session, from setsid) led by {@code pid}. */
    static void killGroup(long pid) {
        if (pid <= 1) {
            return;
        }
        ProcessHandle.allProcesses().filter(p -> p.pid() == pid || processGroup(p.pid()) == pid).forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the apps whose pidfiles lie under {@code baseDir} (Stageboard's {@code .stageboard/app.pid}). */
    static void killDeployed(Path baseDir) {
        if (!Files.isDirectory(baseDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.filter(p -> p.getFileName().toString().equals("app.pid")).forEach(p -> {
                try {
                    killGroup(Long.parseLong(Files.readString(p).strip()));
                } catch (IOException | NumberFormatException ignored) {
                    // no pid, nothing to kill
                }
            });
        } catch (IOException ignored) {
            // nothing deployed
        }
    }

    private static long processGroup(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
