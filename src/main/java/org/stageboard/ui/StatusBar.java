package org.stageboard.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line at the very bottom: where the catalog is, its schema version, how many tasks run and wait, here and elsewhere. */
final class StatusBar extends HBox {

    /** {@code tasks} gives the count of tasks running, queued and started elsewhere (the task panel's). */
    StatusBar(MainViewModel model, org.stageboard.ui.task.TaskPanelModel tasks) {
        super(16);
        getStyleClass().add("status-bar");
        setId("statusBar");
        Label catalog = new Label("Catalog: " + model.catalogPath());
        Label schema = new Label();
        schema.textProperty().bind(Bindings.concat("Schema v", model.schemaVersionProperty()));
        Label running = new Label();
        running.setId("runningTasks");
        running.textProperty().bind(tasks.statusLineProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(catalog, schema, gap, running);
    }
}
