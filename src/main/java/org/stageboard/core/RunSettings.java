package org.stageboard.core;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an environment runs a release: the start command (run in the release folder with the
 * release's config as environment variables), the health check as seen on the host (an HTTP URL
 * answering 2xx, {@code tcp://host:port} accepting connections, or {@code command:CMD} exiting 0),
 * and the timeouts. A release snapshots these so that a rollback runs an old release the way it ran.
 */
public record RunSettings(String startCommand, String healthUrl, int healthTimeoutSeconds,
                          int stopGraceSeconds, int keepReleases, Processes processes, Supervision supervision,
                          List<String> shared, Hooks hooks) {

    private static final Pattern SHARED = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*/?");
    private static final Set<String> RESERVED = Set.of(".env", "release.json", ".stageboard-run.json", "Procfile");

    /** One {@code web} process from the start command, supervised by {@code process}, nothing shared, no hooks. */
    public RunSettings(String startCommand, String healthUrl, int healthTimeoutSeconds, int stopGraceSeconds, int keepReleases) {
        this(startCommand, healthUrl, healthTimeoutSeconds, stopGraceSeconds, keepReleases, Processes.EMPTY, Supervision.PROCESS,
                List.of(), Hooks.NONE);
    }

    public RunSettings {
        processes = processes == null ? Processes.EMPTY : processes;
        supervision = supervision == null ? Supervision.PROCESS : supervision;
        hooks = hooks == null ? Hooks.NONE : hooks;
        shared = shared == null ? List.of() : shared.stream().map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
        for (String path : shared) {
            checkShared(path);
        }
        if (startCommand == null) {
            startCommand = "";
        }
        if (startCommand.isBlank() && processes.procfile().isEmpty()) {
            throw new StageboardException("The start command is empty: give the command that starts the app, e.g. 'java -jar app.jar', or a process list (Procfile form).");
        }
        if (healthUrl == null || healthUrl.isBlank()) {
            throw new StageboardException("The health URL is empty: give the URL the app answers on the host, e.g. 'http://127.0.0.1:8080/health'.");
        }
        healthUrl = Checks.healthUrl(healthUrl);
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

    /**
     * A shared path: relative to the release folder, a folder when it ends with {@code /}, else a
     * file; kept under {@code shared/} on the host and linked into every release.
     */
    public static void checkShared(String path) {
        if (!SHARED.matcher(path).matches() || Arrays.asList(path.split("/")).stream().anyMatch(part -> part.equals("..") || part.equals("."))
                || RESERVED.contains(path.replaceAll("/$", ""))) {
            throw new StageboardException("The shared path '" + path + "' cannot be used: give a path inside the release folder such as "
                    + "'storage/' (a folder, ending with /) or 'db/app.sqlite' (a file); letters, digits, '.', '_', '-' and '/', "
                    + "no '..', not .env, release.json or Procfile.");
        }
    }

    /** True when {@code path} names a folder (ends with {@code /}). */
    public static boolean sharedFolder(String path) {
        return path.endsWith("/");
    }

    public RunSettings withProcesses(Processes newProcesses) {
        return new RunSettings(startCommand, healthUrl, healthTimeoutSeconds, stopGraceSeconds, keepReleases, newProcesses, supervision, shared, hooks);
    }

    public RunSettings withSupervision(Supervision newSupervision) {
        return new RunSettings(startCommand, healthUrl, healthTimeoutSeconds, stopGraceSeconds, keepReleases, processes, newSupervision, shared, hooks);
    }

    public RunSettings withShared(List<String> newShared) {
        return new RunSettings(startCommand, healthUrl, healthTimeoutSeconds, stopGraceSeconds, keepReleases, processes, supervision, newShared, hooks);
    }

    public RunSettings withHooks(Hooks newHooks) {
        return new RunSettings(startCommand, healthUrl, healthTimeoutSeconds, stopGraceSeconds, keepReleases, processes, supervision, shared, newHooks);
    }

    /** The port in the health URL ({@code http://h:PORT/…} or {@code tcp://h:PORT}), or -1 (a command check, or none given). */
    public int healthPort() {
        if (healthKind() == HealthKind.COMMAND) {
            return -1;
        }
        int port = healthUri().getPort();
        return port > 0 ? port : healthKind() == HealthKind.HTTP ? ("https".equalsIgnoreCase(healthUri().getScheme()) ? 443 : 80) : -1;
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
