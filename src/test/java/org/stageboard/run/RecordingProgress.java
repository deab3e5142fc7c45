package org.stageboard.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.stageboard.core.Progress;

/** Keeps every step and log line, to check what a run reported (and what it never printed). */
class RecordingProgress implements Progress {

    final List<String> steps = new CopyOnWriteArrayList<>();
    final List<String> logs = new CopyOnWriteArrayList<>();
    volatile boolean cancelled;

    @Override
    public void step(String title) {
        steps.add(title);
    }

    @Override
    public void log(String line) {
        logs.add(line);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    String all() {
        return String.join("\n", steps) + "\n" + String.join("\n", logs);
    }
}
