package org.stageboard.core;

import java.net.URI;

/**
 * How an environment runs a release: the start command (run in the release folder with the
 * release's config as environment variables), the health check as seen on the host (an HTTP URL
 * answering 2xx, {@code tcp://host:port} accepting connections, or {@code command:CMD} exiting 0),
 * and the timeouts. A release snapshots these so that a rollback runs an old release the way it ran.
 */
public record RunSettings(String startCommand, String healthUrl, int healthTimeoutSeconds,
                          int stopGraceSeconds, int keepReleases) {

    public RunSettings {
        if (startCommand == null || startCommand.isBlank()) {
            throw new StageboardException("The start command is empty: give the command that starts the app, e.g. 'java -jar app.jar'.");
        }
        if (healthUrl == null || healthUrl.isBlank()) {
            throw new StageboardException("The health URL is empty: give the URL the app answers on the host, e.g. 'http://127.0.0.1:8080/health'.");
        }
        HealthKind.of(healthUrl);
        healthUrl = healthUrl.strip();
        if (healthTimeoutSeconds <= 0) {
            throw new StageboardException("The health timeout must be at least 1 second.");
        }
        if (stopGraceSeconds < 0) {
            throw new StageboardException("The stop grace period cannot be negative.");
        }
        if (keepReleases < 1) {
            throw new StageboardException("Keep at least 1 release on each host.");
        }
    }

    public static RunSettings of(String startCommand, String healthUrl) {
        return new RunSettings(startCommand, healthUrl, 60, 10, 5);
    }

    public URI healthUri() {
        return URI.create(healthUrl);
    }

    /** How health is checked: an HTTP URL, a TCP port, or a command run on the host. */
    public HealthKind healthKind() {
        return HealthKind.of(healthUrl);
    }

    /** The command of a {@code command:} health check. */
    public String healthCommand() {
        return healthUrl.substring(HealthKind.COMMAND_PREFIX.length()).strip();
    }
}
