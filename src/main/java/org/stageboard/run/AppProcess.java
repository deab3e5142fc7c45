package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.time.Duration;
import org.stageboard.core.StageboardException;

/**
 * Looks at and stops one process group on the host (an instance's supervisor runs in its own
 * session, so its pid is also its process group, and stopping it reaches its children); the
 * shell functions every instance script uses. Starting is {@link Instances}'. A zombie counts as
 * gone: hosts without a reaping init (containers) keep them around.
 */
final class AppProcess {

    /** Shell functions: {@code running PID} is true while the process or anything in its group lives. */
    static final String FUNCTIONS = String.join("\n",
            "alive() {",
            "  kill -0 \"$1\" 2>/dev/null || return 1",
            "  [ -r \"/proc/$1/stat\" ] || return 0",
            "  s=$(sed -n 's/^.*) \\(.\\) .*$/\\1/p' \"/proc/$1/stat\" 2>/dev/null)",
            "  [ -n \"$s\" ] && [ \"$s\" != Z ] && [ \"$s\" != X ]",
            "}",
            "group_alive() {",
            "  kill -0 -\"$1\" 2>/dev/null || return 1",
            "  [ -r /proc/self/stat ] || return 0",
            "  cat /proc/[0-9]*/stat 2>/dev/null | sed -n 's/^.*) \\(.\\) [0-9-]* \\([0-9-]*\\) .*$/\\1 \\2/p' | grep -q \"^[^ZX] $1\\$\"",
            "}",
            "running() { group_alive \"$1\" || alive \"$1\"; }",
            "nap() { sleep 0.1 2>/dev/null || sleep 1; }",
            "");

    private AppProcess() {
    }

    /** The pid in the pidfile, or null. */
    static Integer readPid(RemoteShell shell, RemoteLayout layout) {
        return parsePid(shell.check("Reading the pidfile", "cat " + q(layout.pidFile()) + " 2>/dev/null || true"));
    }

    /** A pid written in a pidfile, or null when there is none or it cannot be the app's. */
    static Integer parsePid(String text) {
        String out = text.strip();
        try {
            Integer pid = out.isEmpty() ? null : Integer.valueOf(out);
            return pid == null || pid <= 1 ? null : pid;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isRunning(RemoteShell shell, int pid) {
        checkPid(pid);
        return shell.check("Checking the app process", FUNCTIONS + "if running " + pid + "; then echo yes; else echo no; fi")
                .strip().equals("yes");
    }

    /**
     * Stops the process group: TERM, up to {@code graceSeconds} to exit, then KILL. Leaves alone a
     * pid that now belongs to a process outside this environment's releases (pid reuse).
     * Returns what happened, for the log.
     */
    static String stop(RemoteShell shell, RemoteLayout layout, int pid, int graceSeconds) {
        checkPid(pid);
        String script = FUNCTIONS
                + "pid=" + pid + "\n"
                + "root=$(cd " + q(layout.envDir()) + " && pwd -P)\n"
                + "if ! running $pid; then echo 'was not running'; exit 0; fi\n"
                + "c=$(readlink \"/proc/$pid/cwd\" 2>/dev/null) && case \"$c\" in \"$root\"/releases/*) ;; "
                + "*) echo \"left alone: it runs in $c, not in a release\"; exit 0;; esac\n"
                + "kill -TERM -$pid 2>/dev/null; kill -TERM $pid 2>/dev/null\n"
                + "end=$(( $(date +%s) + " + graceSeconds + " ))\n"
                + "while running $pid; do\n"
                + "  if [ $(date +%s) -ge $end ]; then\n"
                + "    kill -KILL -$pid 2>/dev/null; kill -KILL $pid 2>/dev/null\n"
                + "    m=0; while running $pid && [ $m -lt 50 ]; do nap; m=$((m+1)); done\n"
                + "    echo 'killed after " + graceSeconds + " s'; exit 0\n"
                + "  fi\n"
                + "  nap\n"
                + "done\n"
                + "echo 'stopped'\n";
        return shell.check("Stopping the app (pid " + pid + ")", script, Duration.ofSeconds(graceSeconds + 60L)).strip();
    }

    /** Signalling -1 or -0 would reach every process of the user or the caller's own group. */
    private static void checkPid(int pid) {
        if (pid <= 1) {
            throw new StageboardException("The pidfile names process " + pid + ", which cannot be the app: not signalling it.");
        }
    }
}
