package org.stageboard.ui.board;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The top of the Run lane: each environment with a slot per host, saying what the hosts themselves say runs there. */
final class HostsSection extends VBox {

    private final BoardViewModel board;
    private final CardActions actions;
    private final VBox groups = new VBox(8);

    HostsSection(BoardViewModel board, CardActions actions) {
        super(6);
        this.board = board;
        this.actions = actions;
        setId("hostSlots");
        getStyleClass().add("hosts-section");
        Label title = new Label("On the hosts");
        title.getStyleClass().add("hosts-title");
        Label reading = new Label("reading…");
        reading.setId("hostsReading");
        reading.getStyleClass().add("host-read");
        reading.visibleProperty().bind(board.readingHostsProperty());
        Button read = new Button("Read hosts");
        read.setId("readHostsButton");
        read.getStyleClass().addAll("card-button", "link-button");
        read.setOnAction(e -> actions.readHosts());
        read.disableProperty().bind(board.readingHostsProperty());
        javafx.scene.control.Tooltip.install(read, new javafx.scene.control.Tooltip(
                "Ask every host what runs there now (F5): current release, app process, health, lock, ledger."));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, title, reading, gap, read);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(header, groups);
        board.hosts().addListener((ListChangeListener<EnvironmentHosts>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        groups.getChildren().clear();
        boolean none = board.hosts().isEmpty();
        setVisible(!none);
        setManaged(!none);
        for (EnvironmentHosts environment : board.hosts()) {
            Label name = new Label(environment.environment().name());
            name.getStyleClass().add("host-environment");
            VBox group = new VBox(4, name);
            if (environment.slots().isEmpty()) {
                Label empty = new Label("no host attached yet: Hosts ▸ Attach host to environment…");
                empty.getStyleClass().add("lane-subtitle");
                empty.setWrapText(true);
                group.getChildren().add(empty);
            }
            environment.slots().forEach(slot -> group.getChildren().add(new HostSlotView(slot, board.clock(), actions)));
            groups.getChildren().add(group);
        }
    }
}
