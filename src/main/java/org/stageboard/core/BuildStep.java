package org.stageboard.core;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** One step of one build as it ran: its command, status, times, exit code and its own log file. */
public record BuildStep(long buildId, int position, String name, String command, StepStatus status, Instant startedAt,
                        Instant finishedAt, Integer exitCode, Path log) {

    /** How long the step took or takes so far; zero when it never started. */
    public Duration duration() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }
}
