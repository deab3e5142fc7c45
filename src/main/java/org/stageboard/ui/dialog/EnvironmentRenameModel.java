package org.stageboard.ui.dialog;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.core.Environment;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.FieldChecks;

/** The Rename environment dialog without its window: the new name, checked as typed; the engine refuses it once deployed. */
public final class EnvironmentRenameModel {

    private final Stageboard engine;
    private final Environment environment;
    private final List<String> others;
    private final StringProperty name;
    private final StringBinding reason;

    /** @param siblings the project's environments (this one included) */
    public EnvironmentRenameModel(Stageboard engine, Environment environment, List<Environment> siblings) {
        this.engine = engine;
        this.environment = environment;
        this.others = siblings.stream().filter(e -> e.id() != environment.id()).map(Environment::name).toList();
        this.name = new SimpleStringProperty(this, "name", environment.name());
        this.reason = Bindings.createStringBinding(() -> nameProblem(name.get()).orElse(""), name);
    }

    public Environment environment() {
        return environment;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringBinding reason() {
        return reason;
    }

    public Optional<String> nameProblem(String value) {
        String v = FieldChecks.text(value);
        return FieldChecks.first(() -> FieldChecks.name("environment", v),
                () -> others.contains(v) ? Optional.of("There is already an environment named '" + v + "': pick another name.") : Optional.empty(),
                () -> v.equals(environment.name()) ? Optional.of("Type the new name of " + environment.name() + ".") : Optional.empty());
    }

    /** Renames it (recorded in history); blocking: run it in the background. */
    public Environment save() {
        Optional<String> problem = nameProblem(name.get());
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        return engine.renameEnvironment(environment, FieldChecks.text(name.get()));
    }
}
