package org.stageboard.ui.dialog;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stageboard.core.Host;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.HostKeyCheck;

/**
 * The Trust host key dialog without its window: the key a saved host presents (asked for in the
 * background), compared with the one pinned, and the verdict in words. Trusting pins the key the
 * user saw, and only on the explicit action; a key already trusted leaves nothing to do.
 */
public final class TrustHostKeyModel {

    public static final String NONE_PINNED = "none yet";

    private final SetupViewModel setup;
    private final Host host;
    private final ReadOnlyObjectWrapper<HostKeyCheck> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final StringBinding reason;
    private final StringBinding verdict;
    private final BooleanBinding alreadyTrusted;

    public TrustHostKeyModel(SetupViewModel setup, Host host) {
        this.setup = setup;
        this.host = host;
        this.reason = Bindings.createStringBinding(() -> !failure.get().isEmpty() ? failure.get()
                : check.get() == null ? "Waiting for the host's key: it is shown here to compare before you trust it." : "", check, failure);
        this.verdict = Bindings.createStringBinding(() -> verdict(check.get()), check);
        this.alreadyTrusted = Bindings.createBooleanBinding(() -> check.get() != null && check.get().status() == HostKeyCheck.Status.TRUSTED, check);
    }

    public Host host() {
        return host;
    }

    /** What the host presented; null until it answered. */
    public ReadOnlyObjectProperty<HostKeyCheck> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** Why the key cannot be trusted now (waiting for it, or it could not be read), or "". */
    public StringBinding reason() {
        return reason;
    }

    /** The verdict on the key in words: first connection, trusted, or CHANGED (a warning); "" before the key is known. */
    public StringBinding verdict() {
        return verdict;
    }

    /** True when the key shown is the one pinned: trusting it again would change nothing. */
    public BooleanBinding alreadyTrusted() {
        return alreadyTrusted;
    }

    /** True when the key differs from the one pinned: the verdict is a warning. */
    public boolean changed() {
        return check.get() != null && check.get().status() == HostKeyCheck.Status.CHANGED;
    }

    public String pinnedText() {
        HostKeyCheck seen = check.get();
        String pinned = seen == null ? host.hostKeyFingerprint() : seen.pinnedFingerprint();
        return pinned == null ? NONE_PINNED : pinned;
    }

    /** Asks the host for its key (network: run it in the background); then {@link #seen} or {@link #failed}. */
    public HostKeyCheck ask() {
        return setup.checkHostKey(host);
    }

    public void seen(HostKeyCheck presented) {
        failure.set("");
        check.set(presented);
    }

    public void failed(String message) {
        failure.set("Cannot read the key of " + host.name() + " (" + host.display() + "): " + message);
    }

    /** Pins the key the user saw (network: run it in the background): the explicit trust. */
    public Host trust() {
        HostKeyCheck seen = check.get();
        if (seen == null) {
            throw new StageboardException("The host's key is not known yet: wait for it to be shown, then compare and trust it.");
        }
        return setup.trustHostKey(host, seen.fingerprint());
    }

    private String verdict(HostKeyCheck seen) {
        if (seen == null) {
            return "";
        }
        return switch (seen.status()) {
            case TRUSTED -> "This key is already trusted: deploys to " + host.name() + " can go ahead.";
            case UNKNOWN -> "First connection to " + host.name() + ". Compare the fingerprint with the one the host's administrator "
                    + "gives you (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before you trust it.";
            case CHANGED -> "WARNING: the host's key has CHANGED since you trusted it. Someone may be intercepting the connection, "
                    + "or the host was reinstalled. Trust the new key only if its administrator confirms this fingerprint.";
        };
    }
}
