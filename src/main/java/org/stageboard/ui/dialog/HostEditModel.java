package org.stageboard.ui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.core.Host;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.FieldChecks;

/**
 * The Edit host dialog without its window: how a saved host is reached (address, SSH port, user,
 * private key, base folder), each checked as typed with the engine's words. Changing the address
 * or the port forgets the trusted host key: {@link #unpinsKey()} says so before saving.
 */
public final class HostEditModel extends HostForm {

    private final Stageboard engine;
    private final Host host;
    private final StringProperty keyFile;
    private final StringBinding reason;
    private final BooleanBinding unpinsKey;

    public HostEditModel(Stageboard engine, Host host) {
        super(host.address(), String.valueOf(host.port()), host.user(), host.baseDir());
        this.engine = engine;
        this.host = host;
        this.keyFile = new SimpleStringProperty(this, "keyFile", host.privateKey().toString());
        List<Observable> fields = new java.util.ArrayList<>(List.of(reachFields()));
        fields.add(keyFile);
        this.reason = Bindings.createStringBinding(() -> problem().orElse(""), fields.toArray(Observable[]::new));
        this.unpinsKey = Bindings.createBooleanBinding(() -> host.hostKeyFingerprint() != null
                && (!typedAddress().equals(host.address()) || !FieldChecks.text(portProperty().get()).equals(String.valueOf(host.port()))),
                addressProperty(), portProperty());
    }

    public Host host() {
        return host;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    /** Why the values cannot be saved, or "". */
    public StringBinding reason() {
        return reason;
    }

    /** True when saving would forget the host key trusted for the old address or port. */
    public BooleanBinding unpinsKey() {
        return unpinsKey;
    }

    public String unpinNote() {
        return "Changing the address or port forgets the trusted host key (" + host.hostKeyFingerprint()
                + "): you must trust the host again before the next deploy.";
    }

    public Optional<String> keyFileProblem(String value) {
        return FieldChecks.keyFile(engine, value);
    }

    public Optional<String> problem() {
        return FieldChecks.first(this::reachProblem, () -> keyFileProblem(keyFile.get()), () -> baseDirProblem(baseDirProperty().get()));
    }

    /** Saves what changed (the engine records it in history); blocking: run it in the background. */
    public Host save() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        String a = typedAddress();
        int p = typedPort();
        String u = typedUser();
        Path k = FieldChecks.path(keyFile.get());
        String b = typedBaseDir();
        return engine.updateHost(host, a.equals(host.address()) ? null : a, p == host.port() ? null : p,
                u.equals(host.user()) ? null : u, k.toAbsolutePath().normalize().equals(host.privateKey().toAbsolutePath().normalize()) ? null : k,
                b.equals(host.baseDir()) ? null : b);
    }
}
