package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stageboard.core.InstanceState;
import org.stageboard.core.ProcessType;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.core.Supervision;
import org.stageboard.ssh.ExecResult;

/**
 * The instances of a release on a host: which run ({@code count} of each process type, from the
 * run settings and the release's {@code Procfile}), starting them all under the environment's
 * supervision, stopping whatever the host says runs, and reading them back. What runs is recorded
 * on the host under {@code .stageboard/run/}: {@code <type>.<i>.pid} (the supervisor's pid, which
 * is also the instance's process group, or systemd's main pid), {@code <type>.<i>.unit} for
 * systemd ({@code user UNIT} / {@code system UNIT}), {@code <type>.<i>.state} when a supervisor
 * gave up; each instance's output goes to {@code shared/log/<type>.<i>.log}. The first instance's
 * pid is also written to {@code .stageboard/app.pid}, for readers of the single-process layout.
 */
final class Instances {

    /** One instance to run: {@code port} is the {@code PORT} it gets, or null to leave the config's. */
    record Instance(String type, int index, String command, Integer port) {
        /** {@code web.2}. */
        String name() {
            return type + "." + index;
        }

        boolean web() {
            return type.equals(org.stageboard.core.Processes.WEB);
        }
    }

    /** One started instance and the pid that stands for it: health must come while this pid is alive. */
    record Started(Instance instance, int pid, Supervision supervision) {
    }

    /** How one started instance is doing: alive, and how many times its supervisor restarted it since it started. */
    record Liveness(String name, boolean alive, int restarts, String gaveUp) {
        boolean fine() {
            return alive && restarts == 0 && gaveUp == null;
        }
    }

    private static final String FIELD = "\t";
    /** What {@link #stopAll} says when the host records no instance at all. */
    static final String NOTHING_RECORDED = "nothing was running";

    private Instances() {
    }

    static String runDir(RemoteLayout layout) {
        return layout.meta() + "/run";
    }

    static String logDir(RemoteLayout layout) {
        return layout.envDir() + "/shared/log";
    }

    static String logFile(RemoteLayout layout, String name) {
        return logDir(layout) + "/" + name + ".log";
    }

    static String restartsLog(RemoteLayout layout) {
        return layout.meta() + "/restarts.log";
    }

    /**
     * The instances of {@code run}, with commands from the settings, else {@code procfile} (the
     * release's Procfile text, or null), else the start command as {@code web}. When {@code web}
     * runs more than once and the health check has a port, web instance {@code i} gets
     * {@code PORT = healthPort + i - 1}; otherwise {@code PORT} is the config's.
     */
    static List<Instance> plan(RunSettings run, String procfile) {
        List<ProcessType> types = run.processes().resolve(run.startCommand(), procfile);
        int webCount = types.stream().filter(ProcessType::web).mapToInt(ProcessType::count).sum();
        boolean ports = webCount > 1 && run.healthPort() > 0;
        List<Instance> instances = new ArrayList<>();
        for (ProcessType type : types) {
            for (int i = 1; i <= type.count(); i++) {
                instances.add(new Instance(type.name(), i, type.command(), type.web() && ports ? run.healthPort() + i - 1 : null));
            }
        }
        return instances;
    }

    /** The instances a release folder ({@code releases/<name>} or {@code current}) runs: its Procfile read from the host. */
    static List<Instance> plan(RemoteShell shell, RemoteLayout layout, String folder, RunSettings run) {
        return plan(run, procfile(shell, folder));
    }

    /** The text of {@code <folder>/Procfile}, or null when there is none. */
    static String procfile(RemoteShell shell, String folder) {
        String out = shell.check("Reading the Procfile", "f=" + q(folder + "/Procfile") + "; if [ -f \"$f\" ]; then echo yes; "
                + "head -c 65536 \"$f\"; else echo no; fi");
        return out.startsWith("yes\n") ? out.substring(4) : null;
    }

    /** Starts every instance of the release {@code current} points to; see {@link #startAll(RemoteShell, RemoteLayout, RunSettings, List, String, Progress)}. */
    static List<Started> startAll(RemoteShell shell, RemoteLayout layout, RunSettings run, String label, Progress progress) {
        return startAll(shell, layout, run, plan(shell, layout, layout.current(), run), label, progress);
    }

