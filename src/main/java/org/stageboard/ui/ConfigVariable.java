package org.stageboard.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One config variable as typed (New environment wizard, Edit config): key, value, and whether it is a secret (masked, encrypted at rest). */
public final class ConfigVariable {

    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final BooleanProperty secret = new SimpleBooleanProperty(this, "secret", false);

    public ConfigVariable(String key, String value, boolean secret) {
        this.key.set(key);
        this.value.set(value);
        this.secret.set(secret);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public BooleanProperty secretProperty() {
        return secret;
    }
}
