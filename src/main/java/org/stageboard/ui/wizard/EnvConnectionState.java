package org.stageboard.ui.wizard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.FieldChecks;

/**
 * The New environment wizard's connection page for the host typed on the host page: the key the
 * host presented (to compare, then trust: the one write before Finish, into Stageboard's
 * known_hosts) and the connection test's checks (login, base folder, free space, port
 * forwarding). Changing the address or port forgets the key seen; changing what the test used
 * forgets its checks. The reason Next is disabled, and what a cancel leaves behind.
 */
final class EnvConnectionState {

    private final Stageboard engine;
    private final EnvHostFields host;
    private final ObjectProperty<HostKeyCheck> hostKey = new SimpleObjectProperty<>(this, "hostKey");
    private final BooleanProperty trustedHere = new SimpleBooleanProperty(this, "trustedHere", false);
    private final ObservableList<ConnectionCheck> checks = FXCollections.observableArrayList();
    private final StringProperty testedFor = new SimpleStringProperty(this, "testedFor", "");
    private final StringBinding reason;

    EnvConnectionState(Stageboard engine, EnvHostFields host) {
        this.engine = engine;
        this.host = host;
        for (StringProperty p : List.of(host.address(), host.sshPort(), host.user(), host.keyFile(), host.passphrase(), host.baseDir())) {
            p.addListener((o, was, now) -> {
                if (!testedFor.get().equals(host.target())) {
                    checks.clear();
                }
            });
        }
        for (StringProperty p : List.of(host.address(), host.sshPort())) {
            p.addListener((o, was, now) -> {
                HostKeyCheck seen = hostKey.get();
                if (seen != null && !seen.hostName().equals(host.hostKeyName())) {
                    hostKey.set(null);
                }
            });
        }
        reason = Bindings.createStringBinding(() -> problem().orElse(""), hostKey, checks);
    }

    ObjectProperty<HostKeyCheck> hostKey() {
        return hostKey;
    }

    ObservableList<ConnectionCheck> checks() {
        return checks;
    }

    StringBinding reason() {
        return reason;
    }

    /** Asks the host for its key (network: run it in the background); then {@link #hostKeySeen}. */
    HostKeyCheck scanHostKey() {
        return engine.checkHostKey(Checks.text(host.address().get()), host.port());
    }

    void hostKeySeen(HostKeyCheck check) {
        hostKey.set(new HostKeyCheck(host.hostKeyName(), check.keyType(), check.fingerprint(), check.pinnedFingerprint(), check.status()));
    }

    /** The explicit trust: pins the fingerprint the user saw (network: run it in the background); then {@link #trusted}. */
    HostKeyCheck trust() {
        HostKeyCheck seen = hostKey.get();
        if (seen == null) {
            throw new StageboardException("The host's key is not known yet: wait for it to be shown, then compare and trust it.");
        }
        return engine.trustHostKey(Checks.text(host.address().get()), host.port(), seen.fingerprint());
    }

    void trusted(HostKeyCheck check) {
        trustedHere.set(true);
        hostKeySeen(check);
        checks.clear();
    }

    /** Runs the connection test (network: run it in the background); then {@link #tested}. */
    List<ConnectionCheck> testConnection() {
        String typed = host.passphrase().get();
        char[] secret = typed == null || typed.isEmpty() ? null : typed.toCharArray();
        try {
            return engine.testConnection(Checks.text(host.address().get()), host.port(), Checks.text(host.user().get()),
                    FieldChecks.path(host.keyFile().get()), secret, Checks.text(host.baseDir().get()));
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    void tested(List<ConnectionCheck> result) {
        testedFor.set(host.target());
        checks.setAll(result);
    }

    Optional<String> problem() {
        HostKeyCheck seen = hostKey.get();
        if (seen == null) {
            return Optional.of("Waiting for the host's key: it is shown here to compare before you trust it.");
        }
        if (seen.status() != HostKeyCheck.Status.TRUSTED) {
            return Optional.of("Compare the host's key fingerprint and click Trust this key.");
        }
        if (checks.isEmpty()) {
            return Optional.of("Click Test connection.");
        }
        return checks.stream().filter(c -> c.outcome() == ConnectionCheck.Outcome.FAILED).findFirst()
                .map(c -> "The connection test failed (" + c.what() + "): " + c.detail());
    }

    /** What a cancel leaves behind, in words: nothing, or the host key the user trusted. */
    String cancelNote() {
        HostKeyCheck seen = hostKey.get();
        if (trustedHere.get() && seen != null) {
            return "Nothing was saved. The host key you trusted for " + seen.hostName() + " (" + seen.fingerprint()
                    + ") stays pinned in Stageboard's known_hosts, so the next time you add this host it is already trusted.";
        }
        return "Nothing was saved.";
    }
}
