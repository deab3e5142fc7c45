package org.stageboard.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.stageboard.core.Progress;

/** Keeps every step and log line, to check what a run reported (and what it never printed). */
public class RecordingProgress implements Progress {

    public final List<String> steps = new CopyOnWriteArrayList<>();
    public final List<String> logs = new CopyOnWriteArrayList<>();
    public volatile boolean cancelled;

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

    public String all() {
        return String.join("\n", steps) + "\n" + String.join("\n", logs);
    }
}
