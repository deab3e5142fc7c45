package org.stageboard.run;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.ExecResult;
import org.stageboard.ssh.ShellQuote;
import org.stageboard.ssh.SshSession;

/**
 * Runs POSIX sh scripts on the host. Scripts go through {@code sh -c} so that they behave the
 * same whatever the remote user's login shell is; every value in them is quoted by the caller.
 * Output is framed between random markers, so that a banner, a motd or a chatty {@code .bashrc}
 * printing around the command never reaches a parser; the exit code is the script's own.
 */
final class RemoteShell {

    static final Duration SHORT = Duration.ofSeconds(60);
    static final Duration LONG = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SshSession ssh;
    private final Progress cancel;

    RemoteShell(SshSession ssh) {
        this(ssh, Progress.NONE);
    }

    /** A shell whose commands stop waiting (and throw {@code CancelledException}) once {@code cancel} is cancelled. */
    RemoteShell(SshSession ssh, Progress cancel) {
        this.ssh = ssh;
        this.cancel = cancel == null ? Progress.NONE : cancel;
    }

    /** The same connection, with commands that cannot be cancelled: for recovery, which must finish. */
    RemoteShell uncancellable() {
        return new RemoteShell(ssh, Progress.NONE);
    }

    SshSession ssh() {
        return ssh;
    }

    String host() {
        return ssh.target().display();
    }

    ExecResult run(String script, Duration timeout) {
        String nonce = HexFormat.of().formatHex(randomBytes());
        String begin = "@@stageboard-begin-" + nonce + "@@";
        String end = "@@stageboard-end-" + nonce + "@@";
        String framed = framed(script, begin, end);
        ExecResult raw = ssh.exec("sh -c " + ShellQuote.quote(framed), timeout, cancel);
        return unframe(raw, begin, end, host());
    }

    /** The script between markers on both streams; the exit code is printed after the end marker. */
    static String framed(String script, String begin, String end) {
        return "printf '%s\\n' '" + begin + "'; printf '%s\\n' '" + begin + "' >&2\n"
                + "( " + script + "\n)\n"
                + "sb_rc=$?\n"
                + "printf '\\n%s %s\\n' '" + end + "' \"$sb_rc\"; printf '\\n%s\\n' '" + end + "' >&2\n"
                + "exit $sb_rc";
    }

    static ExecResult unframe(ExecResult raw, String begin, String end, String host) {
        String out = raw.stdout();
        int start = out.indexOf(begin + "\n");
        int stop = out.lastIndexOf("\n" + end + " ");
        if (start < 0 || stop < start) {
            // The script never finished (the connection broke, or it was killed): keep what arrived.
            return new ExecResult(raw.exitCode() == 0 ? -1 : raw.exitCode(), between(out, begin, null), between(raw.stderr(), begin, null));
        }
        String body = out.substring(start + begin.length() + 1, stop);
        String tail = out.substring(stop + end.length() + 2).strip();
        int code;
        try {
            code = Integer.parseInt(tail.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new StageboardException("The output of a command on " + host + " could not be read (exit status '" + tail + "').");
        }
        return new ExecResult(code, body, between(raw.stderr(), begin, "\n" + end));
    }

    private static String between(String text, String begin, String end) {
        int start = text.indexOf(begin + "\n");
        String rest = start < 0 ? text : text.substring(start + begin.length() + 1);
        if (end != null) {
            int stop = rest.lastIndexOf(end);
            if (stop >= 0) {
                rest = rest.substring(0, stop);
            }
        }
        return rest;
    }

    /** Runs the script and returns its stdout; a non-zero exit throws, saying what failed. */
    String check(String what, String script, Duration timeout) {
        ExecResult result = run(script, timeout);
        if (!result.ok()) {
            String detail = result.stderr().strip();
            throw new StageboardException(what + " failed on " + host() + " (exit " + result.exitCode() + ")"
                    + (detail.isEmpty() ? "." : ": " + lastLine(detail)));
        }
        return result.stdout();
    }

    String check(String what, String script) {
        return check(what, script, SHORT);
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        String last = lines[lines.length - 1].strip();
        return last.length() > 300 ? last.substring(0, 300) + "…" : last;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
