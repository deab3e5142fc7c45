package org.stageboard.ui.wizard;

import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** Registers a view model's check of one field with ControlsFX validation, so the field is marked with the reason as it is typed. */
final class Validators {

    private Validators() {
    }

    static void register(ValidationSupport support, Control control, Function<String, Optional<String>> check) {
        Validator<String> validator = (Control c, String value) -> {
            Optional<String> problem = check.apply(value);
            return ValidationResult.fromErrorIf(c, problem.orElse(""), problem.isPresent());
        };
        support.registerValidator(control, false, validator);
    }
}
