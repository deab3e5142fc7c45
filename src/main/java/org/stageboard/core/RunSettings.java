package org.stageboard.core;

import java.net.URI;

/**
 * How an environment runs a release: the start command (run in the release folder with the
 * release's config as environment variables), the HTTP health URL as seen on the host, and the
 * timeouts. A release snapshots these so that a rollback runs an old release the way it ran.
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
        URI uri;
        try {
            uri = URI.create(healthUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new StageboardException("The health URL '" + healthUrl + "' is not a URL: use e.g. 'http://127.0.0.1:8080/health'.");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new StageboardException("The health URL '" + healthUrl
                    + "' must be http with a host and an explicit port, e.g. 'http://127.0.0.1:8080/health'.");
        }
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
}
