package org.stageboard.core;

import java.net.URI;

/**
 * How a release's health is checked, from the health setting's form: {@code http://host:port/path}
 * (answers 2xx), {@code tcp://host:port} (accepts a connection) or {@code command:CMD} (run in the
 * release folder on the host with its config, exits 0).
 */
public enum HealthKind {
    HTTP, TCP, COMMAND;

    static final String COMMAND_PREFIX = "command:";

    /** The kind of a health setting; a setting of no kind is refused with an example of each. */
    public static HealthKind of(String health) {
        String value = health == null ? "" : health.strip();
        if (value.startsWith(COMMAND_PREFIX)) {
            if (value.substring(COMMAND_PREFIX.length()).isBlank()) {
                throw new StageboardException("The health check 'command:' has no command: give one that exits 0 when the app is healthy, e.g. 'command:curl -fsS http://127.0.0.1:8080/health'.");
            }
            return COMMAND;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new StageboardException("The health check '" + health + "' is not a URL: use e.g. 'http://127.0.0.1:8080/health', "
                    + "'tcp://127.0.0.1:5432' or 'command:./check.sh'.");
        }
        if (("http".equals(uri.getScheme()) || "tcp".equals(uri.getScheme())) && uri.getHost() != null && uri.getPort() > 0) {
            return "http".equals(uri.getScheme()) ? HTTP : TCP;
        }
        throw new StageboardException("The health check '" + health + "' must be http or tcp with a host and an explicit port, "
                + "e.g. 'http://127.0.0.1:8080/health' or 'tcp://127.0.0.1:5432', or a command such as 'command:./check.sh'.");
    }
}
