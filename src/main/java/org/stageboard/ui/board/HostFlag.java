package org.stageboard.ui.board;

import java.util.Locale;

/**
 * One difference between a host and the catalog, as the Run lane flags it: a tag that names the
 * kind in words (never colour alone) and the engine's full line.
 */
public record HostFlag(Kind kind, String text) {

    /** The kinds of difference the board tells apart, each with the tag it shows. */
    public enum Kind {
        APP_DOWN("⚠ APP DOWN", true),
        UNHEALTHY("⚠ UNHEALTHY", true),
        OTHER_CATALOG("⚑ OTHER CATALOG", false),
        UNRECORDED_SWITCH("✎ UNRECORDED SWITCH", false),
        LOCK_STALE("⚠ LOCK STALE", true),
        LOCKED("◼ LOCKED", false),
        NOT_READ("? NOT READ", false),
        DIFFERS("≠ DIFFERS", false);

        private final String tag;
        private final boolean serious;

        Kind(String tag, boolean serious) {
            this.tag = tag;
            this.serious = serious;
        }

        public String tag() {
            return tag;
        }

        /** True when the host may not serve what it should, or is blocked until someone acts. */
        public boolean serious() {
            return serious;
        }

        public String styleClass() {
            return "flag-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The kind of one drift line of {@link org.stageboard.pipeline.HostStatus#drift()}. The engine
     * gives lines of text; their openings are stable, and an unknown line still shows, as DIFFERS.
     */
    public static HostFlag of(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        Kind kind;
        if (lower.startsWith("lock stale")) {
            kind = Kind.LOCK_STALE;
        } else if (lower.startsWith("locked")) {
            kind = Kind.LOCKED;
        } else if (lower.startsWith("app down")) {
            kind = Kind.APP_DOWN;
        } else if (lower.startsWith("unhealthy")) {
            kind = Kind.UNHEALTHY;
        } else if (lower.contains("of another catalog")) {
            kind = Kind.OTHER_CATALOG;
        } else if (lower.contains("no ledger entry") || lower.contains("by hand") || lower.contains("outside stageboard")
                || lower.contains("without a stageboard identity")) {
            kind = Kind.UNRECORDED_SWITCH;
        } else {
            kind = Kind.DIFFERS;
        }
        return new HostFlag(kind, line);
    }
}
