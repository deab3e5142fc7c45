package org.stageboard.build;

import java.util.List;

/** How a local process ended: its exit code and the last lines it printed. */
public record ProcessResult(int exitCode, List<String> lastLines) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
