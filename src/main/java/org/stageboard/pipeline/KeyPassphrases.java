package org.stageboard.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Host;
import org.stageboard.release.SecretBox;

/**
 * The passphrases of hosts' private keys: those given during this engine's life (kept in memory
 * only, by host id) and those the user chose to store (sealed by the secret box in the catalog).
 * A passphrase is never written in clear anywhere, nor logged.
 */
final class KeyPassphrases {
    private final Catalog catalog;
    private final SecretBox box;
    private final Map<Long, char[]> given = new ConcurrentHashMap<>();

    KeyPassphrases(Catalog catalog, SecretBox box) {
        this.catalog = catalog;
        this.box = box;
    }

    /** Keeps a passphrase in memory for this engine's life. */
    void remember(Host host, char[] passphrase) {
        given.put(host.id(), passphrase.clone());
    }

    /** Forgets what was given for the host (e.g. its key changed). */
    void forget(Host host) {
        given.remove(host.id());
    }

    /** Stores the passphrase sealed in the catalog; null removes it. */
    void store(Host host, char[] passphrase) {
        catalog.hosts().storeSealedKeyPassphrase(host.id(), passphrase == null ? null : box.seal(new String(passphrase)));
    }

    boolean stored(Host host) {
        return catalog.hosts().sealedKeyPassphrase(host.id()) != null;
    }

    /** The passphrase for the host's key: given in this engine, else stored, else from the environment variable; or null. */
    char[] forHost(Host host) {
        char[] mine = given.get(host.id());
        if (mine != null) {
            return mine.clone();
        }
        String sealed = catalog.hosts().sealedKeyPassphrase(host.id());
        if (sealed != null) {
            return box.open(sealed).toCharArray();
        }
        String fromEnvironment = System.getenv(ENV_VAR);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment.toCharArray();
    }

    /** The environment variable a passphrase may come from (for scripts and CI). */
    static final String ENV_VAR = "STAGEBOARD_KEY_PASSPHRASE";
}
