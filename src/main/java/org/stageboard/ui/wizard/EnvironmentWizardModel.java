package org.stageboard.ui.wizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.KeyFileState;
import org.stageboard.core.Project;
import org.stageboard.core.RunSettings;
import org.stageboard.core.SshConfigHost;
import org.stageboard.core.SshConfigParser;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.ConfigVariable;
import org.stageboard.ui.ConfigVariables;
import org.stageboard.ui.FieldChecks;
import org.stageboard.ui.KeyFileField;

/**
 * The New environment wizard without its window: the environment's name and place in the
 * promotion order; its host (typed in, picked from {@code ~/.ssh/config}, or a saved host) with
 * its private key and, when the key has one, its passphrase (checked against the key as typed,
 * used for the connection test, kept in memory once finished, and stored encrypted in the catalog
 * only when the user ticks remember); the connection test (host key to compare and trust, login, base folder, free
 * space, port forwarding); how the app starts and is checked; and its config variables.
 * Each page has a reason Next is disabled (empty when it may go on). Nothing is written to the
 * catalog before {@link #finish()}; trusting a host key is the one thing that is written earlier,
 * on the user's explicit action, into Stageboard's known_hosts ({@link #cancelNote()} says so).
 */
public final class EnvironmentWizardModel {

    /** The start of every promotion-order choice that puts the environment after another one. */
    public static final String AFTER = "after ";
    public static final String FIRST = "first (before all others)";

    private final Stageboard engine;
    private final Project project;
    private final List<Environment> existing;
    private final List<Host> savedHosts;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty place = new SimpleStringProperty(this, "place", "");
    private final ObservableList<String> places = FXCollections.observableArrayList();

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
    private final ObservableList<SshConfigHost> sshConfigHosts = FXCollections.observableArrayList();
    private final StringProperty sshConfigNote = new SimpleStringProperty(this, "sshConfigNote", "");

    private final ObjectProperty<HostKeyCheck> hostKey = new SimpleObjectProperty<>(this, "hostKey");
    private final BooleanProperty trustedHere = new SimpleBooleanProperty(this, "trustedHere", false);
    private final ObservableList<ConnectionCheck> checks = FXCollections.observableArrayList();
    private final StringProperty testedFor = new SimpleStringProperty(this, "testedFor", "");

    private final StringProperty startCommand = new SimpleStringProperty(this, "startCommand", "");
    private final StringProperty appPort = new SimpleStringProperty(this, "appPort", "8080");
    private final StringProperty health = new SimpleStringProperty(this, "health", "/health");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", "60");

    private final ConfigVariables config = new ConfigVariables();

    private final ReadOnlyObjectWrapper<Environment> saved = new ReadOnlyObjectWrapper<>(this, "saved");

    private final StringBinding nameReason;
    private final StringBinding hostReason;
    private final StringBinding connectionReason;
    private final StringBinding runReason;
    private final StringBinding configReason;

    /**
     * @param defaultUser the user name proposed for SSH (e.g. this computer's user)
     */
    public EnvironmentWizardModel(Stageboard engine, Project project, String defaultUser) {
        this.engine = engine;
        this.project = project;
        this.existing = engine.environments(project);
        this.savedHosts = engine.hosts();
        places.add(FIRST);
        existing.forEach(e -> places.add(AFTER + e.name()));
        place.set(places.get(places.size() - 1));
        user.set(defaultUser == null ? "" : defaultUser);
        this.key = new KeyFileField(engine, "", this::savedHostKeyKnown);
        this.keyFile = key.fileProperty();
        this.passphrase = key.passphraseProperty();
        savedHost.addListener((o, was, now) -> key.refresh());
        address.addListener((o, was, now) -> addressUnknown.set(""));
        for (StringProperty p : List.of(address, sshPort, user, keyFile, passphrase, baseDir)) {
            p.addListener((o, was, now) -> {
                if (!testedFor.get().equals(target())) {
                    checks.clear();
                }
            });
        }
        for (StringProperty p : List.of(address, sshPort)) {
            p.addListener((o, was, now) -> {
                HostKeyCheck seen = hostKey.get();
                if (seen != null && !seen.hostName().equals(Checks.text(address.get()) + ":" + Checks.text(sshPort.get()))) {
                    hostKey.set(null);
                }
            });
        }
        nameReason = Bindings.createStringBinding(() -> nameProblem().orElse(""), name, place);
        List<Observable> hostFields = new ArrayList<>(List.of(savedHost, hostName, address, addressUnknown, sshPort, user, baseDir));
        hostFields.addAll(List.of(key.observables()));
        hostReason = Bindings.createStringBinding(() -> hostProblem().orElse(""), hostFields.toArray(Observable[]::new));
        connectionReason = Bindings.createStringBinding(() -> connectionProblem().orElse(""), hostKey, checks);
        runReason = Bindings.createStringBinding(() -> runProblem().orElse(""), startCommand, appPort, health, timeout);
        configReason = Bindings.createStringBinding(() -> configProblem().orElse(""), config.rows());
    }

