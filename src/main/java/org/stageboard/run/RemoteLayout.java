package org.stageboard.run;

import static org.stageboard.ssh.ShellQuote.quote;

import java.util.regex.Pattern;
import org.stageboard.core.StageboardException;

/**
 * Where things live for one project and environment on a host:
 * {@code <baseDir>/<project>/<environment>/} with {@code artifacts/}, {@code releases/},
 * {@code current}, {@code shared/} (shared data, and under {@code shared/log/} the instances' logs,
 * see {@link Instances}) and {@code .stageboard/} (lock, instances under {@code run/}, pidfile,
 * ledger). {@code logs/app.log} is where the single-process layout kept the app's output; it is
 * still rotated.
 * Paths are absolute; the {@code q…} methods give them shell-quoted.
 */
record RemoteLayout(String envDir) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Resolves a base dir that is relative or starts with {@code ~/} against the remote user's home. */
    static RemoteLayout resolve(RemoteShell shell, String baseDir, String project, String environment) {
        checkName("project", project);
        checkName("environment", environment);
        if (baseDir == null || baseDir.isBlank()) {
            throw new StageboardException("The host has no base folder: set where Stageboard keeps releases, e.g. /srv/stageboard.");
        }
        String base = baseDir.strip();
        if (!base.startsWith("/")) {
            String home = shell.check("Finding the home folder", "printf '%s' \"$HOME\"").strip();
            if (!home.startsWith("/")) {
                throw new StageboardException("Cannot find the home folder of " + shell.host()
                        + " to resolve the base folder '" + base + "': give an absolute base folder.");
            }
            base = home + "/" + (base.equals("~") ? "" : base.startsWith("~/") ? base.substring(2) : base);
        }
        while (base.length() > 1 && base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new RemoteLayout((base.equals("/") ? "" : base) + "/" + project + "/" + environment);
    }

    static void checkName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new StageboardException("The " + what + " name '" + value + "' cannot be used as a folder on the host: "
                    + "use letters, digits, '.', '_' and '-', not starting with '.' or '-'.");
        }
    }

    static void checkSha256(String sha) {
        if (sha == null || !SHA256.matcher(sha).matches()) {
            throw new StageboardException("The artifact's SHA-256 '" + sha + "' is not 64 lowercase hex digits.");
        }
    }

    String artifacts() {
        return envDir + "/artifacts";
    }

    String artifact(String sha256) {
        return artifacts() + "/" + sha256 + ".tar.gz";
    }

    String releases() {
        return envDir + "/releases";
    }

    String release(String name) {
        return releases() + "/" + name;
    }

    String current() {
        return envDir + "/current";
    }

    String meta() {
        return envDir + "/.stageboard";
    }

    String lock() {
        return meta() + "/lock";
    }

    String lockInfo() {
        return lock() + "/info.json";
    }

    String lockHeartbeat() {
        return lock() + "/heartbeat";
    }

    String pidFile() {
        return meta() + "/app.pid";
    }

    String ledger() {
        return meta() + "/ledger.jsonl";
    }

    /** Data kept across releases, linked into each ({@link SharedData}); never pruned. */
    String shared() {
        return envDir + "/shared";
    }

    String logs() {
        return envDir + "/logs";
    }

    String appLog() {
        return logs() + "/app.log";
    }

    static String q(String path) {
        return quote(path);
    }
}
