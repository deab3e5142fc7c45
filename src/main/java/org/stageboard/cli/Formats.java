package org.stageboard.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.stageboard.core.Build;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.Run;

/** One-line renderings shared by the commands; the same words as the board's cards. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    static String size(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    static String build(Build b) {
        String state = switch (b.status()) {
            case SUCCEEDED -> "ok " + duration(b.duration()) + " " + size(b.artifactSize());
            case FAILED -> "FAILED" + (b.exitCode() == null ? "" : " exit " + b.exitCode());
            case RUNNING -> "running";
            case CANCELLED -> "cancelled";
            case INTERRUPTED -> "INTERRUPTED";
        };
        return "#" + b.number() + "  " + b.shortSha() + "  " + state + "  " + time(b.startedAt()) + "  by " + b.actor();
    }

    static String release(Release r) {
        return r.label() + "  build #" + r.buildNumber() + " + config v" + r.configVersion() + "  artifact " + r.artifactSha256().substring(0, 12)
                + "  " + time(r.createdAt()) + "  by " + r.actor();
    }

    static String run(Run run, Release release, Host host) {
        String what = release == null ? "release #" + run.releaseId() : release.label();
        return (host == null ? "host #" + run.hostId() : host.name()) + "  " + what + "  " + run.kind().name().toLowerCase() + "  "
                + run.status().label() + "  " + time(run.startedAt()) + "  by " + run.actor()
                + (run.message() == null ? "" : "  - " + firstLine(run.message()));
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
