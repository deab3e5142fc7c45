package org.stageboard.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.stageboard.core.ForwardingProgress;
import org.stageboard.core.Progress;

/** Passes progress on and writes every step and line, time-stamped, into a run's log file. */
final class RunLogProgress extends ForwardingProgress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path file;

    RunLogProgress(Path file, Progress target) {
        super(target);
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            target.log("could not create the run log folder: " + e.getMessage());
        }
    }

    @Override
    public void step(String title) {
        write("== " + title);
        super.step(title);
    }

    @Override
    public void log(String line) {
        write(line);
        super.log(line);
    }

    private synchronized void write(String line) {
        try {
            Files.writeString(file, LocalTime.now().format(TIME) + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The run goes on; its record still holds the outcome.
        }
    }
}
