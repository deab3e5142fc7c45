package org.stageboard.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;

/**
 * Fills a Stageboard home with a demo project for looking at the window (screenshots), all
 * through the engine: real commits, builds, releases, and deploys to an in-process SSH server on
 * this machine (one deploy fails its health check and is rolled back). The demo apps keep
 * running after this exits; their pidfiles are under {@code <work>/ssh-server-*}/hosts-base.
 * With {@code --serve} the SSH server stays up (until this process is killed) so that the window
 * can read the hosts, and production gets drift to show: its app is killed and a stale lock is
 * left by a CI runner that is gone.
 * Usage: {@code DemoBoard <home> <work-dir> [--serve]}.
 */
public final class DemoBoard {

    private DemoBoard() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        Path repo = work.resolve("shop-api");
        boolean serve = args.length > 2 && args[2].equals("--serve");
        SshTestServer ssh = SshTestServer.start(work);
        try (GitFixture git = GitFixture.init(repo); Stageboard engine = Stageboard.open(new StageboardHome(home))) {
            git.copyResource("/demo-app/Server.java", "Server.java");
            git.write("health-behaviour", "ok\n");
            String c1 = git.commit("First version of the shop API");
            git.write("VERSION", "1.1\n");
            String c2 = git.commit("Add /health endpoint for the load balancer");
            git.write("health-behaviour", "fail\n");
            String c3 = git.commit("Cache product list for 30 s");
            git.write("health-behaviour", "ok\n").write("broken", "x\n");
            String c4 = git.commit("Try the new packaging script");
            Files.delete(repo.resolve("broken"));
            git.write("VERSION", "1.2\n");
            git.commit("Log request ids");

            Project project = engine.addProject("shop-api", repo, "main",
                    new Recipe("test ! -f broken && echo packing", List.of("Server.java", "health-behaviour")));
            Build b1 = engine.build(project, c1, Progress.NONE);
            Build b2 = engine.build(project, c2, Progress.NONE);
            Build b3 = engine.build(project, c3, Progress.NONE);
            engine.build(project, c4, Progress.NONE);

            Environment staging = engine.addEnvironment(project, "staging",
                    new RunSettings("java Server.java", "http://127.0.0.1:18080/health", 20, 5, 5));
            Environment production = engine.addEnvironment(project, "production",
                    new RunSettings("java Server.java", "http://127.0.0.1:18081/health", 20, 5, 5));
            // Staging runs a worker beside the web process, and keeps uploads in shared/.
            staging = engine.updateRunSettings(staging, staging.run()
                    .withProcesses(new org.stageboard.core.Processes("web: java Server.java\nworker: while true; do date >> storage/ticks; sleep 5; done",
                            Map.of()))
                    .withShared(List.of("storage/")));
            engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "18080", false),
                    "DB_PASSWORD", new ConfigEntry("DB_PASSWORD", "s3cret-staging", true)), Set.of());
            engine.setConfig(production, Map.of("PORT", new ConfigEntry("PORT", "18081", false)), Set.of());

            Host vps1 = trusted(engine, engine.addHost("vps1", ssh.address(), ssh.port(), ssh.user(), ssh.clientKey(),
                    ssh.baseDir().resolve("vps1").toString()));
            Host vps2 = trusted(engine, engine.addHost("vps2", ssh.address(), ssh.port(), ssh.user(), ssh.clientKey(),
                    ssh.baseDir().resolve("vps2").toString()));
            engine.attachHost(staging, vps1);
            engine.attachHost(production, vps2);

            Release s1 = engine.release(b1, staging);
            print(engine.deploy(s1, vps1, Progress.NONE));
            Release s2 = engine.release(b2, staging);
            print(engine.deploy(s2, vps1, Progress.NONE));
            Release p1 = engine.release(b2, production);
            print(engine.deploy(p1, vps2, Progress.NONE));
            Release s3 = engine.release(b3, staging);
            print(engine.deploy(s3, vps1, Progress.NONE));
            System.out.println("apps under " + ssh.baseDir());
        } catch (Exception | Error e) {
            ssh.close();
            throw e;
        }
        if (!serve) {
            ssh.close();
            return;
        }
        drift(ssh.baseDir().resolve("vps2/shop-api/production"));
        crashOnce(ssh.baseDir().resolve("vps1/shop-api/staging"));
        System.out.println("serving SSH on port " + ssh.port() + " until killed");
        Thread.currentThread().join();
    }

    /** Production drifts from the catalog: its app was killed, and a CI runner left a stale lock. */
    private static void drift(Path production) throws Exception {
        long pid = Long.parseLong(Files.readString(production.resolve(".stageboard/app.pid")).strip());
        ProcessHandle.of(pid).ifPresent(app -> {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        });
        Path lock = Files.createDirectories(production.resolve(".stageboard/lock"));
        java.time.Instant since = java.time.Instant.now().minusSeconds(1500).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Files.writeString(lock.resolve("info.json"), "{\"holder\":\"ci@build-runner-3 pid 7712 since " + since + "\",\"actor\":\"ci\","
                + "\"release\":\"production v2\",\"since\":\"" + since + "\"}\n");
        Files.setLastModifiedTime(Files.writeString(lock.resolve("heartbeat"), ""),
                java.nio.file.attribute.FileTime.from(since.plusSeconds(30)));
    }

    /** Staging's worker dies once (as with an OOM kill): its supervisor restarts it and records the restart. */
    private static void crashOnce(Path staging) throws Exception {
        Path child = staging.resolve(".stageboard/run/worker.1.child");
        if (Files.exists(child)) {
            ProcessHandle.of(Long.parseLong(Files.readString(child).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static Host trusted(Stageboard engine, Host host) {
        return engine.trustHostKey(host, engine.checkHostKey(host).fingerprint());
    }

    private static void print(org.stageboard.core.Run run) {
        System.out.println("run " + run.id() + " " + run.status() + " " + run.message());
    }
}
