package org.stageboard.ui;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.ConfigEntry;

/**
 * Config variables as a form holds them, one row each (the New environment wizard's config page,
 * Edit config): checked with the engine's words ({@link ConfigEntry}); a row with neither key nor
 * value is ignored; a key given twice is refused.
 */
public final class ConfigVariables {

    private final ObservableList<ConfigVariable> rows = FXCollections.observableArrayList(
            v -> new Observable[] {v.keyProperty(), v.valueProperty(), v.secretProperty()});

    /** The rows; a change to any row's key, value or secret is a change of the list. */
    public ObservableList<ConfigVariable> rows() {
        return rows;
    }

    public ConfigVariable add() {
        return add(new ConfigVariable("", "", false));
    }

    public ConfigVariable add(ConfigVariable variable) {
        rows.add(variable);
        return variable;
    }

    public Optional<String> keyProblem(String value) {
        String v = FieldChecks.text(value);
        if (v.isEmpty()) {
            return Optional.of("Give the variable a name, e.g. DATABASE_URL, or remove the row.");
        }
        return FieldChecks.problem(() -> new ConfigEntry(v, "", false));
    }

    /** The first problem of the rows, or empty. */
    public Optional<String> problem() {
        Set<String> seen = new HashSet<>();
        for (ConfigVariable v : rows) {
            if (blank(v)) {
                continue;
            }
            Optional<String> problem = FieldChecks.first(() -> keyProblem(v.keyProperty().get()), () -> FieldChecks.problem(() -> entry(v)));
            if (problem.isPresent()) {
                return problem;
            }
            if (!seen.add(FieldChecks.text(v.keyProperty().get()))) {
                return Optional.of("The key " + FieldChecks.text(v.keyProperty().get()) + " appears twice: keep one.");
            }
        }
        return Optional.empty();
    }

    /** The rows with a key, as entries in their order. */
    public Map<String, ConfigEntry> entries() {
        Map<String, ConfigEntry> result = new LinkedHashMap<>();
        for (ConfigVariable v : rows) {
            if (!FieldChecks.text(v.keyProperty().get()).isEmpty()) {
                result.put(FieldChecks.text(v.keyProperty().get()), entry(v));
            }
        }
        return result;
    }

    private static boolean blank(ConfigVariable v) {
        return FieldChecks.text(v.keyProperty().get()).isEmpty() && (v.valueProperty().get() == null || v.valueProperty().get().isEmpty());
    }

    private static ConfigEntry entry(ConfigVariable v) {
        return new ConfigEntry(FieldChecks.text(v.keyProperty().get()), v.valueProperty().get() == null ? "" : v.valueProperty().get(),
                v.secretProperty().get());
    }
}
