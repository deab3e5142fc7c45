package org.stageboard.run;

/**
 * How a command run on a host ended: its exit code (-1 when the host did not tell) and the last
 * lines of its output (stdout and stderr as they came, secrets masked, at most 200 lines).
 */
public record CommandResult(int exitCode, String output) {

    public boolean ok() {
        return exitCode == 0;
    }
}