    /**
     * Starts {@code instances} of the release {@code current} points to, under
     * {@code run.supervision()}, in one command; returns each with its pid. Nothing of this
     * environment may be running (stop it first).
     */
    static List<Started> startAll(RemoteShell shell, RemoteLayout layout, RunSettings run, List<Instance> instances, String label,
                                  Progress progress) {
        if (instances.isEmpty()) {
            throw new StageboardException("No process instance to start for " + label + ": every count is 0.");
        }
        Supervision supervision = run.supervision();
        ExecResult result = shell.run(startScript(layout, run, instances, label), RemoteShell.SHORT);
        if (result.exitCode() == SystemdUnits.SUDO_REFUSED) {
            throw new StageboardException(SystemdUnits.sudoMessage(shell.host(), layout));
        }
        if (!result.ok()) {
            String detail = result.stderr().strip();
            throw new StageboardException("Starting " + label + " (" + supervision.key() + ") failed on " + shell.host() + " (exit "
                    + result.exitCode() + ")" + (detail.isEmpty() ? "." : ": " + detail.lines().reduce((a, b) -> b).orElse("")));
        }
        Map<String, Instance> byName = new LinkedHashMap<>();
        instances.forEach(instance -> byName.put(instance.name(), instance));
        List<Started> started = new ArrayList<>();
        for (String line : result.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            if (line.equals("@cron added")) {
                progress.log("crontab: @reboot entry added, running " + Supervisor.bootScript(layout));
            } else if (line.equals("@cron present")) {
                progress.log("crontab: the @reboot entry is already there");
            } else if (line.equals("@cron none")) {
                progress.log("crontab is not available on " + shell.host() + ": no @reboot entry was made, so the app will not come "
                        + "back after a reboot (install cron, or use systemd supervision)");
            } else if (line.equals("@cron failed")) {
                progress.log("crontab could not be written on " + shell.host() + ": no @reboot entry was made");
            } else if (line.equals("@linger failed")) {
                progress.log("loginctl enable-linger failed on " + shell.host() + ": the user units stop when the user logs out and "
                        + "do not start after a reboot; run 'sudo loginctl enable-linger USER' once");
            } else {
                String[] parts = line.split(" ");
                Instance instance = parts.length == 2 ? byName.get(parts[0]) : null;
                Integer pid = parts.length == 2 ? AppProcess.parsePid(parts[1]) : null;
                if (instance == null || pid == null) {
                    throw new StageboardException("Starting " + label + " on " + shell.host() + " gave no process id for "
                            + (instance == null ? "'" + line + "'" : instance.name()) + ".");
                }
                started.add(new Started(instance, pid, supervision));
            }
        }
        if (started.size() != instances.size()) {
            throw new StageboardException("Starting " + label + " on " + shell.host() + " started " + started.size() + " of "
                    + instances.size() + " instances.");
        }
        shell.check("Writing the pidfile", "echo " + started.get(0).pid() + " > " + q(layout.pidFile()));
        return started;
    }

    /**
     * Stops every instance the host records, whatever its type, count or supervision (and a
     * process in the single-process {@code app.pid}): systemd units are stopped and disabled;
     * supervised groups get TERM, up to {@code graceSeconds} to exit, then KILL. A pid that now
     * belongs to a process outside this environment's releases is left alone (pid reuse).
     * Returns what happened, for the log.
     */
    static String stopAll(RemoteShell shell, RemoteLayout layout, int graceSeconds) {
        return shell.check("Stopping the app", stopScript(layout, graceSeconds), Duration.ofSeconds(graceSeconds + 90L)).strip();
    }

    /** The script that starts {@code instances} of the release {@code current} points to under {@code run.supervision()}; prints {@code NAME PID} lines. */
    static String startScript(RemoteLayout layout, RunSettings run, List<Instance> instances, String label) {
        Supervision supervision = run.supervision();
        return supervision.systemd()
                ? SystemdUnits.startScript(layout, instances, supervision, label, run.stopGraceSeconds())
                : Supervisor.startScript(layout, instances, label, supervision == Supervision.PROCESS_CRON);
    }

