package org.stageboard.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/** The notice over the board: what just happened, or an error in words, with an icon for its kind; dismissable. */
final class NoticeBar extends HBox {

    NoticeBar(MainViewModel model) {
        super(10);
        setId("notice");
        getStyleClass().add("notice");
        Label text = new Label();
        text.setId("noticeText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        FontIcon icon = new FontIcon("fth-info");
        icon.getStyleClass().add("notice-icon");
        Button close = new Button("", new FontIcon("fth-x"));
        close.setId("noticeClose");
        close.setAccessibleText("Dismiss");
        close.getStyleClass().add("notice-close");
        close.setOnAction(e -> model.dismissNotice());
        getChildren().addAll(icon, text, close);
        Runnable show = () -> {
            Notice notice = model.noticeProperty().get();
            getStyleClass().removeAll("notice-info", "notice-warning", "notice-error");
            setVisible(notice != null);
            setManaged(notice != null);
            if (notice != null) {
                text.setText(notice.text());
                icon.setIconLiteral(icon(notice.kind()));
                getStyleClass().add("notice-" + notice.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        };
        model.noticeProperty().addListener((o, a, b) -> show.run());
        show.run();
    }

    /** The kind as an icon beside the text, so that it does not rest on the colour alone. */
    static String icon(Notice.Kind kind) {
        return switch (kind) {
            case INFO -> "fth-info";
            case WARNING -> "fth-alert-triangle";
            case ERROR -> "fth-x-circle";
        };
    }
}
