package org.stageboard.ui.dialog;

import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stageboard.ui.FieldChecks;

/**
 * How a host is reached, as a host dialog holds it without its window: address, SSH port, user
 * and base folder, each checked as typed with the engine's words ({@link FieldChecks}). The Add
 * host and Edit host view models add the name and the private key.
 */
public abstract class HostForm {

    private final StringProperty address;
    private final StringProperty port;
    private final StringProperty user;
    private final StringProperty baseDir;

    HostForm(String address, String port, String user, String baseDir) {
        this.address = new SimpleStringProperty(this, "address", address);
        this.port = new SimpleStringProperty(this, "port", port);
        this.user = new SimpleStringProperty(this, "user", user);
        this.baseDir = new SimpleStringProperty(this, "baseDir", baseDir);
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

    public StringProperty baseDirProperty() {
        return baseDir;
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

    public Optional<String> baseDirProblem(String value) {
        return FieldChecks.baseDir(value);
    }

    /** The first problem of the address, port and user, in the order the dialog shows them. */
    Optional<String> reachProblem() {
        return FieldChecks.first(() -> addressProblem(address.get()), () -> portProblem(port.get()), () -> userProblem(user.get()));
    }

    /** The fields a reason depends on. */
    Observable[] reachFields() {
        return new Observable[] {address, port, user, baseDir};
    }

    String typedAddress() {
        return FieldChecks.text(address.get());
    }

    /** The port typed; call once {@link #portProblem} is empty. */
    int typedPort() {
        return Integer.parseInt(FieldChecks.text(port.get()));
    }

    String typedUser() {
        return FieldChecks.text(user.get());
    }

    String typedBaseDir() {
        return FieldChecks.text(baseDir.get());
    }
}
