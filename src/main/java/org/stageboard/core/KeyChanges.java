package org.stageboard.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which config keys one version added, removed and changed against the one before it: names
 * only, never values (so a secret's value never reaches the record). A key whose secret flag
 * changed counts as changed.
 */
public record KeyChanges(List<String> added, List<String> removed, List<String> changed) {

    public static final KeyChanges NONE = new KeyChanges(List.of(), List.of(), List.of());

    public KeyChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** The keys that differ from {@code before} to {@code after}, each list sorted by name. */
    public static KeyChanges between(Map<String, ConfigEntry> before, Map<String, ConfigEntry> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            ConfigEntry was = before.get(key);
            ConfigEntry is = after.get(key);
            if (was == null) {
                added.add(key);
            } else if (is == null) {
                removed.add(key);
            } else if (!was.equals(is)) {
                changed.add(key);
            }
        }
        return new KeyChanges(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** For example {@code +PORT, -DEBUG, ~DB_PASSWORD}; {@code no change} when empty. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        added.forEach(k -> parts.add("+" + k));
        removed.forEach(k -> parts.add("-" + k));
        changed.forEach(k -> parts.add("~" + k));
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }
}
