package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.time.Duration;
import java.util.List;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.LockInfo;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.RunSettings;
import org.stageboard.ssh.HeldCommand;

/**
 * The host's own guard over a switch: a deploy that dies between stopping the previous app and
 * finishing (the deploying process killed, the computer off, the network gone for good) must not
 * leave the host without a running app. Before the previous app is stopped, the run leaves on the
 * host, in {@code .stageboard/guard/}, a script that puts the previous release back (stop what
 * runs, point {@code current} at it again, start it as it was started) and a watcher started
 * with {@code nohup setsid}, independent of the SSH connection; when the run ends it is disarmed
 * and the watcher exits. While armed, the watcher looks every second for two signs that the run
 * is gone, and when one shows it puts the previous release back, once, and records what it did
 * (and which sign it saw) in {@code .stageboard/guard-restored.log}. The lock is left as it is,
 * stale, for a user to break explicitly.
 * <ul>
 *   <li>The tether: the run keeps a small shell open on the host over its SSH connection, on a
 *       channel of its own ({@code guard/tether-TOKEN} holds its pid). It ends when the run's
 *       connection closes, whatever closed it (the process killed, the computer off, the
 *       connection reset), and a slow step does not end it. Once it has been gone for
 *       {@link #TETHER_GRACE}, the watcher acts. The grace is for a run that is alive and lost
 *       its connection: such a run connects again and, as its first command there, disarms the
 *       guard (the {@code taken} folder below); coming back after the grace, it finds the guard
 *       has taken over and reports what the guard did.</li>
 *   <li>The lock's heartbeat, the fallback (a host where the tether could not start, a tether
 *       killed by {@code SIGKILL} whose pid is not reaped): when it goes stale
 *       ({@link LockInfo#STALE_AFTER}) or the lock is gone while still armed, the run is
 *       dead.</li>
 * </ul>
 * A link that goes silent without closing (a laptop lid closed, a cable pulled) is noticed by
 * sshd only as its {@code ClientAliveInterval} says; until then the tether stands, and the
 * heartbeat decides.
 *
 * <p>The run and the watcher never both put the host back: whoever first makes the folder
 * {@code guard/taken} (one {@code mkdir}, atomic) does it. A run that finds the guard has taken
 * over reports what the guard did. A run that ends disarms the guard first, then closes its
 * tether, so the watcher never takes a normal end for a death.
 */
final class HostGuard {

    /** How long after the heartbeat stopped the watcher acts; tests may shorten it with this system property (seconds). */
    static final String STALE_PROPERTY = "stageboard.guard.staleSeconds";
    /** The watcher never outlives this, whatever happens. */
    private static final Duration LONGEST = Duration.ofHours(6);
    private static final Duration WAIT_FOR_RESTORE = Duration.ofMinutes(3);
    /** How long the tether must have been gone before the watcher acts: time for a run that lost its connection to come back. */
    static final Duration TETHER_GRACE = Duration.ofSeconds(5);
    /** How long the watcher waits between two looks. */
    static final Duration WATCH_PAUSE = Duration.ofSeconds(1);
    /** How long starting the tether may take before the guard goes on without it. */
    private static final Duration TETHER_START = Duration.ofSeconds(15);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final RemoteLayout layout;
    private final String token;
    private HeldCommand tether;
    private String untethered;

    private HostGuard(RemoteLayout layout, String token) {
        this.layout = layout;
        this.token = token;
    }

    static String dir(RemoteLayout layout) {
        return layout.meta() + "/guard";
    }

    static String restoredLog(RemoteLayout layout) {
        return layout.meta() + "/guard-restored.log";
    }

