package org.stageboard.ui.board;

import java.util.Locale;
import org.stageboard.core.Difference;

/**
 * One difference between a host and the catalog, as the Run lane flags it: a tag that names the
 * kind in words (never colour alone) and the engine's full line.
 */
public record HostFlag(Kind kind, String text) {

    /** The kinds of difference the board tells apart, each with the tag it shows. */
    public enum Kind {
        APP_DOWN("⚠ APP DOWN", true),
        UNHEALTHY("⚠ UNHEALTHY", true),
        STOPPED("■ STOPPED", false),
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

    /** The flag of one difference the engine found; its kind decides the tag, never its wording. */
    public static HostFlag of(Difference difference) {
        Kind kind = switch (difference.kind()) {
            case LOCK_STALE -> Kind.LOCK_STALE;
            case LOCKED -> Kind.LOCKED;
            case APP_DOWN -> Kind.APP_DOWN;
            case STOPPED -> Kind.STOPPED;
            case UNHEALTHY -> Kind.UNHEALTHY;
            case OTHER_CATALOG -> Kind.OTHER_CATALOG;
            case UNRECORDED_SWITCH -> Kind.UNRECORDED_SWITCH;
            case CATALOG_BEHIND, BROKEN_CURRENT -> Kind.DIFFERS;
        };
        return new HostFlag(kind, difference.text());
    }
}
