package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.util.List;
import org.stageboard.core.StageboardException;
import org.stageboard.core.Supervision;

/**
 * The {@code systemd-user} and {@code systemd-system} strategies: one unit per instance,
 * {@code stageboard-<project>-<environment>-<type>-<i>.service}, running the command in
 * {@code current} with {@code Restart=on-failure}, output appended to the instance's log under
 * {@code shared/log/}. User units go to {@code ~/.config/systemd/user/} (lingering enabled once,
 * so they run without a login and come back after a reboot); system units are written with
 * {@code sudo -n tee /etc/systemd/system/…} and run as the deploying user. The release's
 * {@code .env} is in shell form (values shell-quoted), which systemd's {@code EnvironmentFile=}
 * does not read the same way for every value: the unit names it, and {@code ExecStart} also
 * sources it with sh and then sets {@code STAGEBOARD_PROCESS} and {@code PORT}, so the command
 * sees exactly what the {@code process} supervisor gives it.
 */
final class SystemdUnits {

    /** Where system units are written (through sudo). */
    static final String SYSTEM_DIR = "/etc/systemd/system";
    /** Where user units are written: systemd's user unit folder. */
    static final String USER_DIR = "${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user";
    /**
     * Makes {@code systemctl --user} reach the user's manager from a non-login SSH command, where
     * {@code XDG_RUNTIME_DIR} may be unset.
     */
    static final String USER_BUS = "[ -n \"${XDG_RUNTIME_DIR:-}\" ] || XDG_RUNTIME_DIR=/run/user/$(id -u); export XDG_RUNTIME_DIR\n";
    /** Exit code of the start script when {@code sudo -n} cannot run without a password. */
    static final int SUDO_REFUSED = 97;

    private SystemdUnits() {
    }

    /** The project: the folder above the environment's. */
    static String project(RemoteLayout layout) {
        String dir = layout.envDir();
        String parent = dir.substring(0, dir.lastIndexOf('/'));
        return parent.substring(parent.lastIndexOf('/') + 1);
    }

    /** The environment: the last folder of the environment's path. */
    static String environment(RemoteLayout layout) {
        return layout.envDir().substring(layout.envDir().lastIndexOf('/') + 1);
    }

    /** {@code stageboard-shop-staging-web-2.service}. */
    static String unitName(RemoteLayout layout, Instances.Instance instance) {
        return "stageboard-" + project(layout) + "-" + environment(layout) + "-" + instance.type() + "-" + instance.index() + ".service";
    }

    /**
     * The unit file of one instance. {@code user} is the account a system unit runs as (null for
     * a user unit, which runs as its owner).
     */
    static String unit(RemoteLayout layout, Instances.Instance instance, boolean system, String user, int stopGraceSeconds) {
        String current = layout.current();
        String log = Instances.logFile(layout, instance.name());
        String exports = "STAGEBOARD_PROCESS=" + instance.name() + (instance.port() == null ? "" : " PORT=" + instance.port());
        String script = "set -a; . ./.env; set +a; export " + exports + "; exec /bin/sh -c " + q(instance.command());
        StringBuilder text = new StringBuilder();
        text.append("# Written by Stageboard for ").append(project(layout)).append('/').append(environment(layout))
                .append(", instance ").append(instance.name()).append(". Stageboard rewrites it on every start.\n")
                .append("[Unit]\n")
                .append("Description=Stageboard ").append(project(layout)).append('/').append(environment(layout)).append(' ')
                .append(instance.name()).append('\n')
                .append("After=network.target\n\n")
                .append("[Service]\n")
                .append("Type=simple\n");
        if (system) {
            text.append("User=").append(user).append('\n');
        }
        text.append("WorkingDirectory=").append(specifiers(current)).append('\n')
                .append("EnvironmentFile=").append(specifiers(current + "/.env")).append('\n')
                .append("Environment=\"STAGEBOARD_PROCESS=").append(instance.name()).append('"')
                .append(instance.port() == null ? "" : " \"PORT=" + instance.port() + "\"").append('\n')
                .append("ExecStart=/bin/sh -c ").append(quote(script)).append('\n')
                .append("Restart=on-failure\n")
                .append("RestartSec=2\n")
                .append("TimeoutStopSec=").append(Math.max(1, stopGraceSeconds)).append('\n')
                .append("StandardOutput=append:").append(specifiers(log)).append('\n')
                .append("StandardError=append:").append(specifiers(log)).append('\n')
                .append('\n')
                .append("[Install]\n")
                .append("WantedBy=").append(system ? "multi-user.target" : "default.target").append('\n');
        return text.toString();
    }

