package org.stageboard.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.stageboard.core.Build;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunStatus;
import org.stageboard.core.Words;

/** One-line renderings shared by the commands; sizes and durations in the board's own words ({@link Words}). */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** The board's words too ({@link Words}). */
    static String duration(Duration d) {
        return Words.duration(d);
    }

    /** The board's words too ({@link Words}); {@code -} when unknown. */
    static String size(Long bytes) {
        return bytes == null ? "-" : Words.size(bytes);
    }

    static String build(Build b) {
        String state = switch (b.status()) {
            case SUCCEEDED -> b.cached() ? "cached from #" + b.cachedFrom() + " " + size(b.artifactSize())
                    : "ok " + duration(b.duration()) + " " + size(b.artifactSize());
            case QUEUED -> "queued";
            case FAILED -> "FAILED" + (b.exitCode() == null ? "" : " exit " + b.exitCode());
            case RUNNING -> "running";
            case CANCELLED -> "cancelled";
            case INTERRUPTED -> "INTERRUPTED";
        };
        return "#" + b.number() + "  " + b.shortSha() + "  " + state + "  " + time(b.startedAt()) + "  by " + b.actor();
    }

    /** One step of a build: name, status, duration, exit code, log file. */
    static String step(org.stageboard.core.BuildStep step) {
        String status = switch (step.status()) {
            case FAILED -> "FAILED" + (step.exitCode() == null ? "" : " exit " + step.exitCode());
            default -> step.status().label();
        };
        return "step " + step.name() + "  " + status + (step.startedAt() == null ? "" : "  " + duration(step.duration()))
                + (step.log() == null || step.startedAt() == null ? "" : "  log " + step.log());
    }

    static String release(Release r) {
        return r.label() + "  build #" + r.buildNumber() + " + config v" + r.configVersion() + "  artifact " + r.artifactSha256().substring(0, 12)
                + "  " + time(r.createdAt()) + "  by " + r.actor();
    }

    static String run(Run run, Release release, Host host) {
        return run(run, release, host, words -> words);
    }

    /** One line per run; {@code paint} marks an outcome that needs attention (red on a terminal). */
    static String run(Run run, Release release, Host host, java.util.function.UnaryOperator<String> paint) {
        String what = release == null ? "release #" + run.releaseId() : release.label();
        String status = status(run.status());
        return (host == null ? "host #" + run.hostId() : host.name()) + "  " + what + "  " + run.kind().name().toLowerCase() + "  "
                + (run.status().bad() ? paint.apply(status) : status) + "  " + time(run.startedAt()) + "  by " + run.actor()
                + (run.message() == null ? "" : "  - " + firstLine(run.message()));
    }

    /** A run's outcome in words; the ones that need attention say so. */
    static String status(RunStatus status) {
        return switch (status) {
            case APP_DOWN -> "app down — host left without a running app";
            case FAILED -> "FAILED";
            case INTERRUPTED -> "INTERRUPTED";
            default -> status.label();
        };
    }

    /** An audit event's outcome ({@code live}, {@code app_down}, {@code ok}, …) in the same words as runs and builds. */
    static String outcome(String outcome) {
        if (outcome == null) {
            return "-";
        }
        try {
            return status(RunStatus.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return outcome;
        }
    }

    /** A count with its noun, singular for one: {@code 1 key}, {@code 2 keys}, {@code 0 keys}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** How long ago, e.g. {@code 42 s}, {@code 3 min}, {@code 5 h}, {@code 2 days}. */
    static String age(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds < 172800 ? seconds / 3600 + " h"
                : seconds / 86400 + " days";
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