    /** The script {@link #stopAll} runs; prints what it did on one line. */
    static String stopScript(RemoteLayout layout, int graceSeconds) {
        String run = runDir(layout);
        return AppProcess.FUNCTIONS + SystemdUnits.USER_BUS
                + "cd " + q(layout.envDir()) + " 2>/dev/null || { echo 'nothing was running'; exit 0; }\n"
                + "root=$(pwd -P); said=''; pids=''; seen=' '\n"
                + "say() { said=\"$said${said:+, }$1\"; }\n"
                + "for f in " + q(run) + "/*.unit; do [ -f \"$f\" ] || continue\n"
                + "  n=${f##*/}; n=${n%.unit}; read -r mode unit < \"$f\"\n"
                + "  if [ \"$mode\" = system ]; then ctl='sudo -n systemctl'; else ctl='systemctl --user'; fi\n"
                + "  p=$(head -c 32 " + q(run) + "/\"$n.pid\" 2>/dev/null | tr -cd 0-9); seen=\"$seen$p \"\n"
                // Stopped and disabled, so it does not come back at boot; kept on record when systemctl refused.
                + "  if $ctl stop \"$unit\"; then $ctl disable \"$unit\" >/dev/null 2>&1; say \"$n stopped ($unit)\"; "
                + "rm -f \"$f\" " + q(run) + "/\"$n.pid\"; else say \"$n: '$ctl stop $unit' failed, still recorded\"; fi\n"
                + "done\n"
                + "for f in " + q(run) + "/*.pid " + q(layout.pidFile()) + "; do [ -f \"$f\" ] || continue\n"
                + "  n=${f##*/}; n=${n%.pid}; [ \"$n\" = app ] && n=app.pid\n"
                + "  pid=$(head -c 32 \"$f\" | tr -cd 0-9); rm -f \"$f\"\n"
                + "  if [ -z \"$pid\" ] || [ \"$pid\" -le 1 ]; then continue; fi\n"
                + "  case \"$seen\" in *\" $pid \"*) continue;; esac; seen=\"$seen$pid \"\n"
                + "  if ! running \"$pid\"; then say \"$n was not running\"; continue; fi\n"
                + "  c=$(readlink \"/proc/$pid/cwd\" 2>/dev/null) && case \"$c\" in \"$root\"/releases/*) ;; "
                + "*) say \"$n left alone: pid $pid runs in $c, not in a release\"; continue;; esac\n"
                + "  kill -TERM -\"$pid\" 2>/dev/null; kill -TERM \"$pid\" 2>/dev/null\n"
                + "  pids=\"$pids $n:$pid \"\n"
                + "done\n"
                + "end=$(( $(date +%s) + " + graceSeconds + " ))\n"
                + "for e in $pids; do n=${e%:*}; pid=${e##*:}\n"
                + "  while running \"$pid\" && [ $(date +%s) -lt $end ]; do nap; done\n"
                + "  if running \"$pid\"; then kill -KILL -\"$pid\" 2>/dev/null; kill -KILL \"$pid\" 2>/dev/null\n"
                + "    m=0; while running \"$pid\" && [ $m -lt 50 ]; do nap; m=$((m+1)); done\n"
                + "    say \"$n killed after " + graceSeconds + " s\"\n"
                + "  else say \"$n stopped\"; fi\n"
                + "done\n"
                + "rm -f " + q(run) + "/*.child " + q(run) + "/*.restarts " + q(run) + "/*.state\n"
                + "echo \"${said:-nothing was running}\"\n";
    }

    /**
     * Shell lines printing one tab-separated line per recorded instance: name, pid, alive
     * ({@code yes}/{@code no}), restarts since it started, supervision, uptime in seconds, and
     * the gave-up state. Run in the environment's folder.
     */
    static String readScript() {
        return AppProcess.FUNCTIONS + SystemdUnits.USER_BUS
                + "for f in .stageboard/run/*.pid; do [ -f \"$f\" ] || continue\n"
                + "  n=${f##*/}; n=${n%.pid}; pid=$(head -c 32 \"$f\" | tr -cd 0-9); sup=process; a=no\n"
                + "  if [ -f \".stageboard/run/$n.unit\" ]; then read -r mode unit < \".stageboard/run/$n.unit\"; sup=systemd-$mode\n"
                + "    if [ \"$mode\" = system ]; then m=$(systemctl show -p MainPID --value \"$unit\" 2>/dev/null); "
                + "else m=$(systemctl --user show -p MainPID --value \"$unit\" 2>/dev/null); fi\n"
                + "    m=$(printf '%s' \"$m\" | tr -cd 0-9); pid=${m:-0}\n"
                + "    if [ \"$pid\" -gt 1 ] && alive \"$pid\"; then a=yes; fi\n"
                + "  else\n"
                + "    c=$(head -c 32 \".stageboard/run/$n.child\" 2>/dev/null | tr -cd 0-9)\n"
                + "    if [ -n \"$pid\" ] && [ \"$pid\" -gt 1 ] && alive \"$pid\" && [ -n \"$c\" ] && alive \"$c\"; then a=yes; fi\n"
                + "  fi\n"
                + "  r=$(head -c 16 \".stageboard/run/$n.restarts\" 2>/dev/null | tr -cd 0-9)\n"
                + "  s=$(head -c 300 \".stageboard/run/$n.state\" 2>/dev/null | tr '\\t\\n' '  ')\n"
                + "  up=''; if [ \"$a\" = yes ]; then up=$(ps -o etimes= -p \"$pid\" 2>/dev/null | tr -cd 0-9); fi\n"
                + "  printf '%s\\t%s\\t%s\\t%s\\t%s\\t%s\\t%s\\n' \"$n\" \"$pid\" \"$a\" \"${r:-0}\" \"$sup\" \"$up\" \"$s\"\n"
                + "done; true\n";
    }

    /** One parsed line of {@link #readScript()}: the instance and its uptime in seconds (or null). */
    record Read(InstanceState state, Long uptimeSeconds) {
    }

