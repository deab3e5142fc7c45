package org.stageboard.ui.board;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;

/**
 * Screenshot program: the board in a small window with a host's Recent runs popup open (15 runs,
 * more than fit), in the theme named by the argument ({@code light} or {@code dark}). Run it on an
 * Xvfb display and take the screenshot with {@code import -window root}.
 */
public final class RecentRunsScreens {

    private RecentRunsScreens() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        String theme = args.length > 0 ? args[0] : "light";
        Platform.startup(() -> { });
        List<Run> runs = java.util.stream.IntStream.range(0, 15).mapToObj(i -> new Run(100 + i, 21, 3,
                i % 4 == 1 ? RunKind.RESTART : RunKind.DEPLOY, i == 2 ? RunStatus.FAILED : i == 0 ? RunStatus.LIVE : RunStatus.SUPERSEDED,
                Snapshots.T0.minusSeconds(1800L * i), Snapshots.T0.minusSeconds(1800L * i - 65 - 7L * i),
                java.nio.file.Path.of("/tmp/run.log"), "done", i % 3 == 0 ? "ada" : "grace")).toList();
        CardActions actions = (CardActions) java.lang.reflect.Proxy.newProxyInstance(CardActions.class.getClassLoader(),
                new Class<?>[] {CardActions.class}, (proxy, method, margs) -> {
                    if (method.getName().equals("recentRuns")) {
                        ((Consumer<List<Run>>) margs[1]).accept(runs);
                    }
                    return null;
                });
        Platform.runLater(() -> {
            board = BoardScreen.show(theme, Snapshots.T0, actions, 1100, 620, 40);
            board.apply(Snapshots.journey());
        });
        Thread.sleep(2500);
        Platform.runLater(() -> {
            for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
                Node button = window.getScene().lookup("#host-staging-vps1 .host-recent-runs");
                if (button != null) {
                    RecentRunsPopup.open(button, Snapshots.vps1Slot(true, null), board, actions);
                }
            }
        });
        Thread.sleep(600000);
    }

    private static BoardViewModel board;
}
