package org.stageboard.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The config keys added, removed and changed between two config versions, secret values masked. */
public record ConfigDiff(String from, String to, List<ConfigKeyDiff> keys) {

    public ConfigDiff {
        keys = List.copyOf(keys);
    }

    /** The difference from one set of entries to another, keys sorted by name. */
    public static ConfigDiff between(String from, Map<String, ConfigEntry> before, String to, Map<String, ConfigEntry> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return new ConfigDiff(from, to, names.stream().map(k -> ConfigKeyDiff.of(k, before.get(k), after.get(k)))
                .filter(Objects::nonNull).toList());
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }
}
