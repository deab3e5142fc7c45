package org.stageboard.ui.wizard;

import java.util.Optional;
import java.util.function.Supplier;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;

/** Small checks shared by the wizards' view models: each returns the problem in words, or empty. */
final class Checks {

    private Checks() {
    }

    /** A project, environment or host name as the engine accepts it. */
    static Optional<String> name(String what, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.of("Give the " + what + " a name, e.g. " + example(what) + ".");
        }
        if (v.contains("/")) {
            return Optional.of("A " + what + " name cannot contain '/': use letters, digits, '.', '_' or '-' (e.g. " + example(what) + ").");
        }
        return problem(() -> Project.requireSlug(what, v));
    }

    /** A port number 1-65535, typed as text. */
    static Optional<String> port(String what, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.of("Give the " + what + " (1-65535).");
        }
        try {
            int port = Integer.parseInt(v);
            if (port < 1 || port > 65535) {
                return Optional.of("The " + what + " " + port + " is out of range: use 1-65535.");
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("The " + what + " '" + v + "' is not a whole number: use 1-65535.");
        }
    }

    /** The engine's message when {@code check} throws, else empty. */
    static Optional<String> problem(Supplier<?> check) {
        try {
            check.get();
            return Optional.empty();
        } catch (StageboardException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The first problem of several, or empty. */
    @SafeVarargs
    static Optional<String> first(Supplier<Optional<String>>... checks) {
        for (Supplier<Optional<String>> check : checks) {
            Optional<String> problem = check.get();
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String example(String what) {
        return switch (what) {
            case "project" -> "shop-api";
            case "environment" -> "staging";
            default -> "vps1";
        };
    }
}
