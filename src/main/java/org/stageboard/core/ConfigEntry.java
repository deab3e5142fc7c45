package org.stageboard.core;

/** One key/value of an environment's config; a secret's value is never shown or logged. */
public record ConfigEntry(String key, String value, boolean secret) {

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ConfigEntry {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new StageboardException("'" + key + "' is not a valid config key: use letters, digits and '_', not starting with a digit (e.g. DATABASE_URL).");
        }
        if (value == null) {
            throw new StageboardException("Config key " + key + " has no value.");
        }
        if (value.indexOf('\0') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new StageboardException("Config key " + key + " has a line break or NUL in its value: keep values on one line.");
        }
    }

    /** The value as it may be shown: secrets masked. */
    public String displayValue() {
        return secret ? Masker.MASK : value;
    }

    @Override
    public String toString() {
        return key + "=" + displayValue();
    }
}
