package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.ui.task.TaskExecutor;

/** Adds an environment (staging, production, …) with how its releases are started and checked. */
public final class EnvironmentDialog {

    private EnvironmentDialog() {
    }

    public static Optional<Environment> show(Window owner, Project project, SetupViewModel setup, TaskExecutor executor) {
        FormDialog<Environment> form = new FormDialog<>(owner, "Add environment",
                "An environment of " + project.name() + " is a place its releases run, with its own config.", "Add environment");
        TextField name = form.field("Name", "envName", "", "e.g. staging");
        TextField start = form.field("Start command", "envStart", "", "e.g. java -jar app.jar");
        TextField health = form.field("Health URL", "envHealth", "", "as seen on the host, e.g. http://127.0.0.1:8080/health");
        TextField timeout = form.field("Health timeout (s)", "envTimeout", "60", "seconds");
        form.note("The start command runs in the release folder with the environment's config as environment variables. "
                + "A deploy counts as live once the health URL answers 2xx within the timeout.");
        return form.showAndWait(executor, () -> {
            String n = name.getText();
            String s = start.getText();
            String h = health.getText();
            String t = timeout.getText();
            return () -> setup.addEnvironment(project, n, s, h, t);
        });
    }
}
