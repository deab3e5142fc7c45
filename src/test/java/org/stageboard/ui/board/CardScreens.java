package org.stageboard.ui.board;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.BoardSnapshot;

/**
 * Screenshot program: the board with release cards that say how their deploys went (staging v3
 * rolled back on vps1 and live on vps2, v2 failed on both hosts, v1 live on vps1) and failed build
 * cards with their reason, in the theme named by the argument ({@code light} or {@code dark}). Run
 * it on an Xvfb display and take the screenshot with {@code import -window root}.
 */
public final class CardScreens {

    private CardScreens() {
    }

    /** The snapshot the screenshots show. */
    static BoardSnapshot snapshot() {
        Build b1 = Snapshots.build(11, 1, Snapshots.SHA_A, BuildStatus.SUCCEEDED, 0, 13_002_342L);
        Build b2 = failed(Snapshots.build(12, 2, Snapshots.SHA_A, BuildStatus.FAILED, 2, null), "Step 'test' exited with code 2. Last lines:\nFAIL ShopTest");
        Build b3 = Snapshots.build(13, 3, Snapshots.SHA_B, BuildStatus.SUCCEEDED, 0, 1024L);
        Build b4 = failed(Snapshots.build(14, 4, Snapshots.SHA_B, BuildStatus.FAILED, 1, null),
                "Step 'integration-tests-against-the-database' exited with code 1. Last lines:\nConnection refused");
        Release v1 = new Release(21, 7, "staging", 1, 11, 1, "f00d", 5, 2, Snapshots.RUN, Snapshots.T0.plusSeconds(60), "ada");
        Release v2 = new Release(22, 7, "staging", 2, 13, 3, "beef", 6, 3, Snapshots.RUN, Snapshots.T0.plusSeconds(600), "ada");
        Release v3 = new Release(23, 7, "staging", 3, 13, 3, "beef", 7, 4, Snapshots.RUN, Snapshots.T0.plusSeconds(900), "grace");
        Run live1 = run(31, 21, 3, RunStatus.LIVE, "health ok");
        Run old2 = run(32, 21, 4, RunStatus.SUPERSEDED, "superseded");
        Run failed1 = run(40, 22, 3, RunStatus.FAILED, "health check failed");
        Run failed2 = run(41, 22, 4, RunStatus.FAILED, "health check failed");
        Run rolledBack = run(42, 23, 3, RunStatus.ROLLED_BACK, "health check failed; rolled back to staging v1");
        Run live2 = run(43, 23, 4, RunStatus.LIVE, "health ok");
        return new BoardSnapshot(Snapshots.project(), Snapshots.commits(), List.of(b4, b3, b2, b1), List.of(v3, v2, v1),
                List.of(live2, live1), List.of(Snapshots.staging()), Map.of(3L, Snapshots.vps1(), 4L, Snapshots.host(4, "vps2")),
                Map.of(7L, List.of(3L, 4L)), 4, Map.of(7L, 3), List.of(live1, old2, failed1, failed2, rolledBack, live2));
    }

    private static Build failed(Build b, String message) {
        return new Build(b.id(), b.projectId(), b.number(), b.commitSha(), b.treeId(), b.recipeHash(), b.status(), b.startedAt(),
                b.finishedAt(), b.exitCode(), b.artifactSha256(), b.artifactSize(), b.log(), message, b.actor(), null, null, null);
    }

    private static Run run(long id, long releaseId, long hostId, RunStatus status, String message) {
        return new Run(id, releaseId, hostId, RunKind.DEPLOY, status, Snapshots.T0.plusSeconds(id * 30), Snapshots.T0.plusSeconds(id * 30 + 20),
                Path.of("/tmp/run-" + id + ".log"), message, "ada");
    }

    public static void main(String[] args) throws Exception {
        String theme = args.length > 0 ? args[0] : "light";
        Platform.startup(() -> { });
        Platform.runLater(() -> BoardScreen.show(theme, Snapshots.T0.plusSeconds(3600), BoardScreen.noActions(), 1300, 760, 20).apply(snapshot()));
        Thread.sleep(600000);
    }
}