    /**
     * Leaves the restore script and starts the watcher for the run holding the lock now (the lock
     * is told apart by its {@code info.json}, written once when taken: any other content means
     * another run's lock, none means no lock).
     * {@code previousLink} is what {@code current} points to now ({@code releases/NAME}), started
     * again with {@code previousRun} as {@code previousInstances}.
     */
    static HostGuard arm(RemoteShell shell, RemoteLayout layout, String previousLink, String previousLabel,
                         RunSettings previousRun, List<Instances.Instance> previousInstances, Guarded guarded) {
        String dir = dir(layout);
        String restore = "#!/bin/sh\n"
                + "# Written by Stageboard: puts the previous release back when the run switching away from it died.\n"
                + "why=\"${1:-it was found gone}\"\n"
                + "printf '%s %s (%s); %s\\n' \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" " + q("the run holding the lock (" + oneLine(guarded.run())
                + ") stopped answering " + oneLine(guarded.during())) + " \"$why\" " + q(guarded.restart() ? "starting it again" : "putting it back") + "\n"
                + "(\n"
                + "(\n" + Instances.stopScript(layout, previousRun.stopGraceSeconds()) + ")\n"
                + "t=" + q(layout.envDir() + "/.current-guard") + "\n"
                + "rm -f \"$t\"; ln -s " + q(previousLink) + " \"$t\" && mv -T \"$t\" " + q(layout.current()) + " || exit 1\n"
                + "printf '%s\\n' " + q("current -> " + oneLine(previousLink)) + "\n"
                + "out=$( (\n" + Instances.startScript(layout, previousRun, previousInstances, oneLine(previousLabel)) + ") ) || { printf '%s\\n' \"$out\"; exit 1; }\n"
                + "printf '%s\\n' \"$out\"\n"
                + "pid=$(printf '%s\\n' \"$out\" | sed -n 's/^[^@ ][^ ]* \\([0-9][0-9]*\\)$/\\1/p' | head -n 1)\n"
                + "[ -n \"$pid\" ] && echo \"$pid\" > " + q(layout.pidFile()) + "\n"
                + "printf '%s\\n' " + q("started " + oneLine(previousLabel) + " again") + "\n"
                + ")\n"
                + "rc=$?\n"
                + ledgerScript(layout, guarded)
                + "exit $rc\n";
        String watch = "#!/bin/sh\n"
                + "# Written by Stageboard: watches the run switching this environment; see restore.sh.\n"
                + "env=$1; lock_sum=$2; stale=$3; longest=$4; token=$5; grace=$6; pause=$7\n"
                + "guard=\"$env/.stageboard/guard\"; lock=\"$env/.stageboard/lock\"; tether=\"$guard/tether-$token\"\n"
                + "begun=$(date +%s); gone=\"\"\n"
                // Armed for this run only: a later run arms with a token of its own, and this watcher leaves.
                + "mine() { [ \"$(cat \"$guard/armed\" 2>/dev/null)\" = \"$token\" ]; }\n"
                + "while mine; do\n"
                + "  sleep \"$pause\"\n"
                + "  mine || exit 0\n"
                + "  now=$(date +%s)\n"
                + "  [ $((now - begun)) -gt \"$longest\" ] && exit 0\n"
                + "  why=\"\"\n"
                // The tether: its pid while it runs, 'ended' once it saw its input close; none: it never started.
                + "  t=$(cat \"$tether\" 2>/dev/null)\n"
                + "  case $t in\n"
                + "    ended) alive=no ;;\n"
                + "    ''|0*|*[!0-9]*) alive=unknown ;;\n"
                + "    *) if kill -0 \"$t\" 2>/dev/null; then alive=yes; else alive=no; fi ;;\n"
                + "  esac\n"
                + "  if [ \"$alive\" = no ]; then\n"
                + "    [ -n \"$gone\" ] || gone=$now\n"
                + "    [ $((now - gone)) -ge \"$grace\" ] && why=\"its connection to the host closed\"\n"
                + "  else\n"
                + "    gone=\"\"\n"
                + "  fi\n"
                + "  if [ -z \"$why\" ]; then\n"
                + "    beat=$(date -r \"$lock/heartbeat\" +%s 2>/dev/null || echo 0)\n"
                + "    if [ \"$(cksum < \"$lock/info.json\" 2>/dev/null)\" != \"$lock_sum\" ]; then why=\"its lock is gone\"\n"
                + "    elif [ $((now - beat)) -gt \"$stale\" ]; then why=\"its lock heartbeat stopped for $stale s\"\n"
                + "    else continue; fi\n"
                + "  fi\n"
                + "  if mkdir \"$guard/taken\" 2>/dev/null; then\n"
                + "    sh \"$guard/restore.sh\" \"$why\" > \"$guard/restore.log\" 2>&1; rc=$?\n"
                + "    cp \"$guard/restore.log\" \"$env/.stageboard/guard-restored.log\" 2>/dev/null\n"
                + "    echo \"$rc\" > \"$guard/restored\"; rm -f \"$guard/armed\"\n"
                + "  fi\n"
                + "  exit 0\n"
                + "done\n";
        String token = Long.toHexString(RANDOM.nextLong());
        String script = "mkdir -p " + q(dir) + " || exit 1\n"
                + "rm -rf " + q(dir + "/taken") + " " + q(dir + "/restored") + " " + q(dir + "/restore.log") + " " + q(dir) + "/tether-*\n"
                + heredoc(dir + "/restore.sh", restore)
                + heredoc(dir + "/watch.sh", watch)
                + "lock=$(cksum < " + q(layout.lockInfo()) + ") || exit 1\n"
                + "printf '%s\\n' " + q(token) + " > " + q(dir + "/armed") + " || exit 1\n"
                + "nohup setsid sh " + q(dir + "/watch.sh") + " " + q(layout.envDir()) + " \"$lock\" " + staleSeconds() + " "
                + LONGEST.toSeconds() + " " + q(token) + " " + TETHER_GRACE.toSeconds() + " " + WATCH_PAUSE.toSeconds()
                + " > /dev/null 2>&1 < /dev/null &\n"
                + "echo armed\n";
        shell.uncancellable().check("Arming the host's guard", script);
        HostGuard guard = new HostGuard(layout, token);
        guard.tether(shell);
        return guard;
    }