    /** Parses {@link #readScript()}'s output, in type order as recorded (web first), then index. */
    static List<Read> parse(String text) {
        List<Read> reads = new ArrayList<>();
        for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
            String[] f = line.split(FIELD, -1);
            if (f.length < 7) {
                continue;
            }
            int dot = f[0].lastIndexOf('.');
            if (dot <= 0) {
                continue;
            }
            int index;
            try {
                index = Integer.parseInt(f[0].substring(dot + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            Integer pid = AppProcess.parsePid(f[1]);
            int restarts = f[3].isEmpty() ? 0 : Integer.parseInt(f[3]);
            Long uptime = f[5].isEmpty() ? null : Long.valueOf(f[5]);
            String gaveUp = f[6].strip().isEmpty() ? null : f[6].strip();
            reads.add(new Read(new InstanceState(f[0].substring(0, dot), index, pid, f[2].equals("yes"), restarts, gaveUp, f[4]), uptime));
        }
        reads.sort((a, b) -> {
            boolean aw = a.state().type().equals("web");
            boolean bw = b.state().type().equals("web");
            if (aw != bw) {
                return aw ? -1 : 1;
            }
            int byType = a.state().type().compareTo(b.state().type());
            return byType != 0 ? byType : Integer.compare(a.state().index(), b.state().index());
        });
        return reads;
    }

    /** What runs now, per recorded instance, in one command. */
    static List<InstanceState> read(RemoteShell shell, RemoteLayout layout) {
        String out = shell.check("Reading the app's instances", "cd " + q(layout.envDir()) + " 2>/dev/null || exit 0\n" + readScript());
        return parse(out).stream().map(Read::state).toList();
    }

    /**
     * How each started instance is doing, in one command: alive (the pid it started with, and for
     * a supervisor its child too) and the restarts recorded since it started.
     */
    static List<Liveness> liveness(RemoteShell shell, RemoteLayout layout, List<Started> started) {
        StringBuilder script = new StringBuilder(AppProcess.FUNCTIONS).append(SystemdUnits.USER_BUS).append("cd ").append(q(layout.envDir())).append(" || exit 1\n");
        for (Started s : started) {
            String name = s.instance().name();
            String base = ".stageboard/run/" + name;
            script.append("n=").append(q(name)).append("; pid=").append(s.pid()).append("; a=no\n");
            if (s.supervision().systemd()) {
                String unit = q(SystemdUnits.unitName(layout, s.instance()));
                script.append("m=$(systemctl").append(s.supervision() == Supervision.SYSTEMD_SYSTEM ? "" : " --user")
                        .append(" show -p MainPID --value ").append(unit).append(" 2>/dev/null | tr -cd 0-9)\n")
                        // A new main pid means systemd restarted it: the one that started crashed.
                        .append("r=0; if [ \"$m\" = \"$pid\" ] && alive \"$pid\"; then a=yes; elif [ -n \"$m\" ] && [ \"$m\" != 0 ]; then r=1; fi\n")
                        .append("s=''\n");
            } else {
                script.append("c=$(head -c 32 ").append(q(base + ".child")).append(" 2>/dev/null | tr -cd 0-9)\n")
                        .append("if alive \"$pid\" && [ -n \"$c\" ] && alive \"$c\"; then a=yes; fi\n")
                        .append("r=$(head -c 16 ").append(q(base + ".restarts")).append(" 2>/dev/null | tr -cd 0-9)\n")
                        .append("s=$(head -c 300 ").append(q(base + ".state")).append(" 2>/dev/null | tr '\\t\\n' '  ')\n");
            }
            script.append("printf '%s\\t%s\\t%s\\t%s\\n' \"$n\" \"$a\" \"${r:-0}\" \"$s\"\n");
        }
        String out = shell.check("Checking the app's instances", script.toString());
        List<Liveness> result = new ArrayList<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            String[] f = line.split(FIELD, -1);
            if (f.length >= 4) {
                result.add(new Liveness(f[0], f[1].equals("yes"), f[2].isEmpty() ? 0 : Integer.parseInt(f[2]),
                        f[3].strip().isEmpty() ? null : f[3].strip()));
            }
        }
        return result;
    }

    /**
     * The last {@code lines} lines of the logs of {@code names} (all instance logs under
     * {@code shared/log/} when null), each headed by a line {@code @@log <type>.<i>.log}.
     */
    static String logTail(RemoteShell shell, RemoteLayout layout, List<String> names, int lines) {
        String files = names == null ? "*.log" : String.join(" ", names.stream().map(n -> q(n + ".log")).toList());
        return shell.run("cd " + q(logDir(layout)) + " 2>/dev/null || exit 0\n"
                + "for f in " + files + "; do [ -f \"$f\" ] || continue; echo \"@@log $f\"; tail -n " + lines + " \"$f\"; done",
                RemoteShell.SHORT).stdout();
    }
}
