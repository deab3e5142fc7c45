package org.stageboard.ui.task;

import java.util.Locale;

/**
 * An upload as the task panel shows it: bytes sent of the total and the rate so far, e.g.
 * {@code 12.4 of 40.0 MB · 3.1 MB/s}. Times come from the caller, so the text is tested without waiting.
 */
public final class Transfer {

    private long startNanos = -1;

    /** The text for {@code bytes} of {@code total} sent, {@code nowNanos} being a {@link System#nanoTime()}. */
    public String report(long bytes, long total, long nowNanos) {
        if (startNanos < 0 || bytes == 0) {
            startNanos = nowNanos;
        }
        return text(bytes, total, nowNanos - startNanos);
    }

    /** {@code 12.4 of 40.0 MB · 3.1 MB/s}; without the rate before a tenth of a second has passed. */
    public static String text(long bytes, long total, long elapsedNanos) {
        String done = size(bytes) + " of " + size(total);
        if (elapsedNanos < 100_000_000L || bytes <= 0) {
            return done;
        }
        double perSecond = bytes / (elapsedNanos / 1e9);
        return done + " · " + size((long) perSecond) + "/s";
    }

    /** A byte count for people: {@code 512 B}, {@code 3.4 KB}, {@code 12.4 MB}, {@code 1.2 GB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
