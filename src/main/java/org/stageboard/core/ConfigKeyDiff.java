package org.stageboard.core;

/**
 * How one config key differs between two versions. The values are as they may be shown: a
 * secret's value is always {@link Masker#MASK}, whatever it was or became.
 */
public record ConfigKeyDiff(String key, Kind kind, String before, String after, boolean secret) {

    /** What happened to the key. */
    public enum Kind {
        ADDED("+"), REMOVED("-"), CHANGED("~");

        private final String sign;

        Kind(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }
    }

    /** Builds the difference of one key from its entries on either side (null when absent); null when they are equal. */
    public static ConfigKeyDiff of(String key, ConfigEntry before, ConfigEntry after) {
        if (before == null && after == null || before != null && before.equals(after)) {
            return null;
        }
        boolean secret = before != null && before.secret() || after != null && after.secret();
        Kind kind = before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
        return new ConfigKeyDiff(key, kind, shown(before, secret), shown(after, secret), secret);
    }

    private static String shown(ConfigEntry entry, boolean secret) {
        if (entry == null) {
            return null;
        }
        return secret ? Masker.MASK : entry.value();
    }

    /** For example {@code ~ PORT: 8080 -> 9090} or {@code + API_KEY: ******** (secret)}. */
    public String describe() {
        String values = switch (kind) {
            case ADDED -> after;
            case REMOVED -> before;
            case CHANGED -> before + " -> " + after;
        };
        return kind.sign() + " " + key + ": " + values + (secret ? " (secret)" : "");
    }
}