    /**
     * The run a guard watches over, for the restore's log and its ledger line: {@code run} names it
     * ({@code tester's deploy of staging v2}), {@code during} what it was doing when the guard
     * would act ({@code while switching away from staging v1}); {@code restart} when the guard
     * starts the same release again rather than putting the previous one back. {@code catalog}
     * is the catalog of the run, {@code previous} the release put back (its folder, identity and
     * {@code release.json} name the line's release and commit), {@code switchingTo} the folder
     * the run was activating (null for a restart).
     */
    record Guarded(String run, String during, boolean restart, String catalog, ReleaseFolders.Current previous, String switchingTo) {
    }

    /**
     * The end of the restore script: one ledger line like a run's ({@link Ledger}), kind
     * {@link LedgerEntry#GUARD_RESTORE}, by {@link LedgerEntry#GUARD}, outcome {@code RESTORED}
     * (put back and started; its health not checked) or {@code APP_DOWN} (the script failed), with
     * the time of the restore, why the watcher acted ({@code $why}, control characters, quotes and
     * backslashes removed) and the script's exit code ({@code $rc}). Everything known now is
     * JSON-escaped here and shell-quoted; only those three are filled in on the host.
     */
    static String ledgerScript(RemoteLayout layout, Guarded guarded) {
        String label = oneLine(guarded.previous().label() == null ? guarded.previous().folder() : guarded.previous().label());
        String after = " after " + oneLine(guarded.run()) + " stopped answering (" + WHY_MARK + ")";
        String ok = ledgerTemplate(guarded, "RESTORED", "The host's guard " + (guarded.restart() ? "started " + label + " again" : "put " + label
                + " back") + after + "; its health was not checked.");
        String failed = ledgerTemplate(guarded, "APP_DOWN", "The host's guard tried to " + (guarded.restart() ? "start " + label + " again"
                : "put " + label + " back") + after + ", and that failed (exit " + RC_MARK + "): read .stageboard/guard-restored.log, then "
                + "deploy or roll back.");
        return "w=$(printf '%s' \"$why\" | tr -d '\\000-\\037\"\\\\')\n"
                + "t=$(date -u +%Y-%m-%dT%H:%M:%SZ)\n"
                + "if [ \"$rc\" -eq 0 ]; then l=" + ok + "; else l=" + failed + "; fi\n"
                + "mkdir -p " + q(layout.meta()) + " && printf '%s\\n' \"$l\" >> " + q(layout.ledger()) + "\n";
    }

