package org.stageboard.ui.board;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short human forms of sizes, durations and times. */
public final class Formats {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private Formats() {
    }

    /** The same words as the CLI ({@link org.stageboard.core.Words}). */
    public static String size(long bytes) {
        return org.stageboard.core.Words.size(bytes);
    }

    /** The same words as the CLI ({@link org.stageboard.core.Words}). */
    public static String duration(Duration duration) {
        return org.stageboard.core.Words.duration(duration);
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago". */
    public static String ago(Instant time, Instant now) {
        long seconds = Duration.between(time, now).toSeconds();
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        long days = seconds / 86_400;
        return days == 1 ? "yesterday" : days + " days ago";
    }

    /** "10:42" today, else "3 Nov 10:42". */
    public static String clock(Instant time, Instant now, ZoneId zone) {
        boolean today = time.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? CLOCK : DAY).format(time.atZone(zone));
    }

    /** "10:42:05" today, else "3 Nov 10:42": when something was read. */
    public static String time(Instant time, Instant now, ZoneId zone) {
        boolean today = time.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? SECONDS : DAY).format(time.atZone(zone));
    }
}
