package org.stageboard.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line at the very bottom: where the catalog is, its schema version, how many tasks run and wait. */
final class StatusBar extends HBox {

    StatusBar(MainViewModel model) {
        super(16);
        getStyleClass().add("status-bar");
        setId("statusBar");
        Label catalog = new Label("Catalog: " + model.catalogPath());
        Label schema = new Label();
        schema.textProperty().bind(Bindings.concat("Schema v", model.schemaVersionProperty()));
        Label running = new Label();
        running.setId("runningTasks");
        running.textProperty().bind(Bindings.createStringBinding(() -> {
            int queued = model.tasks().queuedProperty().get();
            int n = model.tasks().runningProperty().get() - queued;
            String text = n == 0 ? "No tasks running" : n == 1 ? "1 task running" : n + " tasks running";
            return queued == 0 ? text : text + " · " + queued + " queued";
        }, model.tasks().runningProperty(), model.tasks().queuedProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(catalog, schema, gap, running);
    }
}
