package org.stageboard.core;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An immutable key/value set of one environment, numbered v1, v2, … per environment. */
public record ConfigVersion(long id, long environmentId, int version, Map<String, ConfigEntry> entries,
                            Instant createdAt, String actor) {

    public ConfigVersion {
        entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public String label() {
        return "config v" + version;
    }

    /** The values as environment variables, secrets in clear: only for writing {@code .env} on a host. */
    public Map<String, String> values() {
        return entries.values().stream().collect(Collectors.toMap(ConfigEntry::key, ConfigEntry::value, (a, b) -> b, TreeMap::new));
    }

    public Set<String> secretValues() {
        return entries.values().stream().filter(ConfigEntry::secret).map(ConfigEntry::value).collect(Collectors.toSet());
    }
}
