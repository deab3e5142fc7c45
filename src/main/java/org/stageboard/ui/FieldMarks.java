package org.stageboard.ui;

import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * Marks a dialog's or wizard page's field with its view model's problem as it is typed (ControlsFX
 * validation decoration), so the field shows the reason.
 */
public final class FieldMarks {

    private FieldMarks() {
    }

    public static void register(ValidationSupport support, Control control, Function<String, Optional<String>> check) {
        Validator<String> validator = (Control c, String value) -> {
            Optional<String> problem = check.apply(value);
            return ValidationResult.fromErrorIf(c, problem.orElse(""), problem.isPresent());
        };
        support.registerValidator(control, false, validator);
    }
}
