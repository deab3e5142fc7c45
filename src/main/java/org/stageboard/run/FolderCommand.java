package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.stageboard.core.Masker;

/**
 * A user's command run on the host in a release folder with the release's {@code .env} exported
 * (hooks, release commands, one-off commands, log tails): its output lines (stdout and stderr, as
 * they come) masked and handed on, the last {@link #TAIL} kept. The command runs in a session of
 * its own, so that a cancel or the timeout ends it and everything it started, not only the SSH
 * channel that waits for it.
 */
final class FolderCommand {

    /** At most this many last lines are kept for a result or the evidence of a run. */
    static final int TAIL = 200;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KILL_GRACE_TENTHS = 50;

    private final Deque<String> tail = new ArrayDeque<>();
    private int exitCode = -1;

    private FolderCommand() {
    }

    /** The exit code (-1 when it did not tell). */
    int exitCode() {
        return exitCode;
    }

    /** The last lines of its output, masked, at most {@link #TAIL}. */
    String output() {
        return String.join("\n", tail);
    }

    /**
     * Runs {@code command} with {@code sh -c} in {@code folder} (absolute), with {@code folder/.env}
     * exported when {@code withEnv}. Each line goes through {@code masker} to {@code lines}.
     * Cancel (through the shell's progress) or the timeout kill the command's session and throw.
     */
    static FolderCommand run(RemoteShell shell, String folder, boolean withEnv, String command, Duration timeout, Masker masker,
                             Consumer<String> lines) {
        FolderCommand run = new FolderCommand();
        String marker = "@@sb-group-" + HexFormat.of().formatHex(randomBytes()) + " ";
        String script = "cd " + q(folder) + " || exit 126\n"
                + (withEnv ? "set -a && . ./.env && set +a || exit 126\n" : "")
                + "setsid sh -c " + q(command) + " < /dev/null &\n"
                + "p=$!\n"
                + "printf '%s%s\\n' " + q(marker) + " \"$p\"\n"
                + "wait \"$p\"";
        Integer[] group = new Integer[1];
        try {
            run.exitCode = shell.stream(script, timeout, line -> {
                if (group[0] == null && line.startsWith(marker)) {
                    group[0] = AppProcess.parsePid(line.substring(marker.length()));
                    return;
                }
                String masked = masker.mask(line);
                synchronized (run.tail) {
                    run.tail.addLast(masked);
                    if (run.tail.size() > TAIL) {
                        run.tail.removeFirst();
                    }
                }
                lines.accept(masked);
            });
            return run;
        } catch (RuntimeException e) {
            if (group[0] != null) {
                kill(shell, group[0]);
            }
            throw e;
        }
    }

    /** Ends the command's session: TERM, a few seconds, then KILL; with the shell's built-in kill. */
    private static void kill(RemoteShell shell, int group) {
        if (group <= 1) {
            return;
        }
        try {
            shell.uncancellable().run(AppProcess.FUNCTIONS
                    + "p=" + group + "\n"
                    + "kill -TERM -$p 2>/dev/null; kill -TERM $p 2>/dev/null\n"
                    + "n=0; while running $p && [ $n -lt " + KILL_GRACE_TENTHS + " ]; do nap; n=$((n+1)); done\n"
                    + "if running $p; then kill -KILL -$p 2>/dev/null; kill -KILL $p 2>/dev/null; fi; true", RemoteShell.SHORT);
        } catch (RuntimeException ignored) {
            // The link may be gone; the command then ends with its own timeout or the host's.
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
