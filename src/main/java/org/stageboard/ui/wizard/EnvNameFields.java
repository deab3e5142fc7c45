package org.stageboard.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;

/**
 * The New environment wizard's name page: the environment's name (a slug the project does not use
 * yet) and its place in the promotion order, first or after one of the project's environments
 * (the last one unless the user picks another place); the reason Next is disabled.
 */
final class EnvNameFields {

    private final Project project;
    private final List<Environment> existing;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty place = new SimpleStringProperty(this, "place", "");
    private final ObservableList<String> places = FXCollections.observableArrayList();
    private final StringBinding reason;

    EnvNameFields(Project project, List<Environment> existing) {
        this.project = project;
        this.existing = existing;
        places.add(EnvironmentWizardModel.FIRST);
        existing.forEach(e -> places.add(EnvironmentWizardModel.AFTER + e.name()));
        place.set(places.get(places.size() - 1));
        reason = Bindings.createStringBinding(() -> problem().orElse(""), name, place);
    }

    StringProperty name() {
        return name;
    }

    StringProperty place() {
        return place;
    }

    ObservableList<String> places() {
        return places;
    }

    StringBinding reason() {
        return reason;
    }

    Optional<String> problem(String value) {
        return Checks.first(() -> Checks.name("environment", value), () -> {
            String v = Checks.text(value);
            return existing.stream().anyMatch(e -> e.name().equals(v))
                    ? Optional.of(project.name() + " already has an environment named '" + v + "': pick another name.") : Optional.empty();
        });
    }

    Optional<String> problem() {
        return problem(name.get());
    }

    /** The place chosen in the promotion order, as the environment it follows (null: first). */
    String placeAfter() {
        String p = Checks.text(place.get());
        return p.startsWith(EnvironmentWizardModel.AFTER) ? p.substring(EnvironmentWizardModel.AFTER.length()) : null;
    }

    List<String> placeChoices() {
        return new ArrayList<>(places);
    }
}
