package org.stageboard.ui.wizard;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;

/**
 * The New environment wizard's run page: how the app starts (its command), on which port, how it
 * is checked ({@code /path} over HTTP on that port, {@code tcp}, or {@code command:CMD}) and how
 * long it may take; each field's check, the reason Next is disabled, and the run settings typed.
 */
final class EnvRunFields {

    private final StringProperty startCommand = new SimpleStringProperty(this, "startCommand", "");
    private final StringProperty appPort = new SimpleStringProperty(this, "appPort", "8080");
    private final StringProperty health = new SimpleStringProperty(this, "health", "/health");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", "60");
    private final StringBinding reason;

    EnvRunFields() {
        reason = Bindings.createStringBinding(() -> problem().orElse(""), startCommand, appPort, health, timeout);
    }

    StringProperty startCommand() {
        return startCommand;
    }

    StringProperty appPort() {
        return appPort;
    }

    StringProperty health() {
        return health;
    }

    StringProperty timeout() {
        return timeout;
    }

    StringBinding reason() {
        return reason;
    }

    Optional<String> startCommandProblem(String value) {
        return Checks.text(value).isEmpty() ? Optional.of("Give the command that starts the app, e.g. java -jar app.jar.") : Optional.empty();
    }

    Optional<String> appPortProblem(String value) {
        return Checks.port("app port", value);
    }

    Optional<String> healthProblem(String value) {
        String v = Checks.text(value);
        if (v.isEmpty()) {
            return Optional.of("Give the health check: a path such as /health (HTTP on the app port), tcp, or command:CMD.");
        }
        if (!v.startsWith("/") && !v.equals("tcp") && !v.startsWith("command:")) {
            return Optional.of("'" + v + "' is not a health check: give a path starting with '/', or tcp, or command:CMD.");
        }
        if (v.startsWith("command:") && v.substring("command:".length()).isBlank()) {
            return Optional.of("Give the command after command:, e.g. command:curl -fsS http://127.0.0.1:8080/health.");
        }
        if (v.startsWith("/") && v.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("The health path '" + v + "' has a space in it: use %20.");
        }
        return Optional.empty();
    }

    Optional<String> timeoutProblem(String value) {
        String v = Checks.text(value);
        try {
            int seconds = Integer.parseInt(v);
            return seconds >= 1 && seconds <= 3600 ? Optional.empty()
                    : Optional.of("The health timeout " + seconds + " s is out of range: use 1-3600 seconds.");
        } catch (NumberFormatException e) {
            return Optional.of("The health timeout '" + v + "' is not a whole number of seconds.");
        }
    }

    Optional<String> problem() {
        return Checks.first(() -> startCommandProblem(startCommand.get()), () -> appPortProblem(appPort.get()),
                () -> healthProblem(health.get()), () -> timeoutProblem(timeout.get()),
                () -> Checks.problem(this::runSettings), () -> Checks.problem(() -> org.stageboard.core.Checks.healthUrl(runSettings().healthUrl())));
    }

    /** The run settings as typed; throws with the reason when they are not valid. */
    RunSettings runSettings() {
        String h = Checks.text(health.get());
        String port = Checks.text(appPort.get());
        String url = h.equals("tcp") ? "tcp://127.0.0.1:" + port : h.startsWith("command:") ? h : "http://127.0.0.1:" + port + h;
        int seconds;
        try {
            seconds = Integer.parseInt(Checks.text(timeout.get()));
        } catch (NumberFormatException e) {
            throw new StageboardException("The health timeout '" + timeout.get() + "' is not a whole number of seconds.");
        }
        return new RunSettings(Checks.text(startCommand.get()), url, seconds, 10, 5);
    }
}
