package org.stageboard.pipeline;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.RecordingProgress;
import org.stageboard.testing.SshTestServer;

/**
 * What the engine tests share: a real SSH server (MINA, in-process), an engine on a real H2 file
 * in its own home, a real git repository, a free port for the app, and every app killed after.
 */
abstract class EngineTestBase {

    @TempDir
    Path tmp;

    SshTestServer server;
    Stageboard engine;
    GitFixture repo;
    int appPort;
    final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void startEngineAndServer() {
        server = SshTestServer.start(tmp.resolve("ssh"));
        engine = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        repo = GitFixture.init(tmp.resolve("repo"));
        appPort = AppProcesses.freePort();
    }

    @AfterEach
    void stopEverything() {
        AppProcesses.killAll(server.baseDir());
        repo.close();
        engine.close();
        server.close();
    }
}
