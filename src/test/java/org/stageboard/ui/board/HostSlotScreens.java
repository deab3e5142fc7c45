package org.stageboard.ui.board;

import java.time.Instant;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import org.stageboard.core.Difference;
import org.stageboard.core.HostState;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.LockInfo;
import org.stageboard.core.Release;
import org.stageboard.pipeline.HostStatus;

/**
 * Screenshot program: the board with vps1's slot after the host's guard put staging v1 back
 * (a stale lock left by the run that died), its tooltip shown as the pointer over the slot's
 * summary makes it, in the theme named by the argument ({@code light} or {@code dark}). Run it on
 * an Xvfb display and take the screenshot with {@code import -window root}.
 */
public final class HostSlotScreens {

    private HostSlotScreens() {
    }

    public static void main(String[] args) throws Exception {
        String theme = args.length > 0 ? args[0] : "light";
        Platform.startup(() -> { });
        Platform.runLater(() -> {
            board = BoardScreen.show(theme, Snapshots.T0.plusSeconds(900), BoardScreen.noActions(), 1100, 620, 40);
            board.apply(Snapshots.journey());
            board.showHostReadings(List.of(restored()));
        });
        Thread.sleep(5000);
        Platform.runLater(() -> {
            for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
                Node slot = window.getScene().lookup("#host-staging-vps1");
                Node summary = window.getScene().lookup("#host-staging-vps1 .host-summary");
                if (slot != null) {
                    Bounds at = summary.localToScreen(summary.getBoundsInLocal());
                    // What the pointer entering the slot does: the tooltip is made and installed on the slot.
                    slot.fireEvent(new MouseEvent(MouseEvent.MOUSE_ENTERED, 0, 0, at.getCenterX(), at.getCenterY(),
                            javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
                    Tooltip tip = (Tooltip) slot.getProperties().get("javafx.scene.control.Tooltip");
                    Bounds card = slot.localToScreen(slot.getBoundsInLocal());
                    tip.show(slot, card.getMinX() + 20, card.getMaxY() + 6);
                }
            }
        });
        Thread.sleep(600000);
    }

    /** vps1 read at T0 + 15 min: staging v1 serving again by the guard, the dead run's lock left stale. */
    static HostSlot restored() {
        Instant readAt = Snapshots.T0.plusSeconds(900);
        LockInfo lock = new LockInfo("bob@ci pid 7", "bob", "staging v2", Snapshots.T0, 700);
        LedgerEntry deployed = new LedgerEntry(Snapshots.T0.minusSeconds(600), "ada", "ada@laptop pid 1", "cat-1", "DEPLOY",
                "v1-0123456789", "staging v1", "f00d", null, "LIVE", "staging v1 is live");
        LedgerEntry guard = new LedgerEntry(Snapshots.T0.plusSeconds(305), LedgerEntry.GUARD, "guard", "cat-1", LedgerEntry.GUARD_RESTORE,
                "v1-0123456789", "staging v1", "f00d", null, "RESTORED", "The host's guard put staging v1 back");
        HostState state = new HostState(readAt, true, "v1-0123456789", true, null, 4242, true, 590L, null, "not checked", lock,
                List.of(deployed, guard), List.of("v1-0123456789"), 0);
        Release r1 = Snapshots.journey().releases().get(0);
        return new HostSlot(Snapshots.staging(), Snapshots.vps1(), new HostStatus(Snapshots.staging(), Snapshots.vps1(), state, null,
                readAt, r1, r1, List.of(new Difference(Difference.Kind.LOCK_STALE, "lock STALE")), true));
    }

    private static BoardViewModel board;
}
