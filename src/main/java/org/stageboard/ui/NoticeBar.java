package org.stageboard.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The notice over the board: what just happened, or an error in words; dismissable. */
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
        Button close = new Button("✕");
        close.getStyleClass().add("notice-close");
        close.setOnAction(e -> model.dismissNotice());
        getChildren().addAll(text, close);
        Runnable show = () -> {
            Notice notice = model.noticeProperty().get();
            getStyleClass().removeAll("notice-info", "notice-warning", "notice-error");
            setVisible(notice != null);
            setManaged(notice != null);
            if (notice != null) {
                text.setText(notice.text());
                getStyleClass().add("notice-" + notice.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        };
        model.noticeProperty().addListener((o, a, b) -> show.run());
        show.run();
    }
}
