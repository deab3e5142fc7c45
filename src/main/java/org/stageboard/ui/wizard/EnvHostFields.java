package org.stageboard.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.core.Host;
import org.stageboard.core.SshConfigHost;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.FieldChecks;
import org.stageboard.ui.KeyFileField;

/**
 * The New environment wizard's host page: the host typed in, picked from {@code ~/.ssh/config}
 * ({@link SshConfigChoices}) or a saved host; its private key and passphrase ({@link KeyFileField});
 * each field's check as typed (the address also by a DNS look-up in the background) and the reason
 * Next is disabled; and, on Finish, the host saved (or the saved one used).
 */
final class EnvHostFields {

    private final Stageboard engine;
    private final List<Host> savedHosts;
    private final ObjectProperty<Host> savedHost = new SimpleObjectProperty<>(this, "savedHost");
    private final StringProperty hostName = new SimpleStringProperty(this, "hostName", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty sshPort = new SimpleStringProperty(this, "sshPort", "22");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    /** The private key and its passphrase (a saved host's known passphrase is not asked again). */
    private final KeyFileField key;
    private final StringProperty keyFile;
    private final StringProperty passphrase;
    private final StringProperty baseDir = new SimpleStringProperty(this, "baseDir", "");
    /** Why the typed address does not resolve, once a look-up answered; "" before and when it resolves. */
    private final StringProperty addressUnknown = new SimpleStringProperty(this, "addressUnknown", "");
    private final SshConfigChoices sshConfig = new SshConfigChoices();
    private final StringBinding reason;

    EnvHostFields(Stageboard engine, String defaultUser) {
        this.engine = engine;
        this.savedHosts = engine.hosts();
        user.set(defaultUser == null ? "" : defaultUser);
        this.key = new KeyFileField(engine, "", this::savedHostKeyKnown);
        this.keyFile = key.fileProperty();
        this.passphrase = key.passphraseProperty();
        savedHost.addListener((o, was, now) -> key.refresh());
        address.addListener((o, was, now) -> addressUnknown.set(""));
        List<Observable> fields = new ArrayList<>(List.of(savedHost, hostName, address, addressUnknown, sshPort, user, baseDir));
        fields.addAll(List.of(key.observables()));
        reason = Bindings.createStringBinding(() -> problem().orElse(""), fields.toArray(Observable[]::new));
    }

    List<Host> savedHosts() {
        return savedHosts;
    }

    ObjectProperty<Host> savedHost() {
        return savedHost;
    }

    StringProperty hostName() {
        return hostName;
    }

    StringProperty address() {
        return address;
    }

    StringProperty sshPort() {
        return sshPort;
    }

    StringProperty user() {
        return user;
    }

    StringProperty keyFile() {
        return keyFile;
    }

    StringProperty passphrase() {
        return passphrase;
    }

    StringProperty baseDir() {
        return baseDir;
    }

    KeyFileField key() {
        return key;
    }

    SshConfigChoices sshConfig() {
        return sshConfig;
    }

    StringBinding reason() {
        return reason;
    }

    /** The typed address and SSH port as {@code address:port}, the name a host key is known by. */
    String hostKeyName() {
        return Checks.text(address.get()) + ":" + Checks.text(sshPort.get());
    }

    int port() {
        return Integer.parseInt(Checks.text(sshPort.get()));
    }

    /** What a connection test is for: the fields it used (the passphrase by its hash); a test of other fields no longer counts. */
    String target() {
        return String.join("\u0000", Checks.text(address.get()), Checks.text(sshPort.get()), Checks.text(user.get()),
                Checks.text(keyFile.get()), passphrase.get() == null ? "" : String.valueOf(passphrase.get().hashCode()), Checks.text(baseDir.get()));
    }

    private boolean savedHostKeyKnown() {
        Host chosen = savedHost.get();
        return chosen != null && Checks.text(key.fileProperty().get()).equals(chosen.privateKey().toString()) && !engine.keyNeedsPassphrase(chosen);
    }

    /** Fills the host fields from a {@code ~/.ssh/config} entry and says what of it is not followed. */
    void pick(SshConfigHost entry) {
        savedHost.set(null);
        String slug = entry.alias().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        hostName.set(slug);
        address.set(entry.address());
        sshPort.set(String.valueOf(entry.portOrDefault()));
        if (entry.user() != null) {
            user.set(entry.user());
        }
        if (entry.identityFile() != null) {
            keyFile.set(entry.identityFile());
        }
        sshConfig.picked(entry);
    }

    /** Fills the host fields from a saved host: Finish attaches it rather than adding a new one. */
    void useSavedHost(Host host) {
        savedHost.set(host);
        if (host != null) {
            hostName.set(host.name());
            address.set(host.address());
            sshPort.set(String.valueOf(host.port()));
            user.set(host.user());
            keyFile.set(host.privateKey().toString());
            baseDir.set(host.baseDir());
        }
    }

    Optional<String> hostNameProblem(String value) {
        return Checks.first(() -> Checks.name("host", value), () -> {
            String v = Checks.text(value);
            Host chosen = savedHost.get();
            return chosen == null && savedHosts.stream().anyMatch(h -> h.name().equals(v))
                    ? Optional.of("A host named '" + v + "' is already saved: pick another name, or choose it under Saved host.")
                    : Optional.empty();
        });
    }

    Optional<String> addressProblem(String value) {
        String v = Checks.text(value);
        Optional<String> shared = FieldChecks.address(value);
        if (shared.isPresent()) {
            return shared;
        }
        if (sshConfig.isAliasOnly(v)) {
            return Optional.of("'" + v + "' is an alias in ~/.ssh/config, not a host name: pick it from the list, or type its HostName.");
        }
        if (v.equals(Checks.text(address.get())) && !addressUnknown.get().isEmpty()) {
            return Optional.of(addressUnknown.get());
        }
        return Optional.empty();
    }

    /** The problem when the name does not resolve in DNS (blocking); empty when it does, or when the look-up could not say. */
    Optional<String> lookUp(String value) {
        String v = Checks.text(value);
        try {
            java.net.InetAddress.getByName(v);
            return Optional.empty();
        } catch (java.net.UnknownHostException e) {
            return Optional.of("Cannot find the host '" + v + "': the name does not resolve. Check the address, or pick the host from ~/.ssh/config.");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Takes a look-up's answer, if the address is still the one looked up. */
    void lookedUp(String value, Optional<String> problem) {
        if (Checks.text(value).equals(Checks.text(address.get()))) {
            addressUnknown.set(problem.orElse(""));
        }
    }

    Optional<String> sshPortProblem(String value) {
        return Checks.port("SSH port", value);
    }

    Optional<String> userProblem(String value) {
        return FieldChecks.user(value);
    }

    Optional<String> baseDirProblem(String value) {
        return FieldChecks.baseDir(value);
    }

    Optional<String> problem() {
        return Checks.first(() -> hostNameProblem(hostName.get()), () -> addressProblem(address.get()), () -> sshPortProblem(sshPort.get()),
                () -> userProblem(user.get()), () -> key.fileProblem(keyFile.get()), () -> key.passphraseProblem(passphrase.get()),
                () -> baseDirProblem(baseDir.get()));
    }

    /** The saved host chosen, or the new host added to the catalog with the key trusted during the wizard pinned. */
    Host save() {
        return savedHost.get() != null ? savedHost.get()
                : engine.adoptTrustedKey(engine.addHost(Checks.text(hostName.get()), Checks.text(address.get()),
                port(), Checks.text(user.get()), FieldChecks.path(keyFile.get()),
                Checks.text(baseDir.get())));
    }
}
