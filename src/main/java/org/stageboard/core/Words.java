package org.stageboard.core;

import java.time.Duration;
import java.util.Locale;

/**
 * The words the board and the CLI both use for sizes and durations, so that a build that took
 * "2 min 5 s" and packed "11.8 MB" reads the same in the window and in a terminal.
 */
public final class Words {

    private Words() {
    }

    /** e.g. {@code 512 B}, {@code 11.8 MB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** e.g. {@code 42 s}, {@code 2 min 5 s}, {@code 1 h 3 min}. */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm:ss",
            Locale.ENGLISH);

    /** A moment in this machine's time zone to the second: {@code 23:12:06} today, else {@code 25 Nov 23:12:06}. */
    public static String when(java.time.Instant time) {
        return when(time, java.time.Instant.now(), java.time.ZoneId.systemDefault());
    }

    /** The same, for a given now and zone. */
    public static String when(java.time.Instant time, java.time.Instant now, java.time.ZoneId zone) {
        boolean today = time.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? SECONDS : DAY).format(time.atZone(zone));
    }
}
