package org.stageboard.release;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.ConfigChange;
import org.stageboard.core.ConfigDiff;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.KeyChanges;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.StageboardException;

/**
 * Versioned config of environments. Every change makes a new immutable version; secret values
 * are sealed before they reach the catalog and opened only in memory.
 */
public final class ConfigService {

    private final Catalog catalog;
    private final SecretBox secrets;

    public ConfigService(Catalog catalog, SecretBox secrets) {
        this.catalog = catalog;
        this.secrets = secrets;
    }

    /**
     * A new version made of the latest one with {@code set} applied and {@code unset} removed.
     * Nothing changes (and the latest version is returned) if the result equals the latest.
     */
    public ConfigVersion change(Environment environment, Map<String, ConfigEntry> set, Set<String> unset, String actor) {
        Optional<ConfigVersion> latest = latest(environment);
        Map<String, ConfigEntry> next = new TreeMap<>(latest.map(ConfigVersion::entries).orElse(Map.of()));
        for (String key : unset) {
            if (next.remove(key) == null) {
                throw new StageboardException("The config of " + environment.name() + " has no key " + key + " to remove.");
            }
        }
        next.putAll(set);
        if (latest.isPresent() && latest.get().entries().equals(next)) {
            return latest.get();
        }
        KeyChanges changes = KeyChanges.between(latest.map(ConfigVersion::entries).orElse(Map.of()), next);
        return open(catalog.configs().add(environment.id(), seal(next), actor, changes));
    }

    /**
     * Every version of the environment's config, newest first, with who made it, when and which
     * keys it added, removed and changed (names only). Versions made before the catalog recorded
     * their changes get them worked out from the versions themselves.
     */
    public List<ConfigChange> history(Environment environment) {
        List<ConfigVersion> versions = new ArrayList<>(catalog.configs().forEnvironment(environment.id()));
        Collections.reverse(versions);
        Map<Integer, Optional<KeyChanges>> recorded = new HashMap<>();
        catalog.configs().recordedChanges(environment.id()).forEach(e -> recorded.put(e.getKey(), e.getValue()));
        List<ConfigChange> history = new ArrayList<>();
        ConfigVersion previous = null;
        for (ConfigVersion stored : versions) {
            Optional<KeyChanges> keys = recorded.getOrDefault(stored.version(), Optional.empty());
            KeyChanges changes = keys.isPresent() ? keys.get()
                    : KeyChanges.between(previous == null ? Map.of() : open(previous).entries(), open(stored).entries());
            history.add(new ConfigChange(environment.name(), stored.version(), stored.createdAt(), stored.actor(), changes));
            previous = stored;
        }
        Collections.reverse(history);
        return history;
    }

    /** One version of the environment's config by number, secrets opened (in memory only). */
    public ConfigVersion version(Environment environment, int version) {
        return catalog.configs().findVersion(environment.id(), version).map(this::open).orElseThrow(() -> new NotFoundException(
                "Environment " + environment.name() + " has no config v" + version + ": see 'stageboard config history -e " + environment.name() + "'."));
    }

    /** The keys added, removed and changed from one config version to another, secret values masked. */
    public ConfigDiff diff(ConfigVersion from, String fromLabel, ConfigVersion to, String toLabel) {
        return ConfigDiff.between(fromLabel, from.entries(), toLabel, to.entries());
    }

    /** The latest version, secrets opened; empty before the first change. */
    public Optional<ConfigVersion> latest(Environment environment) {
        return catalog.configs().latest(environment.id()).map(this::open);
    }

    /** The latest version, making an empty v1 if the environment has none yet (a release needs one). */
    public ConfigVersion latestOrEmpty(Environment environment, String actor) {
        return latest(environment).orElseGet(() -> open(catalog.configs().add(environment.id(), Map.of(), actor, KeyChanges.NONE)));
    }

    public ConfigVersion get(long configVersionId) {
        return open(catalog.configs().get(configVersionId));
    }

    private Map<String, ConfigEntry> seal(Map<String, ConfigEntry> entries) {
        Map<String, ConfigEntry> sealed = new LinkedHashMap<>();
        entries.forEach((k, e) -> sealed.put(k, e.secret() ? new ConfigEntry(k, secrets.seal(e.value()), true) : e));
        return sealed;
    }

    private ConfigVersion open(ConfigVersion stored) {
        Map<String, ConfigEntry> opened = new LinkedHashMap<>();
        stored.entries().forEach((k, e) -> opened.put(k, e.secret() ? new ConfigEntry(k, secrets.open(e.value()), true) : e));
        return new ConfigVersion(stored.id(), stored.environmentId(), stored.version(), opened, stored.createdAt(), stored.actor());
    }
}