    // --- properties -----------------------------------------------------------------------

    public Project project() {
        return project;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Where the environment goes in the promotion order: {@link #FIRST} or "after NAME". */
    public StringProperty placeProperty() {
        return place;
    }

    public ObservableList<String> places() {
        return places;
    }

    public List<Host> savedHosts() {
        return savedHosts;
    }

    /** A saved host to use instead of a new one; null for a new host. */
    public ObjectProperty<Host> savedHostProperty() {
        return savedHost;
    }

    public StringProperty hostNameProperty() {
        return hostName;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty sshPortProperty() {
        return sshPort;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    /** The key's passphrase: used for the connection test, then kept in memory; stored only when {@link #rememberPassphraseProperty()} is ticked. */
    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** "Remember this passphrase (stored encrypted in the catalog)": off unless the user ticks it. */
    public BooleanProperty rememberPassphraseProperty() {
        return key.rememberProperty();
    }

    public StringProperty baseDirProperty() {
        return baseDir;
    }

    public ReadOnlyObjectProperty<KeyFileState> keyStateProperty() {
        return key.stateProperty();
    }

    /** The private key with its passphrase, for the host page's fields. */
    public KeyFileField key() {
        return key;
    }

    /** True when the key has a passphrase the engine does not know (a saved host's stored one counts as known). */
    public boolean passphraseNeeded() {
        return key.passphraseNeeded();
    }

    private boolean savedHostKeyKnown() {
        Host chosen = savedHost.get();
        return chosen != null && Checks.text(key.fileProperty().get()).equals(chosen.privateKey().toString()) && !engine.keyNeedsPassphrase(chosen);
    }

    public ObservableList<SshConfigHost> sshConfigHosts() {
        return sshConfigHosts;
    }

    /** What was read from ~/.ssh/config, and what of the picked entry Stageboard does not follow. */
    public StringProperty sshConfigNoteProperty() {
        return sshConfigNote;
    }

    /** The key the host presented, once asked; null before. */
    public ReadOnlyObjectProperty<HostKeyCheck> hostKeyProperty() {
        return hostKey;
    }

    public ObservableList<ConnectionCheck> checks() {
        return checks;
    }

    public StringProperty startCommandProperty() {
        return startCommand;
    }

    public StringProperty appPortProperty() {
        return appPort;
    }

    /** {@code /path} (HTTP on the app port), {@code tcp} (the app port accepts connections) or {@code command:CMD}. */
    public StringProperty healthProperty() {
        return health;
    }

    public StringProperty timeoutProperty() {
        return timeout;
    }

    public ObservableList<ConfigVariable> variables() {
        return config.rows();
    }

    public ReadOnlyObjectProperty<Environment> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public StringBinding nameReason() {
        return nameReason;
    }

    public StringBinding hostReason() {
        return hostReason;
    }

    public StringBinding connectionReason() {
        return connectionReason;
    }

    public StringBinding runReason() {
        return runReason;
    }

    public StringBinding configReason() {
        return configReason;
    }

    // --- name page ------------------------------------------------------------------------

    public Optional<String> nameProblem(String value) {
        return Checks.first(() -> Checks.name("environment", value), () -> {
            String v = Checks.text(value);
            return existing.stream().anyMatch(e -> e.name().equals(v))
                    ? Optional.of(project.name() + " already has an environment named '" + v + "': pick another name.") : Optional.empty();
        });
    }

    public Optional<String> nameProblem() {
        return nameProblem(name.get());
    }

    // --- host page ------------------------------------------------------------------------

    /** Reads the hosts of an OpenSSH client config file; a missing file gives none. */
    public void loadSshConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            sshConfigHosts.clear();
            sshConfigNote.set("No " + file + ": type the host in.");
            return;
        }
        try {
            String home = System.getProperty("user.home");
            sshConfigHosts.setAll(SshConfigParser.parse(Files.readString(file, StandardCharsets.UTF_8), home));
            sshConfigNote.set(sshConfigHosts.size() + " host" + (sshConfigHosts.size() == 1 ? "" : "s") + " in " + file + ".");
        } catch (IOException | RuntimeException e) {
            sshConfigHosts.clear();
            sshConfigNote.set("Cannot read " + file + " (" + e.getMessage() + "): type the host in.");
        }
    }

    /** Fills the host fields from a {@code ~/.ssh/config} entry and says what of it is not followed. */
    public void pick(SshConfigHost entry) {
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
        sshConfigNote.set(entry.hasUnsupported()
                ? "From ~/.ssh/config, " + entry.alias() + " (line " + entry.line() + "). Not supported, so not used: "
                + String.join("; ", entry.unsupported()) + ". Stageboard connects directly to " + entry.address() + "."
                : "From ~/.ssh/config, " + entry.alias() + " (line " + entry.line() + ").");
    }

    /** Fills the host fields from a saved host: Finish attaches it rather than adding a new one. */
    public void useSavedHost(Host host) {
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

    public Optional<String> hostNameProblem(String value) {
        return Checks.first(() -> Checks.name("host", value), () -> {
            String v = Checks.text(value);
            Host chosen = savedHost.get();
            return chosen == null && savedHosts.stream().anyMatch(h -> h.name().equals(v))
                    ? Optional.of("A host named '" + v + "' is already saved: pick another name, or choose it under Saved host.")
                    : Optional.empty();
        });
    }

    public Optional<String> addressProblem(String value) {
        String v = Checks.text(value);
        Optional<String> shared = FieldChecks.address(value);
        if (shared.isPresent()) {
            return shared;
        }
        if (sshConfigHosts.stream().anyMatch(h -> h.alias().equals(v) && !h.address().equals(v))) {
            return Optional.of("'" + v + "' is an alias in ~/.ssh/config, not a host name: pick it from the list, or type its HostName.");
        }
        if (v.equals(Checks.text(address.get())) && !addressUnknown.get().isEmpty()) {
            return Optional.of(addressUnknown.get());
        }
        return Optional.empty();
    }

    /**
     * Looks the address up in DNS (blocking: run it in the background, then {@link #lookedUp}).
     * The problem when the name does not resolve; empty when it does, or when the look-up could not say.
     */
    public Optional<String> lookUp(String value) {
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
    public void lookedUp(String value, Optional<String> problem) {
        if (Checks.text(value).equals(Checks.text(address.get()))) {
            addressUnknown.set(problem.orElse(""));
        }
    }

    public Optional<String> sshPortProblem(String value) {
        return Checks.port("SSH port", value);
    }

    public Optional<String> userProblem(String value) {
        return FieldChecks.user(value);
    }

    /** The key file as the engine reads it ({@link Stageboard#inspectKey}); a key with a passphrase is fine here. */
    public Optional<String> keyFileProblem(String value) {
        return key.fileProblem(value);
    }

    /** See {@link KeyFileField#passphraseProblem}. */
    public Optional<String> passphraseProblem(String value) {
        return key.passphraseProblem(value);
    }

    /** Tries the typed passphrase on the key file (blocking: run it in the background; then {@link #passphraseChecked}). */
    public Optional<String> checkPassphrase(String typed) {
        return key.checkPassphrase(typed);
    }

    public void passphraseChecked(String typed, Optional<String> problem) {
        key.passphraseChecked(typed, problem);
    }

    public Optional<String> baseDirProblem(String value) {
        return FieldChecks.baseDir(value);
    }

    public Optional<String> hostProblem() {
        return Checks.first(() -> hostNameProblem(hostName.get()), () -> addressProblem(address.get()), () -> sshPortProblem(sshPort.get()),
                () -> userProblem(user.get()), () -> keyFileProblem(keyFile.get()), () -> passphraseProblem(passphrase.get()),
                () -> baseDirProblem(baseDir.get()));
    }

    // --- connection page --------------------------------------------------------------------

    /** Asks the host for its key (network: run it in the background); then {@link #hostKeySeen}. */
    public HostKeyCheck scanHostKey() {
        return engine.checkHostKey(Checks.text(address.get()), Integer.parseInt(Checks.text(sshPort.get())));
    }

    public void hostKeySeen(HostKeyCheck check) {
        hostKey.set(new HostKeyCheck(Checks.text(address.get()) + ":" + Checks.text(sshPort.get()), check.keyType(),
                check.fingerprint(), check.pinnedFingerprint(), check.status()));
    }

    /** The explicit trust: pins the fingerprint the user saw (network: run it in the background); then {@link #trusted}. */
    public HostKeyCheck trust() {
        HostKeyCheck seen = hostKey.get();
        if (seen == null) {
            throw new StageboardException("The host's key is not known yet: wait for it to be shown, then compare and trust it.");
        }
        return engine.trustHostKey(Checks.text(address.get()), Integer.parseInt(Checks.text(sshPort.get())), seen.fingerprint());
    }

    public void trusted(HostKeyCheck check) {
        trustedHere.set(true);
        hostKeySeen(check);
        checks.clear();
    }

    /** Runs the connection test (network: run it in the background); then {@link #tested}. */
    public List<ConnectionCheck> testConnection() {
        char[] secret = passphrase.get() == null || passphrase.get().isEmpty() ? null : passphrase.get().toCharArray();
        try {
            return engine.testConnection(Checks.text(address.get()), Integer.parseInt(Checks.text(sshPort.get())), Checks.text(user.get()),
                    FieldChecks.path(keyFile.get()), secret, Checks.text(baseDir.get()));
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    public void tested(List<ConnectionCheck> result) {
        testedFor.set(target());
        checks.setAll(result);
    }

    public Optional<String> connectionProblem() {
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

    // --- run page ---------------------------------------------------------------------------

    public Optional<String> startCommandProblem(String value) {
        return Checks.text(value).isEmpty() ? Optional.of("Give the command that starts the app, e.g. java -jar app.jar.") : Optional.empty();
    }

    public Optional<String> appPortProblem(String value) {
        return Checks.port("app port", value);
    }

    public Optional<String> healthProblem(String value) {
        String v = Checks.text(value);
        if (v.isEmpty()) {
            return Optional.of("Give the health check: a path such as /health (HTTP on the app port), tcp, or command:CMD.");
        }
        if (!v.startsWith("/") && !v.equals("tcp") && !v.startsWith("command:")) {
            return Optional.of("'" + v + "' is not a health check: give a path starting with '/', or tcp, or command:CMD.");
        }
        if (v.startsWith("command:") && v.substring("command:".length()).isBlank()) {
            return Optional.of("Give the command after command:, e.g. command:curl -fsS http://127.0.0.1:8080/health.");
        }
        if (v.startsWith("/") && v.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("The health path '" + v + "' has a space in it: use %20.");
        }
        return Optional.empty();
    }

    public Optional<String> timeoutProblem(String value) {
        String v = Checks.text(value);
        try {
            int seconds = Integer.parseInt(v);
            return seconds >= 1 && seconds <= 3600 ? Optional.empty()
                    : Optional.of("The health timeout " + seconds + " s is out of range: use 1-3600 seconds.");
        } catch (NumberFormatException e) {
            return Optional.of("The health timeout '" + v + "' is not a whole number of seconds.");
        }
    }

    public Optional<String> runProblem() {
        return Checks.first(() -> startCommandProblem(startCommand.get()), () -> appPortProblem(appPort.get()),
                () -> healthProblem(health.get()), () -> timeoutProblem(timeout.get()),
                () -> Checks.problem(this::runSettings), () -> Checks.problem(() -> org.stageboard.core.Checks.healthUrl(runSettings().healthUrl())));
    }

    /** The run settings as typed; throws with the reason when they are not valid. */
    public RunSettings runSettings() {
        String h = Checks.text(health.get());
        String port = Checks.text(appPort.get());
        String url = h.equals("tcp") ? "tcp://127.0.0.1:" + port : h.startsWith("command:") ? h : "http://127.0.0.1:" + port + h;
        int seconds;
        try {
            seconds = Integer.parseInt(Checks.text(timeout.get()));
        } catch (NumberFormatException e) {
            throw new StageboardException("The health timeout '" + timeout.get() + "' is not a whole number of seconds.");
        }
        return new RunSettings(Checks.text(startCommand.get()), url, seconds, 10, 5);
    }

    // --- config page ----------------------------------------------------------------------

    public ConfigVariable addVariable() {
        return config.add();
    }

    /** The variables, for the config page's rows. */
    public ConfigVariables configVariables() {
        return config;
    }

    public Optional<String> keyProblem(String value) {
        return config.keyProblem(value);
    }

    public Optional<String> configProblem() {
        return config.problem();
    }

    /** The config the environment starts with; {@code PORT} is the app port unless a variable sets it. */
    public Map<String, ConfigEntry> config() {
        Map<String, ConfigEntry> result = new LinkedHashMap<>(config.entries());
        if (!result.containsKey("PORT") && appPortProblem(appPort.get()).isEmpty()) {
            result.put("PORT", new ConfigEntry("PORT", Checks.text(appPort.get()), false));
        }
        return result;
    }

    // --- finish and cancel ----------------------------------------------------------------

    /**
     * Saves everything, the wizard's only catalog writes: the environment with its run settings at
     * its place in the promotion order, the host (new, with the key trusted during the wizard pinned; or the saved one), attached
     * to it, and the first config version. Checks every page first; throws with the reason.
     */
    public Environment finish() {
        Optional<String> problem = Checks.first(this::nameProblem, this::hostProblem, this::connectionProblem, this::runProblem,
                this::configProblem);
        if (problem.isPresent()) {
            throw new StageboardException(problem.get());
        }
        RunSettings run = runSettings();
        Map<String, ConfigEntry> entries = config();
        Environment environment = engine.addEnvironment(project, Checks.text(name.get()), run);
        List<Environment> order = new ArrayList<>(engine.environments(project));
        order.removeIf(e -> e.id() == environment.id());
        String after = placeAfter();
        int at = 0;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).name().equals(after)) {
                at = i + 1;
            }
        }
        order.add(at, environment);
        engine.orderEnvironments(project, order);
        Host host = savedHost.get() != null ? savedHost.get()
                : engine.adoptTrustedKey(engine.addHost(Checks.text(hostName.get()), Checks.text(address.get()),
                Integer.parseInt(Checks.text(sshPort.get())), Checks.text(user.get()), FieldChecks.path(keyFile.get()),
                Checks.text(baseDir.get())));
        key.keep(host);
        engine.attachHost(environment, host);
        if (!entries.isEmpty()) {
            engine.setConfig(environment, entries, Set.of());
        }
        key.clear();
        saved.set(environment);
        return environment;
    }

    /** What a cancel leaves behind, in words: nothing, or the host key the user trusted. */
    public String cancelNote() {
        HostKeyCheck seen = hostKey.get();
        if (trustedHere.get() && seen != null) {
            return "Nothing was saved. The host key you trusted for " + seen.hostName() + " (" + seen.fingerprint()
                    + ") stays pinned in Stageboard's known_hosts, so the next time you add this host it is already trusted.";
        }
        return "Nothing was saved.";
    }

    /** The place chosen in the promotion order, as the environment it follows (null: first). */
    public String placeAfter() {
        String p = Checks.text(place.get());
        return p.startsWith(AFTER) ? p.substring(AFTER.length()) : null;
    }

    private String target() {
        return String.join("\u0000", Checks.text(address.get()), Checks.text(sshPort.get()), Checks.text(user.get()),
                Checks.text(keyFile.get()), passphrase.get() == null ? "" : String.valueOf(passphrase.get().hashCode()), Checks.text(baseDir.get()));
    }

    List<String> placeChoices() {
        return new ArrayList<>(places);
    }
}
