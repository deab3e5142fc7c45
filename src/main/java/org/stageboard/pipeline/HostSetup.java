package org.stageboard.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Checks;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.KeyFileInfo;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.HostKeyScan;
import org.stageboard.ssh.KeyFiles;
import org.stageboard.ssh.KnownHosts;

/**
 * Adding, changing and removing hosts, their keys' passphrases and the pinning of their host
 * keys: every value checked as typed, every change recorded in the history. Behind
 * {@link Stageboard}'s host methods.
 */
final class HostSetup {

    private final Catalog catalog;
    private final StageboardHome home;
    private final Supplier<KeyPassphrases> passphrases;
    private final Audit audit;

    HostSetup(Catalog catalog, StageboardHome home, Supplier<KeyPassphrases> passphrases, Audit audit) {
        this.catalog = catalog;
        this.home = home;
        this.passphrases = passphrases;
        this.audit = audit;
    }

    /**
     * Adds a host. Every value is checked as typed ({@link org.stageboard.core.Checks}); the key
     * file must hold a private key. A key with a passphrase: give it ({@code passphrase}) to check
     * it opens the key; it is kept in memory for this engine only, or stored sealed in the catalog
     * when {@code storePassphrase}. Without it, the passphrase is asked for when the host is used.
     */
    Host add(String name, String address, int port, String user, Path privateKey, String baseDir,
             char[] passphrase, boolean storePassphrase) {
        Project.requireSlug("host", name);
        String checkedAddress = Checks.address(address);
        Checks.port(port);
        Checks.user(user);
        Checks.baseDir(baseDir);
        KeyFileInfo key = checkKey(privateKey, passphrase);
        if (storePassphrase && (passphrase == null || passphrase.length == 0)) {
            throw new StageboardException("--store-passphrase needs a passphrase to store: give it (asked at a terminal, or --passphrase-stdin).");
        }
        Host host = catalog.hosts().add(name, checkedAddress, port, user, privateKey, baseDir);
        keepPassphrase(host, passphrase, storePassphrase);
        audit.record(null, "host.add", "host:" + name, "ok", host.display() + " base " + baseDir + ", key " + key.type() + " " + key.fingerprint()
                + (storePassphrase ? " (passphrase stored, sealed)" : ""));
        return host;
    }

    /**
     * Changes how a host is reached ({@code null} keeps a field). A changed address or port
     * un-pins its host key: the returned host has none, and must be trusted again
     * ({@link Stageboard#trustHostKey}) before the next deploy. A changed key forgets the old key's passphrase.
     */
    Host update(Host host, String address, Integer port, String user, Path privateKey, String baseDir) {
        Host current = catalog.hosts().get(host.id());
        String newAddress = address == null ? current.address() : Checks.address(address);
        int newPort = port == null ? current.port() : Checks.port(port);
        String newUser = user == null ? current.user() : Checks.user(user);
        String newBase = baseDir == null ? current.baseDir() : Checks.baseDir(baseDir);
        Path newKey = privateKey == null ? current.privateKey() : privateKey;
        boolean keyChanged = privateKey != null && !privateKey.toAbsolutePath().normalize().equals(current.privateKey());
        if (privateKey != null) {
            checkKey(privateKey, keyChanged ? null : passphrases.get().forHost(current));
        }
        Host updated = catalog.hosts().update(current.id(), newAddress, newPort, newUser, newKey, newBase);
        if (keyChanged) {
            passphrases.get().forget(current);
            passphrases.get().store(current, null);
        }
        List<String> changes = new java.util.ArrayList<>();
        if (!newAddress.equals(current.address()) || newPort != current.port()) {
            changes.add("address " + current.address() + ":" + current.port() + " -> " + newAddress + ":" + newPort
                    + (current.hostKeyFingerprint() == null ? "" : " (host key " + current.hostKeyFingerprint() + " un-pinned: trust it again)"));
        }
        if (!newUser.equals(current.user())) {
            changes.add("user " + current.user() + " -> " + newUser);
        }
        if (keyChanged) {
            changes.add("key " + current.privateKey() + " -> " + updated.privateKey());
        }
        if (!newBase.equals(current.baseDir())) {
            changes.add("base " + current.baseDir() + " -> " + newBase);
        }
        audit.record(null, "host.edit", "host:" + current.name(), "ok", changes.isEmpty() ? "nothing changed" : String.join(", ", changes));
        return updated;
    }

