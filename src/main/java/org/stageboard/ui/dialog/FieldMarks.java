package org.stageboard.ui.dialog;

import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** Marks a dialog's field with the view model's problem as it is typed (ControlsFX validation decoration). */
final class FieldMarks {

    private FieldMarks() {
    }

    static void register(ValidationSupport support, Control control, Function<String, Optional<String>> check) {
        Validator<String> validator = (Control c, String value) -> {
            Optional<String> problem = check.apply(value);
            return ValidationResult.fromErrorIf(c, problem.orElse(""), problem.isPresent());
        };
        support.registerValidator(control, false, validator);
    }
}