    /**
     * One argument of {@code ExecStart=}, quoted for systemd: in double quotes, with {@code \} and
     * {@code "} escaped by a backslash, newlines as {@code \n}, and {@code $} and {@code %} doubled
     * (systemd would expand variables and specifiers).
     */
    static String quote(String arg) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '$' -> out.append("$$");
                case '%' -> out.append("%%");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A path in a unit setting: {@code %} doubled (a specifier otherwise); newlines cannot be in one. */
    private static String specifiers(String path) {
        if (path.indexOf('\n') >= 0) {
            throw new StageboardException("The folder " + path + " has a newline in its name: it cannot go into a systemd unit.");
        }
        return path.replace("%", "%%");
    }

    /** {@code systemctl --user} or {@code sudo -n systemctl}. */
    static String systemctl(boolean system) {
        return system ? "sudo -n systemctl" : "systemctl --user";
    }

    /**
     * Writes one unit per instance, reloads, enables and restarts each, and records for each
     * {@code run/<name>.unit} ({@code user UNIT} or {@code system UNIT}) and {@code run/<name>.pid}
     * (its main pid); prints {@code NAME PID} per instance.
     */
    static String startScript(RemoteLayout layout, List<Instances.Instance> instances, Supervision supervision, String label,
                              int stopGraceSeconds) {
        boolean system = supervision == Supervision.SYSTEMD_SYSTEM;
        String ctl = systemctl(system);
        StringBuilder script = new StringBuilder();
        script.append(USER_BUS).append("mkdir -p ").append(q(Instances.runDir(layout))).append(' ').append(q(Instances.logDir(layout)))
                .append(" || exit 1\n").append("user=$(id -un)\n");
        if (system) {
            script.append("if ! sudo -n true 2>/dev/null; then echo \"sudo -n asks $user for a password\" >&2; exit ")
                    .append(SUDO_REFUSED).append("; fi\n");
        } else {
            script.append("units=\"").append(USER_DIR).append("\"\n")
                    .append("mkdir -p \"$units\" || exit 1\n")
                    .append("if [ ! -f ").append(q(layout.meta() + "/linger")).append(" ]; then\n")
                    .append("  if loginctl enable-linger \"$user\"; then touch ").append(q(layout.meta() + "/linger"))
                    .append("; else echo '@linger failed'; fi\n")
                    .append("fi\n");
        }
        for (Instances.Instance instance : instances) {
            String unit = unitName(layout, instance);
            script.append("printf '%s %s ---\\n' ").append(q("--- stageboard: starting " + label + " as " + instance.name() + " at"))
                    .append(" \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" >> ").append(q(Instances.logFile(layout, instance.name()))).append('\n');
            String body = unit(layout, instance, system, "@USER@", stopGraceSeconds);
            // The user's name is only known on the host: put in by sed, the rest written as is.
            script.append(system ? "sed \"s/^User=@USER@$/User=$user/\" <<'SB_UNIT_EOF' | sudo -n tee " + q(SYSTEM_DIR + "/" + unit) + " > /dev/null || exit 1\n"
                            : "cat > \"$units\"/" + q(unit) + " <<'SB_UNIT_EOF' || exit 1\n")
                    .append(body).append("SB_UNIT_EOF\n");
        }
        script.append(ctl).append(" daemon-reload || exit 1\n");
        for (Instances.Instance instance : instances) {
            String unit = q(unitName(layout, instance));
            String name = instance.name();
            script.append(ctl).append(" enable ").append(unit).append(" || exit 1\n")
                    .append(ctl).append(" restart ").append(unit).append(" || exit 1\n")
                    .append("pid=$(systemctl").append(system ? "" : " --user").append(" show -p MainPID --value ").append(unit).append(")\n")
                    .append("echo ").append(q((system ? "system " : "user ") + unitName(layout, instance))).append(" > ")
                    .append(q(Instances.runDir(layout) + "/" + name + ".unit")).append('\n')
                    .append("echo \"$pid\" > ").append(q(Instances.runDir(layout) + "/" + name + ".pid")).append('\n')
                    .append("rm -f ").append(q(Instances.runDir(layout) + "/" + name + ".state")).append('\n')
                    .append("echo ").append(q(name)).append(" \"$pid\"\n");
        }
        return script.toString();
    }

    /** What to tell the user when {@code sudo -n} asks for a password. */
    static String sudoMessage(String host, RemoteLayout layout) {
        return "systemd-system supervision needs sudo without a password on " + host + ", and sudo -n asks for one: add a sudoers rule "
                + "for the deploying user, e.g. (visudo -f /etc/sudoers.d/stageboard) 'USER ALL=(root) NOPASSWD: /usr/bin/tee "
                + SYSTEM_DIR + "/stageboard-" + project(layout) + "-" + environment(layout) + "-*, /usr/bin/systemctl', "
                + "or use systemd-user supervision.";
    }
}
