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

    /**
     * Keeps {@code script} running through {@code sh -c} on a channel of its own, its input open,
     * until the returned command is closed or this side is gone ({@link SshSession#hold}).
     */
    org.stageboard.ssh.HeldCommand hold(String script, String readyLine, Duration timeout) {
        return ssh.hold("sh -c " + ShellQuote.quote(script), readyLine, timeout);
    }

    /**
     * Runs the script and hands each line it writes (stdout and stderr, as they arrive, on the
     * calling thread) to {@code lines}; returns its exit code. Framed like {@link #run}: what the
     * login prints around the script never reaches {@code lines}. When the script did not finish
     * (killed, link broken) the exit code is the channel's, or -1.
     */
    int stream(String script, Duration timeout, java.util.function.Consumer<String> lines) {
        String nonce = HexFormat.of().formatHex(randomBytes());
        String begin = "@@stageboard-begin-" + nonce + "@@";
        String end = "@@stageboard-end-" + nonce + "@@";
        Unframing out = new Unframing(begin, end + " ", lines);
        Unframing err = new Unframing(begin, end, lines);
        int raw = ssh.stream("sh -c " + ShellQuote.quote(framed(script, begin, end)), timeout, cancel, out::accept, err::accept);
        out.finish();
        err.finish();
        if (out.endLine != null) {
            try {
                return Integer.parseInt(out.endLine.substring(end.length()).strip().split("\\s+")[0]);
            } catch (NumberFormatException e) {
                throw new StageboardException("The output of a command on " + host() + " could not be read (exit status '"
                        + out.endLine + "').");
            }
        }
        return raw == 0 ? -1 : raw;
    }

    /**
     * Lines of one framed stream: nothing before the begin marker, nothing from the end marker on.
     * The framing adds one newline before the end marker, so an empty line is held back until the
     * next line shows whether it was the command's (passed on) or the framing's (dropped).
     */
    private static final class Unframing {
        private final String begin;
        private final String endPrefix;
        private final java.util.function.Consumer<String> lines;
        private boolean inside;
        private boolean over;
        private String held;
        String endLine;

        Unframing(String begin, String endPrefix, java.util.function.Consumer<String> lines) {
            this.begin = begin;
            this.endPrefix = endPrefix;
            this.lines = lines;
        }

        void accept(String line) {
            if (over) {
                return;
            }
            if (!inside) {
                inside = line.endsWith(begin); // a banner without a last newline shares the marker's line
                return;
            }
            if (line.equals(endPrefix.strip()) || line.startsWith(endPrefix)) {
                over = true;
                endLine = line;
                if (held != null && !held.isEmpty()) {
                    lines.accept(held);
                }
                held = null;
                return;
            }
            if (held != null) {
                lines.accept(held);
                held = null;
            }
            if (line.isEmpty()) {
                held = line; // may be the framing's newline: known once the next line comes
            } else {
                lines.accept(line);
            }
        }

        /** The stream ended: a line still held is the command's own (it never finished framing). */
        void finish() {
            if (held != null && !over) {
                lines.accept(held);
            }
            held = null;
        }
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
