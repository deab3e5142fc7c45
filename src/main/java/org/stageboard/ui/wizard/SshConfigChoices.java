package org.stageboard.ui.wizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.SshConfigHost;
import org.stageboard.core.SshConfigParser;

/**
 * The hosts of the user's OpenSSH client config ({@code ~/.ssh/config}) the host page offers to
 * pick from, and its note: how many were read (or why none), then what of the picked entry
 * Stageboard does not follow.
 */
final class SshConfigChoices {

    private final ObservableList<SshConfigHost> hosts = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty(this, "sshConfigNote", "");

    ObservableList<SshConfigHost> hosts() {
        return hosts;
    }

    StringProperty note() {
        return note;
    }

    /** Reads the hosts of an OpenSSH client config file; a missing file gives none. */
    void load(Path file) {
        if (!Files.isRegularFile(file)) {
            hosts.clear();
            note.set("No " + file + ": type the host in.");
            return;
        }
        try {
            String home = System.getProperty("user.home");
            hosts.setAll(SshConfigParser.parse(Files.readString(file, StandardCharsets.UTF_8), home));
            note.set(hosts.size() + " host" + (hosts.size() == 1 ? "" : "s") + " in " + file + ".");
        } catch (IOException | RuntimeException e) {
            hosts.clear();
            note.set("Cannot read " + file + " (" + e.getMessage() + "): type the host in.");
        }
    }

    /** Says where a picked entry comes from and what of it is not followed. */
    void picked(SshConfigHost entry) {
        note.set(entry.hasUnsupported()
                ? "From ~/.ssh/config, " + entry.alias() + " (line " + entry.line() + "). Not supported, so not used: "
                + String.join("; ", entry.unsupported()) + ". Stageboard connects directly to " + entry.address() + "."
                : "From ~/.ssh/config, " + entry.alias() + " (line " + entry.line() + ").");
    }

    /** True when the text is an entry's alias rather than the host name it stands for. */
    boolean isAliasOnly(String value) {
        return hosts.stream().anyMatch(h -> h.alias().equals(value) && !h.address().equals(value));
    }
}
