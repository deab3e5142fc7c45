package org.stageboard.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.KeyFileState;
import org.stageboard.core.Project;
import org.stageboard.core.RunSettings;
import org.stageboard.core.SshConfigHost;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.ConfigVariable;
import org.stageboard.ui.ConfigVariables;
import org.stageboard.ui.KeyFileField;

/**
 * The New environment wizard without its window: the environment's name and place in the
 * promotion order ({@link EnvNameFields}); its host (typed in, picked from {@code ~/.ssh/config},
 * or a saved host) with its private key and, when the key has one, its passphrase (checked
 * against the key as typed, used for the connection test, kept in memory once finished, and
 * stored encrypted in the catalog only when the user ticks remember) ({@link EnvHostFields}); the
 * connection test (host key to compare and trust, login, base folder, free space, port
 * forwarding) ({@link EnvConnectionState}); how the app starts and is checked
 * ({@link EnvRunFields}); and its config variables. Each page has a reason Next is disabled
 * (empty when it may go on). Nothing is written to the catalog before {@link #finish()}; trusting
 * a host key is the one thing that is written earlier, on the user's explicit action, into
 * Stageboard's known_hosts ({@link #cancelNote()} says so).
 *
 * <p>This class is what the wizard's pages and tests see; each page's fields and checks live in
 * the class named above, which this one hands each call to. It holds the config variables and
 * does the finish: the catalog writes, in order.
 */
public final class EnvironmentWizardModel {

    /** The start of every promotion-order choice that puts the environment after another one. */
    public static final String AFTER = "after ";
    public static final String FIRST = "first (before all others)";

    private final Stageboard engine;
    private final Project project;
    private final EnvNameFields name;
    private final EnvHostFields host;
    private final EnvConnectionState connection;
    private final EnvRunFields run = new EnvRunFields();
    private final ConfigVariables config = new ConfigVariables();
    private final ReadOnlyObjectWrapper<Environment> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final StringBinding configReason = Bindings.createStringBinding(() -> configProblem().orElse(""), config.rows());

    /**
     * @param defaultUser the user name proposed for SSH (e.g. this computer's user)
     */
    public EnvironmentWizardModel(Stageboard engine, Project project, String defaultUser) {
        this.engine = engine;
        this.project = project;
        this.name = new EnvNameFields(project, engine.environments(project));
        this.host = new EnvHostFields(engine, defaultUser);
        this.connection = new EnvConnectionState(engine, host);
    }

    // --- properties -----------------------------------------------------------------------

    public Project project() {
        return project;
    }

    public StringProperty nameProperty() {
        return name.name();
    }

    /** Where the environment goes in the promotion order: {@link #FIRST} or "after NAME". */
    public StringProperty placeProperty() {
        return name.place();
    }

    public ObservableList<String> places() {
        return name.places();
    }

    public List<Host> savedHosts() {
        return host.savedHosts();
    }

    /** A saved host to use instead of a new one; null for a new host. */
    public ObjectProperty<Host> savedHostProperty() {
        return host.savedHost();
    }

    public StringProperty hostNameProperty() {
        return host.hostName();
    }

    public StringProperty addressProperty() {
        return host.address();
    }

    public StringProperty sshPortProperty() {
        return host.sshPort();
    }

    public StringProperty userProperty() {
        return host.user();
    }

    public StringProperty keyFileProperty() {
        return host.keyFile();
    }

    /** The key's passphrase: used for the connection test, then kept in memory; stored only when {@link #rememberPassphraseProperty()} is ticked. */
    public StringProperty passphraseProperty() {
        return host.passphrase();
    }

    /** "Remember this passphrase (stored encrypted in the catalog)": off unless the user ticks it. */
    public BooleanProperty rememberPassphraseProperty() {
        return host.key().rememberProperty();
    }

    public StringProperty baseDirProperty() {
        return host.baseDir();
    }

    public ReadOnlyObjectProperty<KeyFileState> keyStateProperty() {
        return host.key().stateProperty();
    }

    /** The private key with its passphrase, for the host page's fields. */
    public KeyFileField key() {
        return host.key();
    }

    /** True when the key has a passphrase the engine does not know (a saved host's stored one counts as known). */
    public boolean passphraseNeeded() {
        return host.key().passphraseNeeded();
    }

    public ObservableList<SshConfigHost> sshConfigHosts() {
        return host.sshConfig().hosts();
    }

    /** What was read from ~/.ssh/config, and what of the picked entry Stageboard does not follow. */
    public StringProperty sshConfigNoteProperty() {
        return host.sshConfig().note();
    }

    /** The key the host presented, once asked; null before. */
    public ReadOnlyObjectProperty<HostKeyCheck> hostKeyProperty() {
        return connection.hostKey();
    }

    public ObservableList<ConnectionCheck> checks() {
        return connection.checks();
    }

    public StringProperty startCommandProperty() {
        return run.startCommand();
    }

    public StringProperty appPortProperty() {
        return run.appPort();
    }

    /** {@code /path} (HTTP on the app port), {@code tcp} (the app port accepts connections) or {@code command:CMD}. */
    public StringProperty healthProperty() {
        return run.health();
    }

    public StringProperty timeoutProperty() {
        return run.timeout();
    }

    public ObservableList<ConfigVariable> variables() {
        return config.rows();
    }

