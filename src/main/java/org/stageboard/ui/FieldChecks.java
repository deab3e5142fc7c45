package org.stageboard.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.stageboard.core.Checks;
import org.stageboard.core.KeyFileInfo;
import org.stageboard.core.KeyPassphraseException;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;

/**
 * The checks of the window's fields as the user types, each returning the problem in words or
 * empty. They use the engine's own checks ({@link Checks}, {@link Project#requireSlug}), so a
 * field says what the CLI and the engine would say; an empty field gets a hint of what to type.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** A project, environment or host name as the engine accepts it. */
    public static Optional<String> name(String what, String value) {
        String v = text(value);
        if (v.isEmpty()) {
            return Optional.of("Give the " + what + " a name, e.g. " + example(what) + ".");
        }
        if (v.contains("/")) {
            return Optional.of("A " + what + " name cannot contain '/': use letters, digits, '.', '_' or '-' (e.g. " + example(what) + ").");
        }
        return problem(() -> Project.requireSlug(what, v));
    }

    /** A port number typed as text: a whole number, then in range (an SSH port with the engine's {@link Checks#port}). */
    public static Optional<String> port(String what, String value) {
        String v = text(value);
        if (v.isEmpty()) {
            return Optional.of("Give the " + what + " (1-65535).");
        }
        int port;
        try {
            port = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return Optional.of("The " + what + " '" + v + "' is not a whole number: use 1-65535.");
        }
        if (what.equals("SSH port")) {
            return problem(() -> Checks.port(port));
        }
        return port >= 1 && port <= 65535 ? Optional.empty() : Optional.of("The " + what + " " + port + " is out of range: use 1-65535.");
    }

    public static Optional<String> address(String value) {
        return problem(() -> Checks.address(value));
    }

    public static Optional<String> user(String value) {
        return text(value).isEmpty() ? Optional.of("Give the SSH user name on the host, e.g. deploy.") : problem(() -> Checks.user(text(value)));
    }

    public static Optional<String> baseDir(String value) {
        return text(value).isEmpty() ? Optional.of("Give the base folder on the host where releases go, e.g. /srv/stageboard.")
                : problem(() -> Checks.baseDir(text(value)));
    }

    /** A typed path, {@code ~/} meaning the home folder; null when it is not a path. */
    public static Path path(String value) {
        String v = text(value);
        try {
            return Path.of(v.startsWith("~/") ? System.getProperty("user.home") + v.substring(1) : v);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * A private key file as the engine reads it ({@link Stageboard#inspectKey}). A key with a
     * passphrase is accepted here (the passphrase is its own field); a missing, unreadable or
     * wrong file gives the engine's reason.
     */
    public static Optional<String> keyFile(Stageboard engine, String value) {
        return keyInfo(engine, value, null).problem();
    }

    /** What the engine reads in a key file, with {@code passphrase} (null: none given). */
    public static KeyCheck keyInfo(Stageboard engine, String value, char[] passphrase) {
        String v = text(value);
        if (v.isEmpty()) {
            return new KeyCheck(null, false, false, "Choose the private key file that logs in to the host, e.g. ~/.ssh/id_ed25519.");
        }
        Path path = path(v);
        if (path == null) {
            return new KeyCheck(null, false, false, "'" + v + "' is not a file path: choose the private key file.");
        }
        try {
            KeyFileInfo info = engine.inspectKey(path, passphrase);
            return new KeyCheck(info, info.encrypted(), false, "");
        } catch (KeyPassphraseException e) {
            return new KeyCheck(null, true, e.wrong(), e.wrong() ? e.getMessage() : "");
        } catch (StageboardException e) {
            return new KeyCheck(null, false, false, e.getMessage());
        }
    }

    /**
     * A key file read: {@code info} when it opened, {@code encrypted} when it has a passphrase,
     * {@code wrongPassphrase} when the one given does not open it, and the problem ("" when none).
     */
    public record KeyCheck(KeyFileInfo info, boolean encrypted, boolean wrongPassphrase, String problemText) {
        public Optional<String> problem() {
            return problemText.isEmpty() ? Optional.empty() : Optional.of(problemText);
        }
    }

    /** The engine's message when {@code check} throws, else empty. */
    public static Optional<String> problem(Supplier<?> check) {
        try {
            check.get();
            return Optional.empty();
        } catch (StageboardException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The first problem of several, or empty. */
    @SafeVarargs
    public static Optional<String> first(Supplier<Optional<String>>... checks) {
        for (Supplier<Optional<String>> check : checks) {
            Optional<String> problem = check.get();
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    public static String text(String value) {
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
