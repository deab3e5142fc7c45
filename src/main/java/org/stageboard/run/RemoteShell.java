package org.stageboard.run;

import java.time.Duration;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.ExecResult;
import org.stageboard.ssh.ShellQuote;
import org.stageboard.ssh.SshSession;

/**
 * Runs POSIX sh scripts on the host. Scripts go through {@code sh -c} so that they behave the
 * same whatever the remote user's login shell is; every value in them is quoted by the caller.
 */
final class RemoteShell {

    static final Duration SHORT = Duration.ofSeconds(60);

    private final SshSession ssh;

    RemoteShell(SshSession ssh) {
        this.ssh = ssh;
    }

    SshSession ssh() {
        return ssh;
    }

    String host() {
        return ssh.target().display();
    }

    ExecResult run(String script, Duration timeout) {
        return ssh.exec("sh -c " + ShellQuote.quote(script), timeout);
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
}
