package org.stageboard.ui.wizard;

import java.util.Optional;
import java.util.function.Supplier;
import org.stageboard.ui.FieldChecks;

/** The wizards' short names for the window's field checks ({@link FieldChecks}, the engine's words). */
final class Checks {

    private Checks() {
    }

    static Optional<String> name(String what, String value) {
        return FieldChecks.name(what, value);
    }

    static Optional<String> port(String what, String value) {
        return FieldChecks.port(what, value);
    }

    static Optional<String> problem(Supplier<?> check) {
        return FieldChecks.problem(check);
    }

    @SafeVarargs
    static Optional<String> first(Supplier<Optional<String>>... checks) {
        return FieldChecks.first(checks);
    }

    static String text(String value) {
        return FieldChecks.text(value);
    }
}
