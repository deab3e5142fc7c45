package org.stageboard.core;

import java.net.URI;

/**
 * The checks of values typed by the user (in the window's fields and the CLI's options), each
 * throwing a {@link StageboardException} that says what was wrong and what to type instead, so
 * the window and the CLI show the same words. Names use {@link Project#requireSlug}.
 */
public final class Checks {

    private Checks() {
    }

    /** A host name or IP address, without a port or user; returned stripped. */
    public static String address(String address) {
        if (address == null || address.isBlank()) {
            throw new StageboardException("Give the host's name or IP address, e.g. vps1.example.com or 203.0.113.7.");
        }
        String a = address.strip();
        if (a.contains("@")) {
            throw new StageboardException("'" + a + "' has a user in it: give only the host name (" + a.substring(a.indexOf('@') + 1)
                    + ") and the user separately (--user " + a.substring(0, a.indexOf('@')) + ").");
        }
        int colon = a.lastIndexOf(':');
        if (colon > 0 && a.indexOf(':') == colon && a.substring(colon + 1).matches("\\d+")) {
            throw new StageboardException("'" + a + "' has a port in it: give the address alone (" + a.substring(0, colon)
                    + ") and the port separately (--port " + a.substring(colon + 1) + ").");
        }
        if (a.startsWith("[") && a.matches("\\[.*]:\\d+")) {
            throw new StageboardException("'" + a + "' has a port in it: give the address alone (" + a.substring(1, a.indexOf(']'))
                    + ") and the port separately (--port " + a.substring(a.lastIndexOf(':') + 1) + ").");
        }
        if (a.contains("://")) {
            throw new StageboardException("'" + a + "' is a URL: give only the host's name or IP address, e.g. vps1.example.com.");
        }
        if (!a.matches("[A-Za-z0-9.:_\\[\\]-]+")) {
            throw new StageboardException("'" + a + "' is not a host name or IP address: use letters, digits, '.', '-' (e.g. vps1.example.com).");
        }
        return a;
    }

    /** A TCP port, 1-65535. */
    public static int port(int port) {
        if (port < 1 || port > 65535) {
            throw new StageboardException("Port " + port + " is out of range: use 1-65535 (SSH is usually 22).");
        }
        return port;
    }

    /** A remote user name. */
    public static String user(String user) {
        if (user == null || !user.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new StageboardException("'" + user + "' is not a valid SSH user name: use letters, digits, '.', '_' or '-' (e.g. deploy).");
        }
        return user;
    }

    /** An absolute folder on a host. */
    public static String baseDir(String baseDir) {
        if (baseDir == null || !baseDir.startsWith("/") || baseDir.contains("\n") || baseDir.contains("\0")) {
            throw new StageboardException("The base folder '" + baseDir + "' must be an absolute path on the host, e.g. /srv/stageboard.");
        }
        return baseDir;
    }

    /**
     * A health check ({@link HealthKind}: http or tcp URL with a host and a port in range, or
     * {@code command:CMD}); returned stripped.
     */
    public static String healthUrl(String health) {
        if (health == null || health.isBlank()) {
            throw new StageboardException("Give a health check, e.g. 'http://127.0.0.1:8080/health', 'tcp://127.0.0.1:5432' or 'command:./check.sh'.");
        }
        String h = health.strip();
        if (HealthKind.of(h) != HealthKind.COMMAND) {
            int port = URI.create(h).getPort();
            if (port > 65535) {
                throw new StageboardException("The health check '" + h + "' has port " + port + ", out of range: use 1-65535.");
            }
        }
        return h;
    }
}
