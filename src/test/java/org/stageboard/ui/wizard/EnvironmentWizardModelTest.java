package org.stageboard.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.EncryptedKeys;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.ConfigVariable;

/**
 * The New environment wizard's view model, without JavaFX running: the reason on each page for
 * invalid input, ~/.ssh/config picking, the connection steps against the in-process SSH server,
 * nothing in the catalog on cancel, and everything saved by Finish.
 */
class EnvironmentWizardModelTest {

    @TempDir
    Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private Project project;

    @BeforeEach
    void open() {
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
        server = SshTestServer.start(temp.resolve("ssh"));
        try (GitFixture git = GitFixture.init(temp.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        project = engine.addProject("demo", temp.resolve("repo"), "main", new Recipe("true", List.of("**")));
    }

    @AfterEach
    void close() {
        engine.close();
        server.close();
    }

    @Test
    void eachPageSaysWhyNextIsDisabledUntilTheInputIsValid() throws Exception {
        engine.addEnvironment(project, "staging", RunSettings.of("java -jar app.jar", "http://127.0.0.1:8080/health"));
        EnvironmentWizardModel model = new EnvironmentWizardModel(engine, project, "me");

        assertThat(model.places()).containsExactly(EnvironmentWizardModel.FIRST, "after staging");
        assertThat(model.placeProperty().get()).isEqualTo("after staging");
        assertThat(model.nameReason().get()).startsWith("Give the environment a name");
        model.nameProperty().set("prod/eu");
        assertThat(model.nameReason().get()).contains("cannot contain '/'");
        model.nameProperty().set("Prod");
        assertThat(model.nameReason().get()).contains("not a valid environment name");
        model.nameProperty().set("staging");
        assertThat(model.nameReason().get()).contains("already has an environment named 'staging'");
        model.nameProperty().set("production");
        assertThat(model.nameReason().get()).isEmpty();
        assertThat(model.placeAfter()).isEqualTo("staging");

        assertThat(model.hostReason().get()).startsWith("Give the host a name");
        model.hostNameProperty().set("vps1");
        assertThat(model.hostReason().get()).as("the engine's words").startsWith("Give the host's name or IP address");
        model.addressProperty().set("vps1.example.com:2222");
        assertThat(model.hostReason().get()).as("the engine's words").contains("has a port in it").contains("2222");
        model.addressProperty().set("bad host!");
        assertThat(model.hostReason().get()).contains("not a host name or IP address");
        model.addressProperty().set("no-such-host.invalid");
        model.lookedUp("no-such-host.invalid", model.lookUp("no-such-host.invalid"));
        assertThat(model.hostReason().get()).isEqualTo("Cannot find the host 'no-such-host.invalid': the name does not resolve. "
                + "Check the address, or pick the host from ~/.ssh/config.");
        model.addressProperty().set(server.address());
        assertThat(model.lookUp(server.address())).isEmpty();
        model.lookedUp("no-such-host.invalid", model.lookUp("no-such-host.invalid"));
        assertThat(model.hostReason().get()).as("an answer for an address no longer typed is dropped").doesNotContain("Cannot find");
        model.sshPortProperty().set("70000");
        assertThat(model.hostReason().get()).isEqualTo("Port 70000 is out of range: use 1-65535 (SSH is usually 22).");
        model.sshPortProperty().set("22x");
        assertThat(model.hostReason().get()).contains("not a whole number");
        model.sshPortProperty().set(String.valueOf(server.port()));
        model.userProperty().set(server.user());
        model.keyFileProperty().set(temp.resolve("no-key").toString());
        assertThat(model.hostReason().get()).contains("does not exist");
        Path unreadable = Files.writeString(temp.resolve("unreadable"), "x");
        unreadable.toFile().setReadable(false);
        if (!Files.isReadable(unreadable)) { // root reads everything
            model.keyFileProperty().set(unreadable.toString());
            assertThat(model.hostReason().get()).contains("cannot be read");
        }
        Path notAKey = Files.writeString(temp.resolve("notes.txt"), "hello\n");
        model.keyFileProperty().set(notAKey.toString());
        assertThat(model.hostReason().get()).as("the engine's words").isEqualTo(
                org.assertj.core.api.Assertions.catchThrowable(() -> engine.inspectKey(notAKey, null)).getMessage());
        model.keyFileProperty().set(Files.writeString(temp.resolve("id.pub"), "ssh-ed25519 AAAA me\n").toString());
        assertThat(model.hostReason().get()).contains("is malformed");
        Path encrypted = EncryptedKeys.encryptedCopy(server.clientKey(), "s3cret pass", temp.resolve("id_enc"));
        model.keyFileProperty().set(encrypted.toString());
        assertThat(model.passphraseNeeded()).isTrue();
        assertThat(model.hostReason().get()).contains("protected by a passphrase").contains("never stored unless");
        model.passphraseProperty().set("wrong pass");
        assertThat(model.hostReason().get()).startsWith("Checking the passphrase");
        model.passphraseChecked("wrong pass", model.checkPassphrase("wrong pass"));
        assertThat(model.hostReason().get()).as("the engine's words for a wrong passphrase").contains("passphrase")
                .isEqualTo(model.checkPassphrase("wrong pass").orElseThrow());
        model.passphraseProperty().set("s3cret pass");
        assertThat(model.hostReason().get()).startsWith("Checking the passphrase");
        model.passphraseChecked("s3cret pass", model.checkPassphrase("s3cret pass"));
        assertThat(model.hostReason().get()).startsWith("Give the base folder");
        model.baseDirProperty().set("srv/apps");
        assertThat(model.hostReason().get()).contains("must be an absolute path");
        model.baseDirProperty().set(server.baseDir().toString());
        assertThat(model.hostReason().get()).isEmpty();

        assertThat(model.runReason().get()).startsWith("Give the command that starts the app");
        model.startCommandProperty().set("java Server.java");
        model.appPortProperty().set("0");
        assertThat(model.runReason().get()).isEqualTo("The app port 0 is out of range: use 1-65535.");
        model.appPortProperty().set("8080");
        model.healthProperty().set("health");
        assertThat(model.runReason().get()).contains("is not a health check");
        model.healthProperty().set("/health");
        model.timeoutProperty().set("0");
        assertThat(model.runReason().get()).contains("out of range");
        model.timeoutProperty().set("30");
        assertThat(model.runReason().get()).isEmpty();
        assertThat(model.runSettings().healthUrl()).isEqualTo("http://127.0.0.1:8080/health");
        model.healthProperty().set("tcp");
        assertThat(model.runSettings().healthUrl()).isEqualTo("tcp://127.0.0.1:8080");

        ConfigVariable row = model.addVariable();
        row.keyProperty().set("1BAD");
        assertThat(model.configReason().get()).contains("not a valid config key");
        row.keyProperty().set("DB_PASSWORD");
        row.valueProperty().set("hunter2");
        row.secretProperty().set(true);
        ConfigVariable twice = model.addVariable();
        twice.keyProperty().set("DB_PASSWORD");
        assertThat(model.configReason().get()).contains("appears twice");
        model.variables().remove(twice);
        model.addVariable(); // an empty row is ignored
        assertThat(model.configReason().get()).isEmpty();
    }

    @Test
    void pickingFromSshConfigFillsTheHostAndNamesWhatIsNotFollowed() throws Exception {
        Path config = Files.writeString(temp.resolve("config"), """
                Host web1
                  HostName 127.0.0.1
                  User deploy
                  Port 2200
                  IdentityFile %s
                  ProxyJump bastion
                """.formatted(server.clientKey()));
        EnvironmentWizardModel model = new EnvironmentWizardModel(engine, project, "me");
        model.loadSshConfig(config);
        assertThat(model.sshConfigNoteProperty().get()).isEqualTo("1 host in " + config + ".");
        model.addressProperty().set("web1");
        assertThat(model.addressProblem("web1")).hasValueSatisfying(m -> assertThat(m).contains("alias in ~/.ssh/config"));
        model.pick(model.sshConfigHosts().get(0));
        assertThat(model.hostNameProperty().get()).isEqualTo("web1");
        assertThat(model.addressProperty().get()).isEqualTo("127.0.0.1");
        assertThat(model.sshPortProperty().get()).isEqualTo("2200");
        assertThat(model.userProperty().get()).isEqualTo("deploy");
        assertThat(model.keyFileProperty().get()).isEqualTo(server.clientKey().toString());
        assertThat(model.sshConfigNoteProperty().get()).contains("Not supported, so not used: ProxyJump bastion")
                .contains("connects directly to 127.0.0.1");

        model.loadSshConfig(temp.resolve("absent"));
        assertThat(model.sshConfigHosts()).isEmpty();
        assertThat(model.sshConfigNoteProperty().get()).startsWith("No ");
    }

    @Test
    void theConnectionStepThenFinishSavesEverythingAndCancelSavesNothing() {
        engine.addEnvironment(project, "production", RunSettings.of("java -jar app.jar", "http://127.0.0.1:8080/health"));
        EnvironmentWizardModel model = filled(new EnvironmentWizardModel(engine, project, "me"));
        model.placeProperty().set(EnvironmentWizardModel.FIRST);
        assertThat(model.connectionReason().get()).startsWith("Waiting for the host's key");
        HostKeyCheck seen = model.scanHostKey();
        model.hostKeySeen(seen);
        assertThat(model.hostKeyProperty().get().fingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(model.connectionReason().get()).isEqualTo("Compare the host's key fingerprint and click Trust this key.");
        assertThat(model.cancelNote()).isEqualTo("Nothing was saved.");
        assertThatThrownBy(model::finish).hasMessageContaining("Trust this key");

        model.trusted(model.trust());
        assertThat(model.connectionReason().get()).isEqualTo("Click Test connection.");
        assertThat(model.cancelNote()).startsWith("Nothing was saved. The host key you trusted for 127.0.0.1:" + server.port())
                .contains(server.hostKeyFingerprint()).contains("known_hosts");

        server.setForwardingAllowed(false);
        List<ConnectionCheck> checks = model.testConnection();
        model.tested(checks);
        assertThat(model.connectionReason().get()).as("a refused forward is a warning, not a failure: " + checks).isEmpty();
        assertThat(model.checks().get(4).detail()).contains("refused");

        model.baseDirProperty().set(server.baseDir().resolve("other").toString());
        assertThat(model.connectionReason().get()).as("a changed host needs a new test").isEqualTo("Click Test connection.");
        model.tested(model.testConnection());
        assertThat(engine.environments(project)).as("nothing in the catalog before Finish").extracting(Environment::name)
                .containsExactly("production");
        assertThat(engine.hosts()).isEmpty();

        Environment environment = model.finish();
        assertThat(environment.name()).isEqualTo("staging");
        assertThat(engine.environments(project)).as("placed first in the promotion order").extracting(Environment::name)
                .containsExactly("staging", "production");
        assertThat(environment.run().startCommand()).isEqualTo("java Server.java");
        assertThat(environment.run().healthUrl()).isEqualTo("http://127.0.0.1:8080/health");
        Host host = engine.host("vps1");
        assertThat(host.hostKeyFingerprint()).as("the key trusted in the wizard is pinned").isEqualTo(server.hostKeyFingerprint());
        assertThat(engine.hosts(environment)).extracting(Host::name).containsExactly("vps1");
        ConfigVersion config = engine.currentConfig(environment).orElseThrow();
        assertThat(config.values()).containsEntry("PORT", "8080").containsEntry("DB_PASSWORD", "hunter2");
        assertThat(config.entries().get("DB_PASSWORD").secret()).isTrue();
        assertThat(model.passphraseProperty().get()).isEmpty();
    }

    @Test
    void anEncryptedKeysPassphraseIsUsedForTheTestAndStoredOnlyWhenRememberIsTicked() {
        Path encrypted = EncryptedKeys.encryptedCopy(server.clientKey(), "open sesame", temp.resolve("id_enc"));
        for (boolean remember : new boolean[] {false, true}) {
            EnvironmentWizardModel model = filled(new EnvironmentWizardModel(engine, project, "me"));
            model.nameProperty().set(remember ? "production" : "staging");
            model.hostNameProperty().set(remember ? "vps2" : "vps1");
            model.keyFileProperty().set(encrypted.toString());
            assertThat(model.passphraseNeeded()).isTrue();
            assertThat(model.rememberPassphraseProperty().get()).as("never stored unless ticked").isFalse();
            model.passphraseProperty().set("open sesame");
            model.passphraseChecked("open sesame", model.checkPassphrase("open sesame"));
            assertThat(model.hostReason().get()).isEmpty();
            model.hostKeySeen(model.scanHostKey());
            model.trusted(model.trust());
            List<ConnectionCheck> checks = model.testConnection();
            model.tested(checks);
            assertThat(checks.get(1).outcome()).as("login with the passphrase: " + checks).isEqualTo(ConnectionCheck.Outcome.OK);
            model.rememberPassphraseProperty().set(remember);
            model.finish();
            Host host = engine.host(remember ? "vps2" : "vps1");
            assertThat(engine.keyNeedsPassphrase(host)).as("unlocked for this engine").isFalse();
            assertThat(engine.keyPassphraseStored(host)).isEqualTo(remember);
        }
        engine.close();
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
        assertThat(engine.keyNeedsPassphrase(engine.host("vps1"))).as("not stored: asked again in the next session").isTrue();
        assertThat(engine.keyNeedsPassphrase(engine.host("vps2"))).as("stored encrypted: known in the next session").isFalse();
    }

    @Test
    void aSavedHostIsAttachedRatherThanAddedAgain() {
        Host saved = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.trustHostKey(saved, server.hostKeyFingerprint());
        EnvironmentWizardModel model = new EnvironmentWizardModel(engine, project, "me");
        model.nameProperty().set("staging");
        model.hostNameProperty().set("vps1");
        assertThat(model.hostNameProblem("vps1")).hasValueSatisfying(m -> assertThat(m).contains("already saved"));
        model.useSavedHost(model.savedHosts().get(0));
        assertThat(model.hostReason().get()).isEmpty();
        model.hostKeySeen(model.scanHostKey());
        assertThat(model.hostKeyProperty().get().status()).isEqualTo(HostKeyCheck.Status.TRUSTED);
        model.tested(model.testConnection());
        model.startCommandProperty().set("java Server.java");
        Environment environment = model.finish();
        assertThat(engine.hosts()).hasSize(1);
        assertThat(engine.hosts(environment)).extracting(Host::name).containsExactly("vps1");
    }

    private EnvironmentWizardModel filled(EnvironmentWizardModel model) {
        model.nameProperty().set("staging");
        model.hostNameProperty().set("vps1");
        model.addressProperty().set(server.address());
        model.sshPortProperty().set(String.valueOf(server.port()));
        model.userProperty().set(server.user());
        model.keyFileProperty().set(server.clientKey().toString());
        model.baseDirProperty().set(server.baseDir().toString());
        model.startCommandProperty().set("java Server.java");
        ConfigVariable secret = model.addVariable();
        secret.keyProperty().set("DB_PASSWORD");
        secret.valueProperty().set("hunter2");
        secret.secretProperty().set(true);
        return model;
    }
}
