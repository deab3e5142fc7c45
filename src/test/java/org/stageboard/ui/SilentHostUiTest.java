package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A host that accepts the connection and then never says a word (a port that is not SSH, a
 * stuck server) holds only the window's host reads: a build the user starts meanwhile runs at
 * once, while the read of that host still waits. The window has ONE thread for the user's work
 * here, so a host read on that executor would keep the build waiting until the read gave up
 * (the connection then closed): the test checks the order of events, not times.
 */
@ExtendWith(ApplicationExtension.class)
class SilentHostUiTest {

    @TempDir
    static Path temp;

    private Stageboard engine;
    private Stage stage;
    private SilentPort silent;
    private UiFixture ui;
    private Project project;
    private String sha;
    private Path gate;

    @Start
    void start(Stage stage) {
        this.stage = stage; // the window is shown by the test, once its catalog is made (the start has a time limit)
    }

    /** A catalog with a slow build (it waits for a gate file) and one host, the silent port; then the window. */
    private void open(FxRobot robot) throws IOException {
        Path work = temp.resolve("silent-" + System.nanoTime());
        engine = Stageboard.open(new StageboardHome(work.resolve("home")));
        gate = work.resolve("gate");
        try (GitFixture git = GitFixture.init(work.resolve("repo"))) {
            sha = git.write("page.txt", "one\n").commit("First page");
        }
        project = engine.addProject("slow", work.resolve("repo"), "main", new Recipe(
                "while [ ! -f '" + gate + "' ]; do sleep 0.1; done; cp page.txt out.txt", List.of("out.txt")));
        Environment staging = engine.addEnvironment(project, "staging", new RunSettings("true", "http://127.0.0.1:1/health", 5, 5, 5));
        silent = new SilentPort();
        Path key = SshTestServer.writeClientKey(work.resolve("id_mute"));
        Host host = engine.addHost("mute", "127.0.0.1", silent.port(), System.getProperty("user.name"), key, "/tmp/mute");
        engine.attachHost(staging, host);
        robot.interact(() -> ui = UiFixture.show(stage, engine, 1));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (gate != null) {
            Files.writeString(gate, "open");
        }
        if (ui != null) {
            ui.close();
        }
        if (silent != null) {
            silent.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aBuildStartsWhileTheReadOfAHostThatNeverAnswersStillWaits(FxRobot robot) throws IOException {
        open(robot);
        UiFixture.await("the window reading its host (connected to the silent port)", 60, () -> silent.accepted() > 0);
        UiFixture.await("the commit on the board", 30, () -> ui.model.board().commits().size() == 1);

        robot.interact(() -> ui.model.board().selectCommit(sha));
        robot.interact(ui.model::buildSelectedCommit);
        UiFixture.await("the build running", 60, () -> engine.buildQueue(project).stream().anyMatch(b -> b.status() == BuildStatus.RUNNING));

        assertThat(silent.open()).as("the host read still waits on the silent host: the build did not wait for it").isPositive();
        boolean[] reading = new boolean[1];
        robot.interact(() -> reading[0] = ui.model.board().readingHostsProperty().get());
        assertThat(reading[0]).as("the window still says it is reading the hosts").isTrue();

        robot.interact(() -> {
            try {
                Files.writeString(gate, "open");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        UiFixture.await("the build done", 60, () -> engine.builds(project).stream().anyMatch(b -> b.status() == BuildStatus.SUCCEEDED));
    }

    /** A TCP port on this machine that accepts connections and never writes a byte; it counts those still open. */
    private static final class SilentPort implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger open = new AtomicInteger();

        SilentPort() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "silent-port");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        /** Connections the client has not closed yet. */
        int open() {
            return open.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    sockets.add(socket);
                    open.incrementAndGet();
                    accepted.incrementAndGet();
                    Thread reader = new Thread(() -> drain(socket), "silent-port-reader");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Reads what the client sends (its greeting) until it closes its end. */
        private void drain(Socket socket) {
            try (InputStream in = socket.getInputStream()) {
                byte[] buffer = new byte[1024];
                while (in.read(buffer) >= 0) {
                    // nothing is answered
                }
            } catch (IOException e) {
                // closed
            } finally {
                open.decrementAndGet();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