    /**
     * Removes a host. Refused while an environment runs on it (named: detach it first); with runs
     * in the history, refused unless {@code force}, saying how many would be lost. What runs on
     * the machine is left as it is.
     */
    void remove(Host host, boolean force) {
        Host current = catalog.hosts().get(host.id());
        List<Environment> attached = catalog.environments().attachedTo(current.id());
        if (!attached.isEmpty()) {
            throw new StageboardException("Host " + current.name() + " runs " + String.join(", ", attached.stream().map(e ->
                    catalog.projects().get(e.projectId()).name() + "/" + e.name()).toList()) + ": detach it first ('stageboard env detach "
                    + attached.get(0).name() + " " + current.name() + "' for each); the app there keeps running until you stop it.");
        }
        int runs = catalog.hosts().runCount(current.id());
        if (runs > 0 && !force) {
            throw new org.stageboard.core.ForceNeededException("Host " + current.name() + " has " + runs + " runs in the history; removing it loses them for good"
                    + " (the audit trail stays). To go ahead, remove it with --force.");
        }
        catalog.hosts().remove(current.id());
        passphrases.get().forget(current);
        audit.record(null, "host.remove", "host:" + current.name(), "ok", current.display() + (runs > 0 ? ", " + runs + " runs removed" : ""));
    }

    /** Stores the host key's passphrase sealed in the catalog (checked first); null forgets a stored one. */
    Host storeKeyPassphrase(Host host, char[] passphrase) {
        if (passphrase != null) {
            KeyFiles.inspect(host.privateKey(), passphrase);
            passphrases.get().remember(host, passphrase);
        }
        passphrases.get().store(host, passphrase);
        audit.record(null, "host.passphrase", "host:" + host.name(), "ok", passphrase == null ? "stored passphrase forgotten" : "passphrase stored, sealed");
        return catalog.hosts().get(host.id());
    }

    /** The key checked; a key with a passphrase given none is accepted here (it is asked for when used). */
    private static KeyFileInfo checkKey(Path privateKey, char[] passphrase) {
        try {
            return KeyFiles.inspect(privateKey, passphrase);
        } catch (org.stageboard.core.KeyPassphraseException e) {
            if (e.wrong()) {
                throw e;
            }
            return new KeyFileInfo(privateKey, "encrypted key", "(fingerprint shown once the passphrase is given)", true);
        }
    }

    private void keepPassphrase(Host host, char[] passphrase, boolean store) {
        if (passphrase != null && passphrase.length > 0) {
            passphrases.get().remember(host, passphrase);
            if (store) {
                passphrases.get().store(host, passphrase);
            }
        }
    }

    /**
     * Trusts the host's key: the explicit user action. The key the host presents must have the
     * fingerprint the user saw and confirmed; it is then pinned in the known_hosts file and the catalog.
     */
    Host trustHostKey(Host host, String confirmedFingerprint) {
        try {
            HostKeyScan scan = new KnownHosts(home.knownHosts()).trust(host.address(), host.port(), confirmedFingerprint, RunStage.CONNECT_TIMEOUT);
            Host pinned = catalog.hosts().pinHostKey(host.id(), scan.fingerprint());
            audit.record(null, "host.trust", "host:" + host.name(), "ok", scan.keyType() + " " + scan.fingerprint()
                    + (host.hostKeyFingerprint() != null && !host.hostKeyFingerprint().equals(scan.fingerprint())
                    ? " (replaces " + host.hostKeyFingerprint() + ")" : ""));
            return pinned;
        } catch (StageboardException e) {
            audit.record(null, "host.trust", "host:" + host.name(), "refused", e.getMessage());
            throw e;
        }
    }
}