    private static final String TIME_MARK = "SBGUARDTIME" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    private static final String WHY_MARK = "SBGUARDWHY" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    private static final String RC_MARK = "SBGUARDRC" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);

    /** The ledger line as a shell word: the JSON quoted, with {@code $t}, {@code $w} and {@code $rc} where the marks are. */
    private static String ledgerTemplate(Guarded guarded, String outcome, String message) {
        ReleaseFolders.Current previous = guarded.previous();
        org.stageboard.core.ReleaseIdentity identity = previous.identity();
        Ledger.Commit commit = Ledger.commit(previous.releaseJson());
        LedgerEntry entry = new LedgerEntry(null, LedgerEntry.GUARD, ProcessIdentity.current().format(), guarded.catalog(),
                LedgerEntry.GUARD_RESTORE, previous.folder(), identity == null ? previous.label() : identity.label(),
                identity == null ? null : identity.artifactSha256(), guarded.switchingTo(), outcome, message, commit.sha(), commit.subject());
        String json = Ledger.line(entry).replace("\"time\":null", "\"time\":\"" + TIME_MARK + "\"");
        StringBuilder word = new StringBuilder();
        int at = 0;
        while (at < json.length()) {
            int next = json.length();
            String mark = null;
            for (String m : List.of(TIME_MARK, WHY_MARK, RC_MARK)) {
                int i = json.indexOf(m, at);
                if (i >= 0 && i < next) {
                    next = i;
                    mark = m;
                }
            }
            if (next > at) {
                word.append(q(json.substring(at, next)));
            }
            if (mark == null) {
                break;
            }
            word.append(mark.equals(TIME_MARK) ? "\"$t\"" : mark.equals(WHY_MARK) ? "\"$w\"" : "\"$rc\"");
            at = next + mark.length();
        }
        return word.toString();
    }

    /**
     * Starts the tether: a shell on the host that writes its pid to {@code guard/tether-TOKEN},
     * then reads its input until it closes, and then writes {@code ended} there (also when it is
     * sent HUP, INT or TERM). Only for this arming: it does not start once the guard is disarmed
     * or armed again by another run. When it cannot start, the guard keeps the heartbeat alone.
     */
    private void tether(RemoteShell shell) {
        String dir = dir(layout);
        String ready = "stageboard-tethered-" + token;
        String script = "g=" + q(dir) + "; f=" + q(dir + "/tether-" + token) + "\n"
                + "[ \"$(cat \"$g/armed\" 2>/dev/null)\" = " + q(token) + " ] || { echo 'the guard is not armed for this run' >&2; exit 1; }\n"
                + "ended() { [ -d \"$g\" ] && echo ended > \"$f\"; exit 0; }\n"
                + "trap ended HUP INT TERM\n"
                + "printf '%s\\n' \"$$\" > \"$f\" || exit 1\n"
                + "printf '%s\\n' " + q(ready) + "\n"
                + "while IFS= read -r line; do :; done\n"
                + "ended\n";
        try {
            tether = shell.hold(script, ready, TETHER_START);
        } catch (RuntimeException e) {
            untethered = e.getMessage();
        }
    }

    /** Why the guard has no tether (it watches the lock's heartbeat alone), or null when it has one. */
    String untethered() {
        return untethered;
    }

    /** When the watcher acts, for messages: "within about 6 s of this run's connection closing (or once ...)". */
    String whenItActs() {
        String heartbeat = "once this run's lock heartbeat has stopped for " + staleSeconds() + " s";
        if (tether == null) {
            return heartbeat;
        }
        return "within about " + (TETHER_GRACE.toSeconds() + WATCH_PAUSE.toSeconds()) + " s of this run's connection closing (or "
                + heartbeat + ")";
    }

    /** What may have made the watcher take a living run for dead, for messages. */
    static String signsOfDeath() {
        return "its connection to the host had closed for " + TETHER_GRACE.toSeconds() + " s, or its lock heartbeat had stopped for "
                + staleSeconds() + " s";
    }

    /**
     * Ends the guard for a run that is still alive: true when it was still armed (the run goes on
     * and answers for the host), false when the watcher had already taken over.
     */
    boolean disarm(RemoteShell shell) {
        String dir = dir(layout);
        // A guard folder gone (removed by hand) guards nothing: the run goes on as without it.
        String out = shell.uncancellable().check("Disarming the host's guard", "if [ ! -d " + q(dir) + " ]; then echo gone; elif mkdir "
                + q(dir + "/taken") + " 2>/dev/null; then rm -rf " + q(dir) + "; echo disarmed; else echo taken; fi").strip();
        // Disarmed (or taken over): the tether has nothing left to say, and its end is no longer read as a death.
        closeTether();
        return !out.equals("taken");
    }

    /** What the watcher did: its restore script's exit code ({@code 0}: put back and started), and its log. */
    record Restored(String exitCode, String log) {
        boolean ok() {
            return exitCode.equals("0");
        }
    }

    /** After {@link #disarm} said the watcher took over: waits for it to finish putting the previous release back. */
    Restored awaitRestore(RemoteShell shell) {
        String dir = dir(layout);
        long seconds = WAIT_FOR_RESTORE.toSeconds();
        String report = shell.uncancellable().check("Waiting for the host's guard", "i=0; while [ ! -f " + q(dir + "/restored") + " ] && [ $i -lt "
                + seconds + " ]; do sleep 1; i=$((i+1)); done; cat " + q(dir + "/restored") + " 2>/dev/null || echo unknown; cat "
                + q(dir + "/restore.log") + " 2>/dev/null; rm -rf " + q(dir), WAIT_FOR_RESTORE.plusSeconds(30)).strip();
        return new Restored(report.lines().findFirst().orElse("unknown").strip(),
                report.lines().skip(1).reduce((a, b) -> a + "\n" + b).orElse("").strip());
    }

    /** Closes the tether, if any; the watcher acts on that unless the guard was disarmed first. */
    private void closeTether() {
        HeldCommand held = tether;
        tether = null;
        if (held != null) {
            held.close();
        }
    }

    static long staleSeconds() {
        String property = System.getProperty(STALE_PROPERTY);
        if (property != null && property.matches("[0-9]{1,5}")) {
            return Long.parseLong(property);
        }
        return LockInfo.STALE_AFTER.toSeconds();
    }

    private static String oneLine(String text) {
        return text == null ? "the previous release" : text.replaceAll("[\\r\\n]", " ");
    }

    /** Writes {@code text} to {@code path} through a quoted here-document whose end marker the text cannot hold. */
    private static String heredoc(String path, String text) {
        String end = "SB_GUARD_EOF_" + Long.toHexString(RANDOM.nextLong());
        while (text.contains(end)) {
            end = end + "X";
        }
        return "cat > " + q(path) + " <<'" + end + "'\n" + text + (text.endsWith("\n") ? "" : "\n") + end + "\n";
    }
}
