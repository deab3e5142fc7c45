package org.stageboard.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.testing.SshTestServer;

/**
 * What the run-stage tests share: a real SSH server in the test JVM (every fault knob off again
 * after each test), a healthy and a failing demo artifact, a fresh base folder per test, and the
 * app processes each test started killed after it.
 */
abstract class HostTestBase {

    @TempDir
    static Path work;
    static SshTestServer server;
    static Path okArtifact;
    static Path failArtifact;

    DemoDeploys deploys;

    @BeforeAll
    static void startServer() {
        server = SshTestServer.start(work);
        okArtifact = SshTestServer.writeDemoArtifact(work, "ok");
        failArtifact = SshTestServer.writeDemoArtifact(work, "fail");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void resetServerAndKillApps() {
        server.resetKnobs();
        if (deploys != null) {
            deploys.killAll();
        }
    }

    /** A runner for the test server, deploying under a base folder of its own. */
    HostRunner runnerFor(String name) throws Exception {
        Path base = Files.createDirectories(server.baseDir().resolve(name));
        deploys = new DemoDeploys(base);
        return new HostRunner(server.target(), base.toString());
    }
}
