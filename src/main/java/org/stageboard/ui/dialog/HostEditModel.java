package org.stageboard.ui.dialog;

import java.nio.file.Path;
import java.util.Optional;
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
public final class HostEditModel {

    private final Stageboard engine;
    private final Host host;
    private final StringProperty address;
    private final StringProperty port;
    private final StringProperty user;
    private final StringProperty keyFile;
    private final StringProperty baseDir;
    private final StringBinding reason;
    private final BooleanBinding unpinsKey;

    public HostEditModel(Stageboard engine, Host host) {
        this.engine = engine;
        this.host = host;
        this.address = new SimpleStringProperty(this, "address", host.address());
        this.port = new SimpleStringProperty(this, "port", String.valueOf(host.port()));
        this.user = new SimpleStringProperty(this, "user", host.user());
        this.keyFile = new SimpleStringProperty(this, "keyFile", host.privateKey().toString());
        this.baseDir = new SimpleStringProperty(this, "baseDir", host.baseDir());
        this.reason = Bindings.createStringBinding(() -> problem().orElse(""), address, port, user, keyFile, baseDir);
        this.unpinsKey = Bindings.createBooleanBinding(() -> host.hostKeyFingerprint() != null
                && (!FieldChecks.text(address.get()).equals(host.address()) || !FieldChecks.text(port.get()).equals(String.valueOf(host.port()))),
                address, port);
    }

    public Host host() {
        return host;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty baseDirProperty() {
        return baseDir;
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

    public Optional<String> addressProblem(String value) {
        return FieldChecks.address(value);
    }

    public Optional<String> portProblem(String value) {
        return FieldChecks.port("SSH port", value);
    }

    public Optional<String> userProblem(String value) {
        return FieldChecks.user(value);
    }

    public Optional<String> keyFileProblem(String value) {
        return FieldChecks.keyFile(engine, value);
    }

    public Optional<String> baseDirProblem(String value) {
        return FieldChecks.baseDir(value);
    }

    public Optional<String> problem() {
        return FieldChecks.first(() -> addressProblem(address.get()), () -> portProblem(port.get()), () -> userProblem(user.get()),
                () -> keyFileProblem(keyFile.get()), () -> baseDirProblem(baseDir.get()));
    }

    /** Saves what changed (the engine records it in history); blocking: run it in the background. */
    public Host save() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        String a = FieldChecks.text(address.get());
        int p = Integer.parseInt(FieldChecks.text(port.get()));
        String u = FieldChecks.text(user.get());
        Path k = FieldChecks.path(keyFile.get());
        String b = FieldChecks.text(baseDir.get());
        return engine.updateHost(host, a.equals(host.address()) ? null : a, p == host.port() ? null : p,
                u.equals(host.user()) ? null : u, k.toAbsolutePath().normalize().equals(host.privateKey().toAbsolutePath().normalize()) ? null : k,
                b.equals(host.baseDir()) ? null : b);
    }
}