    public ReadOnlyObjectProperty<Environment> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public StringBinding nameReason() {
        return name.reason();
    }

    public StringBinding hostReason() {
        return host.reason();
    }

    public StringBinding connectionReason() {
        return connection.reason();
    }

    public StringBinding runReason() {
        return run.reason();
    }

    public StringBinding configReason() {
        return configReason;
    }

    // --- name page ------------------------------------------------------------------------

    public Optional<String> nameProblem(String value) {
        return name.problem(value);
    }

    public Optional<String> nameProblem() {
        return name.problem();
    }

    // --- host page ------------------------------------------------------------------------

    /** Reads the hosts of an OpenSSH client config file; a missing file gives none. */
    public void loadSshConfig(Path file) {
        host.sshConfig().load(file);
    }

    /** Fills the host fields from a {@code ~/.ssh/config} entry and says what of it is not followed. */
    public void pick(SshConfigHost entry) {
        host.pick(entry);
    }

    /** Fills the host fields from a saved host: Finish attaches it rather than adding a new one. */
    public void useSavedHost(Host saved) {
        host.useSavedHost(saved);
    }

    public Optional<String> hostNameProblem(String value) {
        return host.hostNameProblem(value);
    }

    public Optional<String> addressProblem(String value) {
        return host.addressProblem(value);
    }

    /**
     * Looks the address up in DNS (blocking: run it in the background, then {@link #lookedUp}).
     * The problem when the name does not resolve; empty when it does, or when the look-up could not say.
     */
    public Optional<String> lookUp(String value) {
        return host.lookUp(value);
    }

    /** Takes a look-up's answer, if the address is still the one looked up. */
    public void lookedUp(String value, Optional<String> problem) {
        host.lookedUp(value, problem);
    }

    public Optional<String> sshPortProblem(String value) {
        return host.sshPortProblem(value);
    }

    public Optional<String> userProblem(String value) {
        return host.userProblem(value);
    }

    /** The key file as the engine reads it ({@link Stageboard#inspectKey}); a key with a passphrase is fine here. */
    public Optional<String> keyFileProblem(String value) {
        return host.key().fileProblem(value);
    }

    /** See {@link KeyFileField#passphraseProblem}. */
    public Optional<String> passphraseProblem(String value) {
        return host.key().passphraseProblem(value);
    }

    /** Tries the typed passphrase on the key file (blocking: run it in the background; then {@link #passphraseChecked}). */
    public Optional<String> checkPassphrase(String typed) {
        return host.key().checkPassphrase(typed);
    }

    public void passphraseChecked(String typed, Optional<String> problem) {
        host.key().passphraseChecked(typed, problem);
    }

    public Optional<String> baseDirProblem(String value) {
        return host.baseDirProblem(value);
    }

    public Optional<String> hostProblem() {
        return host.problem();
    }

    // --- connection page --------------------------------------------------------------------

    /** Asks the host for its key (network: run it in the background); then {@link #hostKeySeen}. */
    public HostKeyCheck scanHostKey() {
        return connection.scanHostKey();
    }

    public void hostKeySeen(HostKeyCheck check) {
        connection.hostKeySeen(check);
    }

    /** The explicit trust: pins the fingerprint the user saw (network: run it in the background); then {@link #trusted}. */
    public HostKeyCheck trust() {
        return connection.trust();
    }

    public void trusted(HostKeyCheck check) {
        connection.trusted(check);
    }

    /** Runs the connection test (network: run it in the background); then {@link #tested}. */
    public List<ConnectionCheck> testConnection() {
        return connection.testConnection();
    }

    public void tested(List<ConnectionCheck> result) {
        connection.tested(result);
    }

    public Optional<String> connectionProblem() {
        return connection.problem();
    }

    // --- run page ---------------------------------------------------------------------------

    public Optional<String> startCommandProblem(String value) {
        return run.startCommandProblem(value);
    }

    public Optional<String> appPortProblem(String value) {
        return run.appPortProblem(value);
    }

    public Optional<String> healthProblem(String value) {
        return run.healthProblem(value);
    }

    public Optional<String> timeoutProblem(String value) {
        return run.timeoutProblem(value);
    }

    public Optional<String> runProblem() {
        return run.problem();
    }

    /** The run settings as typed; throws with the reason when they are not valid. */
    public RunSettings runSettings() {
        return run.runSettings();
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
        String port = run.appPort().get();
        if (!result.containsKey("PORT") && run.appPortProblem(port).isEmpty()) {
            result.put("PORT", new ConfigEntry("PORT", Checks.text(port), false));
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
        RunSettings settings = runSettings();
        Map<String, ConfigEntry> entries = config();
        Environment environment = engine.addEnvironment(project, Checks.text(name.name().get()), settings);
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
        Host chosen = host.save();
        host.key().keep(chosen);
        engine.attachHost(environment, chosen);
        if (!entries.isEmpty()) {
            engine.setConfig(environment, entries, Set.of());
        }
        host.key().clear();
        saved.set(environment);
        return environment;
    }

    /** What a cancel leaves behind, in words: nothing, or the host key the user trusted. */
    public String cancelNote() {
        return connection.cancelNote();
    }

    /** The place chosen in the promotion order, as the environment it follows (null: first). */
    public String placeAfter() {
        return name.placeAfter();
    }

    List<String> placeChoices() {
        return name.placeChoices();
    }
}
