package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.util.List;

/**
 * The {@code process} and {@code process+cron} strategies: each instance runs under a small POSIX
 * sh supervisor ({@code .stageboard/supervise.sh}), started detached in its own session, so its
 * pid is also the instance's process group. The supervisor runs the command in the release
 * {@code current} pointed to when it started, with the release's {@code .env} exported, plus
 * {@code STAGEBOARD_PROCESS} and, when given, {@code PORT}; output appends to
 * {@code shared/log/<type>.<i>.log}. When the command exits without a stop being asked, it records
 * the restart in {@code .stageboard/restarts.log} and starts it again after 1, 2, 4, 8, 16 s
 * (30 s at most); after {@value #GIVE_UP} crashes in a row that each ran less than 60 s it gives up
 * and says so in {@code .stageboard/run/<type>.<i>.state}. TERM to the group stops both,
 * without a restart. {@code process+cron} also writes {@code .stageboard/boot.sh} (starts every
 * instance of {@code current}) and an {@code @reboot} crontab line running it.
 */
final class Supervisor {

    /** Crashes in a row (each under 60 s) after which the supervisor stops restarting. */
    static final int GIVE_UP = 5;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** The supervisor, POSIX sh: {@code sh supervise.sh ENVDIR NAME PORT COMMAND} (PORT may be empty). */
    static final String SCRIPT = String.join("\n",
            "# Stageboard's process supervisor: sh supervise.sh ENVDIR NAME PORT COMMAND",
            "dir=$1; name=$2; port=$3; cmd=$4",
            "run=\"$dir/.stageboard/run\"; log=\"$dir/shared/log/$name.log\"; history=\"$dir/.stageboard/restarts.log\"",
            "cd \"$dir/current\" || exit 1",
            "release=$(pwd -P)",
            "stopping=0; child=''",
            "trap 'stopping=1; [ -n \"$child\" ] && kill -TERM \"$child\" 2>/dev/null' TERM INT HUP",
            "rm -f \"$run/$name.state\"; echo 0 > \"$run/$name.restarts\"",
            "crashes=0; restarts=0",
            "while :; do",
            "  started=$(date +%s)",
            "  ( cd \"$release\" || exit 1",
            "    set -a; . ./.env; set +a",
            "    STAGEBOARD_PROCESS=\"$name\"; export STAGEBOARD_PROCESS",
            "    if [ -n \"$port\" ]; then PORT=\"$port\"; export PORT; fi",
            "    exec sh -c \"$cmd\" ) >> \"$log\" 2>&1 < /dev/null &",
            "  child=$!",
            "  echo \"$child\" > \"$run/$name.child\"",
            "  wait \"$child\"; rc=$?",
            "  if [ \"$stopping\" = 1 ]; then wait \"$child\" 2>/dev/null; rm -f \"$run/$name.child\"; exit 0; fi",
            "  ran=$(( $(date +%s) - started ))",
            "  if [ \"$ran\" -lt 60 ]; then crashes=$((crashes + 1)); else crashes=1; fi",
            "  restarts=$((restarts + 1)); echo \"$restarts\" > \"$run/$name.restarts\"",
            "  at=$(date -u +%Y-%m-%dT%H:%M:%SZ)",
            "  if [ \"$crashes\" -ge " + GIVE_UP + " ]; then",
            "    echo \"$at $name exit $rc attempt $crashes ran ${ran}s gave up\" >> \"$history\"",
            "    echo \"gave up after $crashes crashes; last exit code $rc at $at\" > \"$run/$name.state\"",
            "    printf '%s\\n' \"--- stageboard: $name gave up after $crashes crashes; last exit code $rc at $at ---\" >> \"$log\"",
            "    rm -f \"$run/$name.child\"; exit 1",
            "  fi",
            "  delay=1; i=1; while [ \"$i\" -lt \"$crashes\" ]; do delay=$((delay * 2)); i=$((i + 1)); done",
            "  if [ \"$delay\" -gt 30 ]; then delay=30; fi",
            "  echo \"$at $name exit $rc attempt $crashes ran ${ran}s restart in ${delay}s\" >> \"$history\"",
            "  printf '%s\\n' \"--- stageboard: $name exited with code $rc after ${ran}s; restarting in ${delay}s (attempt $crashes) ---\" >> \"$log\"",
            "  sleep \"$delay\" & child=$!",
            "  wait \"$child\"",
            "  if [ \"$stopping\" = 1 ]; then exit 0; fi",
            "done",
            "");

