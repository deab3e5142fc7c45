package org.stageboard.bench;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The floor under the board benchmark's start: the app's window without the app. The board's
 * own FXML and stylesheets in AtlantaFX's theme, filled with the same kinds and about the same
 * number of controls as the app's first board on the large catalog (a toolbar with Ikonli icons,
 * a tab pane, the commits and builds lists, release rows and host slots as cards with their
 * buttons, the detail pane, the task pane and the status bar: about 750 nodes, as the app's ready
 * probe counts them), and nothing else: no catalog, no git, no view models. Started the same way
 * as {@link BareWindow} and the app, it prints {@code controls-ready} and its node count after the
 * layout pass of the first pulse once it is shown, then exits. Its start ÷ the bare window's says
 * what JavaFX's controls in this theme cost a cold JVM on this machine, before any of the app's code.
 * With {@value #FRAME_ONLY}{@code =true} it shows the frame alone, without a card.
 */
public final class ControlsWindow {

    /**
     * The system property that leaves the board empty: the window's frame alone (toolbar, tabs, the
     * board's empty lanes and lists, the task pane and status bar), not a single card or commit.
     */
    static final String FRAME_ONLY = "controls.frameOnly";

    private ControlsWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            BorderPane root = new BorderPane();
            root.getStyleClass().add("main-window");
            root.setTop(new VBox(toolbar(), new Label("notice")));
            root.setCenter(new TabPane(new Tab("Board", board()), new Tab("History", new Label("history"))));
            root.setBottom(new VBox(taskPane(), statusBar()));
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(ControlsWindow.class.getResource("/org/stageboard/ui/stageboard.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            Runnable[] ready = new Runnable[1];
            ready[0] = () -> {
                scene.removePostLayoutPulseListener(ready[0]);
                System.out.println("controls-ready nodes=" + count(root));
                System.out.flush();
                Platform.exit();
            };
            scene.addPostLayoutPulseListener(ready[0]);
            Platform.requestNextPulse();
        }
    }

    private static ToolBar toolbar() {
        ToolBar bar = new ToolBar();
        bar.getItems().addAll(new Label("Stageboard"), new ComboBox<>(FXCollections.observableArrayList("project")));
        for (String icon : List.of("fth-folder-plus", "fth-play", "fth-package", "fth-upload-cloud", "fth-rotate-ccw", "fth-settings",
                "fth-server", "fth-list", "fth-refresh-cw", "fth-file-text")) {
            Button button = new Button(icon.substring(4));
            button.setGraphic(new FontIcon(icon));
            bar.getItems().add(button);
        }
        for (String menu : List.of("Environment", "Hosts", "More")) {
            bar.getItems().add(new MenuButton(menu));
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ToggleButton theme = new ToggleButton();
        theme.setGraphic(new FontIcon("fth-moon"));
        bar.getItems().addAll(gap, theme);
        return bar;
    }

    /** The board's FXML, its lists and rows filled as the app fills them on the large catalog. */
    private static Parent board() {
        FXMLLoader loader = new FXMLLoader(ControlsWindow.class.getResource("/org/stageboard/ui/board/board.fxml"));
        BorderPane board = new BorderPane();
        loader.setRoot(board);
        loader.setController(new Object());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Boolean.getBoolean(FRAME_ONLY)) {
            return board;
        }
        ListView<String> commits = named(loader, "commits");
        for (int i = 0; i < 100; i++) {
            commits.getItems().add("a1b2c3d" + i);
        }
        commits.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty ? null : new VBox(2, new Label(item + " · Fix the release notes"), new Label("ada · 2 h ago")));
            }
        });
        ListView<String> builds = named(loader, "builds");
        for (int i = 0; i < 100; i++) {
            builds.getItems().add("build #" + (5000 - i));
        }
        builds.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty ? null : card(item, "passed · 12 s · artifact 4.2 MB", "Release…", "Rebuild", "Log"));
            }
        });
        VBox releases = named(loader, "releaseRows");
        VBox hosts = named(loader, "runRows");
        for (String env : List.of("staging", "production", "qa")) {
            VBox releaseRow = new VBox(6, new Label(env));
            for (int v = 0; v < 3; v++) {
                releaseRow.getChildren().add(card(env + " v" + (7000 - v), "build #4990 · config v12", "Deploy…", "Details", "Promote…"));
            }
            releases.getChildren().add(releaseRow);
            VBox hostRow = new VBox(6, new Label(env));
            for (String host : List.of("web1", "web2")) {
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                VBox slot = card(env + " v7000", "serves since 12:00 · healthy", "Logs", "Restart…", "Roll back…");
                slot.getChildren().add(0, new HBox(6, new Label(host), gap, new Label("read 12:01")));
                hostRow.getChildren().add(slot);
            }
            hosts.getChildren().add(hostRow);
        }
        VBox detail = named(loader, "detailLines");
        for (int i = 0; i < 8; i++) {
            detail.getChildren().add(new Label("detail line " + i));
        }
        return board;
    }

    private static VBox card(String title, String detail, String... buttons) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("card-title");
        Label detailLabel = new Label(detail);
        detailLabel.getStyleClass().add("card-detail");
        detailLabel.setWrapText(true);
        FlowPane actions = new FlowPane(6, 6);
        actions.getStyleClass().add("card-actions");
        for (String text : buttons) {
            Button button = new Button(text);
            button.getStyleClass().add("card-button");
            actions.getChildren().add(button);
        }
        VBox card = new VBox(titleLabel, detailLabel, actions);
        card.getStyleClass().addAll("card", "state-ok");
        return card;
    }

    private static Parent taskPane() {
        ListView<String> tasks = new ListView<>();
        tasks.setPrefHeight(0);
        return new VBox(new HBox(6, new Label("Tasks"), new Button("Clear finished")), tasks);
    }

    private static Parent statusBar() {
        return new HBox(8, new Label("catalog"), new Separator(), new Label("3 environments · 4 hosts"), new Separator(), new Label("ready"));
    }

    /** A node the FXML names with {@code fx:id} (inside a scroll pane, a lookup would not find it before the first layout). */
    @SuppressWarnings("unchecked")
    private static <T extends Node> T named(FXMLLoader loader, String id) {
        return (T) java.util.Objects.requireNonNull(loader.getNamespace().get(id), id);
    }

    private static int count(Parent parent) {
        int nodes = 1;
        for (Node child : parent.getChildrenUnmodifiable()) {
            nodes += child instanceof Parent inner ? count(inner) : 1;
        }
        return nodes;
    }
}
