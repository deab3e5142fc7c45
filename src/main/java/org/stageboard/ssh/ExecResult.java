package org.stageboard.ssh;

/** The outcome of one remote command: its exit code and everything it wrote, as UTF-8 text. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }
}
