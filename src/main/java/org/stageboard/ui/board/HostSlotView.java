package org.stageboard.ui.board;

import java.time.Clock;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stageboard.ui.tips.Tips;

/** One host slot: host and read time, what runs there by the host's word, since when, a flag per difference, and its actions. */
final class HostSlotView extends VBox {

    private final HostSlot slot;

    HostSlotView(HostSlot slot, Clock clock, CardActions actions, String catalogLine, Runnable recentRuns) {
        this.slot = slot;
        getStyleClass().addAll("host-slot", slot.look().styleClass());
        setId("host-" + slot.environment().name() + "-" + slot.host().name());
        setUserData(slot);

        Label name = new Label(slot.host().name());
        name.getStyleClass().add("host-name");
        name.setMinWidth(Region.USE_PREF_SIZE); // the host's name is never cut: the read time gives way
        Label read = new Label(slot.readLine(clock));
        read.getStyleClass().add("host-read");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, name, gap, read);
        top.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);

        Label summary = new Label(slot.summary());
        summary.getStyleClass().add("host-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(top, summary);
        String lastGood = slot.lastGoodLine(clock);
        if (!lastGood.isEmpty()) {
            Label last = new Label(lastGood);
            last.getStyleClass().add("host-since");
            last.setWrapText(true);
            last.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(last);
        }
        String since = slot.since(clock);
        if (!since.isEmpty()) {
            Label when = new Label(since);
            when.getStyleClass().add("host-since");
            when.setWrapText(true); // "since 10:42 by the host's guard (restore after a run died)" is longer than a slot is wide
            when.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(when);
        }
        if (catalogLine != null && !catalogLine.isEmpty()) {
            Label catalog = new Label(catalogLine);
            catalog.getStyleClass().add("host-catalog");
            catalog.setWrapText(true);
            catalog.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(catalog);
        }
        for (HostFlag flag : slot.flags(clock)) {
            getChildren().add(flag(flag));
        }

        // The buttons wrap onto a second line in a narrow lane rather than being cut to "…".
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6);
        buttons.getStyleClass().add("card-actions");
        // Its popup is made on first request: a popup window per slot slowed the opening window.
        java.util.List<MenuItem> menu = new java.util.ArrayList<>();
        if (slot.lock() != null) {
            buttons.getChildren().add(CardView.button("Break lock…", "host-break-lock", () -> actions.breakLock(slot)));
            menu.add(item("Break lock…", () -> actions.breakLock(slot)));
        }
        if (slot.hasCurrent()) {
            buttons.getChildren().add(CardView.button("Logs", "host-logs", () -> actions.logs(slot)));
            buttons.getChildren().add(CardView.button("Restart…", "host-restart", () -> actions.restart(slot)));
            buttons.getChildren().add(CardView.button("Roll back…", "host-rollback", () -> actions.rollback(slot)));
            menu.add(item("Logs", () -> actions.logs(slot)));
            menu.add(item("Run a command…", () -> actions.exec(slot)));
            menu.add(item("Restart…", () -> actions.restart(slot)));
            menu.add(item(slot.state() != null && slot.state().appAlive() ? "Stop…" : "Start", () -> {
                if (slot.state() != null && slot.state().appAlive()) {
                    actions.stop(slot);
                } else {
                    actions.start(slot);
                }
            }));
            menu.add(item("Roll back…", () -> actions.rollback(slot)));
        }
        buttons.getChildren().add(CardView.button("Recent runs", "host-recent-runs", recentRuns));
        menu.add(item("Recent runs", recentRuns));
        menu.add(item("Read hosts", actions::readHosts));
        if (!buttons.getChildren().isEmpty()) {
            getChildren().add(buttons);
        }
        ContextMenu[] popup = new ContextMenu[1];
        setOnContextMenuRequested(e -> {
            if (popup[0] == null) {
                popup[0] = new ContextMenu(menu.toArray(MenuItem[]::new));
            }
            popup[0].show(this, e.getScreenX(), e.getScreenY());
        });
        String tip = slot.environment().name() + " on " + slot.host().name() + " (" + slot.host().display() + ")"
                + (slot.hasCurrent() ? "\ncurrent -> releases/" + slot.state().currentFolder() : "");
        Tips.lazy(this, () -> Tips.wrapping(tip, 520)); // over the whole slot, not its name only
    }

    HostSlot slot() {
        return slot;
    }

    void show(Highlight highlight, boolean selected) {
        highlight.applyTo(getStyleClass(), selected);
    }

    /** The tag above its sentence, which wraps over the slot's whole width. */
    private static VBox flag(HostFlag flag) {
        Label tag = new Label(flag.kind().tag());
        tag.getStyleClass().addAll("host-flag-tag", flag.kind().styleClass(), flag.kind().serious() ? "flag-serious" : "flag-notice");
        tag.setMinWidth(Region.USE_PREF_SIZE);
        Label line = new Label(flag.text());
        line.getStyleClass().add("host-flag-text");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.setMaxWidth(Double.MAX_VALUE);
        VBox both = new VBox(2, tag, line);
        both.getStyleClass().add("host-flag");
        return both;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
