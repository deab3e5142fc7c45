package org.stageboard.ui.board;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.stageboard.ui.MainWindow;
import org.stageboard.ui.theme.ActiveTheme;
import org.stageboard.ui.theme.Theme;

/** What the board's screenshot programs share: a board in a window of its own, in a theme, at a fixed time. */
final class BoardScreen {

    private BoardScreen() {
    }

    /** Card actions that do nothing (the screenshots click nothing). */
    static CardActions noActions() {
        return (CardActions) java.lang.reflect.Proxy.newProxyInstance(CardActions.class.getClassLoader(),
                new Class<?>[] {CardActions.class}, (proxy, method, args) -> null);
    }

    /** Shows a board in the named theme ({@code light} or {@code dark}) whose clock says {@code now}; call on the FX thread. */
    static BoardViewModel show(String theme, Instant now, CardActions actions, double width, double height, double at) {
        ActiveTheme.set(Theme.named(theme));
        BoardViewModel board = new BoardViewModel(Clock.fixed(now, ZoneOffset.UTC));
        Stage stage = new Stage();
        stage.setScene(new Scene(new BoardView(board, actions), width, height));
        stage.getScene().getStylesheets().add(MainWindow.STYLESHEET);
        stage.setX(at);
        stage.setY(at);
        stage.show();
        return board;
    }
}