    private Supervisor() {
    }

    /**
     * The lines that start every instance under its supervisor and print {@code NAME PID} for
     * each; also the body of {@code boot.sh}. Expects {@code supervise.sh} in place.
     */
    static String startLines(RemoteLayout layout, List<Instances.Instance> instances, String label) {
        StringBuilder script = new StringBuilder();
        script.append("mkdir -p ").append(q(Instances.runDir(layout))).append(' ').append(q(Instances.logDir(layout))).append(" || exit 1\n");
        for (Instances.Instance instance : instances) {
            String name = instance.name();
            String log = Instances.logFile(layout, name);
            script.append("printf '%s %s ---\\n' ").append(q("--- stageboard: starting " + label + " as " + name + " at"))
                    .append(" \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" >> ").append(q(log)).append('\n')
                    .append("rm -f ").append(q(Instances.runDir(layout) + "/" + name + ".unit")).append('\n')
                    // Redirecting all three streams lets the SSH command return while the supervisor runs on.
                    .append("nohup setsid sh ").append(q(script(layout))).append(' ').append(q(layout.envDir())).append(' ')
                    .append(q(name)).append(' ').append(q(instance.port() == null ? "" : String.valueOf(instance.port()))).append(' ')
                    .append(q(instance.command())).append(" > /dev/null 2>&1 < /dev/null &\n")
                    .append("pid=$!; echo \"$pid\" > ").append(q(Instances.runDir(layout) + "/" + name + ".pid"))
                    .append("; echo ").append(q(name)).append(" \"$pid\"\n");
        }
        return script.toString();
    }

    /** Writes {@code supervise.sh}, starts every instance; with {@code cron}, also writes {@code boot.sh} and the crontab line. */
    static String startScript(RemoteLayout layout, List<Instances.Instance> instances, String label, boolean cron) {
        StringBuilder script = new StringBuilder();
        script.append("mkdir -p ").append(q(layout.meta())).append(" || exit 1\n")
                // A new file renamed into place: a running supervisor keeps reading the one it started with.
                .append("cat > ").append(q(script(layout) + ".new")).append(" <<'SB_SUPERVISOR_EOF'\n").append(SCRIPT)
                .append("SB_SUPERVISOR_EOF\n")
                .append("mv -f ").append(q(script(layout) + ".new")).append(' ').append(q(script(layout))).append(" || exit 1\n")
                .append(startLines(layout, instances, label));
        if (cron) {
            script.append(cronScript(layout, instances));
        }
        return script.toString();
    }

    /**
     * Writes {@code boot.sh} and, where {@code crontab} exists, makes sure the user's crontab has
     * exactly one {@code @reboot} line running it, keeping every other line; prints
     * {@code @cron added}, {@code @cron present} or {@code @cron none}.
     */
    static String cronScript(RemoteLayout layout, List<Instances.Instance> instances) {
        String boot = bootScript(layout);
        String line = "@reboot /bin/sh " + q(boot) + " > /dev/null 2>&1";
        // A delimiter no command can end early: commands are the user's, and may hold any line.
        String end = "SB_BOOT_EOF_" + randomHex();
        return "cat > " + q(boot) + " <<'" + end + "'\n"
                + "# Starts every instance of " + layout.envDir() + "/current after a reboot (Stageboard, process+cron).\n"
                + startLines(layout, instances, "after a reboot")
                + end + "\n"
                + "if command -v crontab > /dev/null 2>&1; then\n"
                + "  line=" + q(line) + "\n"
                + "  old=$(crontab -l 2>/dev/null)\n"
                + "  if printf '%s\\n' \"$old\" | grep -qxF -- \"$line\"; then echo '@cron present'; else\n"
                + "    { printf '%s\\n' \"$old\" | grep -vF -- " + q(boot) + " | grep -v '^$'; printf '%s\\n' \"$line\"; } | crontab - "
                + "&& echo '@cron added' || echo '@cron failed'\n"
                + "  fi\n"
                + "else echo '@cron none'; fi\n";
    }

    private static String randomHex() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static String script(RemoteLayout layout) {
        return layout.meta() + "/supervise.sh";
    }

    static String bootScript(RemoteLayout layout) {
        return layout.meta() + "/boot.sh";
    }
}
