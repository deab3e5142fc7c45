package org.stageboard.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Environment;
import org.stageboard.core.Event;
import org.stageboard.core.Host;
import org.stageboard.core.KeyPassphraseException;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.EncryptedKeys;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;

/**
 * The view models of the edit dialogs (project, environment, host, key passphrase) and of a
 * removal, without JavaFX running, on a real catalog: invalid input is refused as typed with the
 * engine's words, Save changes the catalog and each change is in the history.
 */
class SetupEditModelsTest {

    @TempDir
    Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private Project project;

    @BeforeEach
    void open() throws Exception {
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
        server = SshTestServer.start(temp.resolve("ssh"));
        try (GitFixture git = GitFixture.init(temp.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(temp.resolve("repo").toFile())) {
            git.branchCreate().setName("release").call();
        }
        try (GitFixture git = GitFixture.init(temp.resolve("other"))) {
            git.write("README.md", "other\n").commit("Initial commit");
        }
        project = engine.addProject("demo", temp.resolve("repo"), "main", new Recipe("true", List.of("**")));
    }

    @AfterEach
    void close() {
        engine.close();
        server.close();
    }

    @Test
    void editProjectChecksEveryFieldAsTypedAndSavesWhatChanged() throws Exception {
        engine.addProject("taken", temp.resolve("other"), "main", new Recipe("true", List.of("**")));
        ProjectEditModel model = new ProjectEditModel(engine, project);
        assertThat(model.reason().get()).isEmpty();
        assertThat(model.branches()).contains("main", "release");

        model.nameProperty().set("demo/eu");
        assertThat(model.reason().get()).contains("cannot contain '/'");
        model.nameProperty().set("Demo");
        assertThat(model.reason().get()).as("the engine's words").isEqualTo(
                org.assertj.core.api.Assertions.catchThrowable(() -> Project.requireSlug("project", "Demo")).getMessage());
        model.nameProperty().set("taken");
        assertThat(model.reason().get()).contains("already exists");
        model.nameProperty().set("shop");
        model.folderProperty().set(Files.createDirectories(temp.resolve("plain")).toString());
        assertThat(model.reason().get()).contains(temp.resolve("plain").toString());
        model.folderProperty().set(temp.resolve("repo").toString());
        model.branchProperty().set("nope");
        assertThat(model.reason().get()).contains("has no branch 'nope'");
        model.branchProperty().set("release");
        model.stepsProperty().set("");
        assertThat(model.reason().get()).startsWith("Give at least one build step");
        model.stepsProperty().set("test: ./run-tests\npackage: tar czf app.tgz .");
        model.globsProperty().set("app.tgz");
        assertThat(model.reason().get()).isEmpty();

        Project saved = model.save();
        assertThat(saved.name()).isEqualTo("shop");
        assertThat(saved.branch()).isEqualTo("release");
        assertThat(saved.recipe().steps()).extracting(s -> s.name() + "=" + s.command())
                .containsExactly("test=./run-tests", "package=tar czf app.tgz .");
        assertThat(saved.recipe().artifactGlobs()).containsExactly("app.tgz");
        assertThat(engine.history(saved, 10)).extracting(Event::action).contains("project.edit");
        assertThat(engine.history(saved, 10).get(0).detail()).contains("name demo -> shop").contains("branch main -> release");
    }

    @Test
    void renameEnvironmentRefusesABadOrTakenNameAndIsRecorded() {
        Environment staging = engine.addEnvironment(project, "staging", RunSettings.of("java -jar app.jar", "http://127.0.0.1:8080/health"));
        engine.addEnvironment(project, "production", RunSettings.of("java -jar app.jar", "http://127.0.0.1:8080/health"));
        EnvironmentRenameModel model = new EnvironmentRenameModel(engine, staging, engine.environments(project));
        assertThat(model.reason().get()).startsWith("Type the new name of staging");
        model.nameProperty().set("");
        assertThat(model.reason().get()).startsWith("Give the environment a name");
        model.nameProperty().set("pre prod");
        assertThat(model.reason().get()).contains("not a valid environment name");
        model.nameProperty().set("production");
        assertThat(model.reason().get()).contains("already an environment named 'production'");
        model.nameProperty().set("qa");
        assertThat(model.reason().get()).isEmpty();
        assertThat(model.save().name()).isEqualTo("qa");
        assertThat(engine.environments(project)).extracting(Environment::name).contains("qa").doesNotContain("staging");
        assertThat(engine.history(project, 5).get(0).action()).isEqualTo("env.rename");
    }

    @Test
    void editHostChecksAsTypedWithTheEnginesWordsAndAChangedAddressUnpinsTheKey() throws Exception {
        Host host = engine.addHost("vps1", "127.0.0.1", server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        host = engine.trustHostKey(host, server.hostKeyFingerprint());
        HostEditModel model = new HostEditModel(engine, host);
        assertThat(model.reason().get()).isEmpty();
        assertThat(model.unpinsKey().get()).isFalse();

        model.addressProperty().set("127.0.0.1:" + server.port());
        assertThat(model.reason().get()).as("the engine's words").contains("has a port in it").contains("(--port " + server.port() + ")");
        model.addressProperty().set("");
        assertThat(model.reason().get()).startsWith("Give the host's name or IP address");
        model.addressProperty().set("localhost");
        assertThat(model.unpinsKey().get()).isTrue();
        assertThat(model.unpinNote()).contains(server.hostKeyFingerprint()).contains("trust the host again");
        model.portProperty().set("0");
        assertThat(model.reason().get()).isEqualTo("Port 0 is out of range: use 1-65535 (SSH is usually 22).");
        model.portProperty().set("ssh");
        assertThat(model.reason().get()).contains("not a whole number");
        model.portProperty().set(String.valueOf(server.port()));
        model.userProperty().set("root user");
        assertThat(model.reason().get()).contains("not a valid SSH user name");
        model.userProperty().set(server.user());
        model.keyFileProperty().set(temp.resolve("absent").toString());
        assertThat(model.reason().get()).as("the engine's words").isEqualTo(
                org.assertj.core.api.Assertions.catchThrowable(() -> engine.inspectKey(temp.resolve("absent"), null)).getMessage());
        model.keyFileProperty().set(server.clientKey().toString());
        model.baseDirProperty().set("srv/apps");
        assertThat(model.reason().get()).contains("must be an absolute path");
        model.baseDirProperty().set(server.baseDir().resolve("apps").toString());
        assertThat(model.reason().get()).isEmpty();

        Host saved = model.save();
        assertThat(saved.address()).isEqualTo("localhost");
        assertThat(saved.baseDir()).isEqualTo(server.baseDir().resolve("apps").toString());
        assertThat(saved.hostKeyFingerprint()).as("un-pinned: trust it again").isNull();
        Event edit = EngineAccess.catalog(engine).events().recent(5).stream().filter(e -> e.action().equals("host.edit")).findFirst().orElseThrow();
        assertThat(edit.detail()).contains("address 127.0.0.1:" + server.port() + " -> localhost:" + server.port()).contains("un-pinned");
    }

    @Test
    void aKeyPassphraseIsCheckedAndStoredOnlyWhenRememberIsTicked() {
        Path encrypted = EncryptedKeys.encryptedCopy(server.clientKey(), "open sesame", temp.resolve("id_enc"));
        Host host = engine.addHost("vps1", server.address(), server.port(), server.user(), encrypted, server.baseDir().toString());
        assertThat(engine.keyNeedsPassphrase(host)).isTrue();
        KeyPassphraseModel model = new KeyPassphraseModel(engine, host);
        assertThat(model.reason().get()).contains("Type the passphrase");
        assertThat(model.question()).contains(encrypted.toString()).contains("vps1");
        model.passphraseProperty().set("wrong");
        assertThat(model.reason().get()).isEmpty();
        assertThatThrownBy(model::submit).isInstanceOf(KeyPassphraseException.class)
                .satisfies(e -> assertThat(((KeyPassphraseException) e).wrong()).isTrue());
        assertThat(engine.keyNeedsPassphrase(host)).isTrue();

        model.passphraseProperty().set("open sesame");
        model.submit();
        assertThat(engine.keyNeedsPassphrase(host)).isFalse();
        assertThat(engine.keyPassphraseStored(host)).as("never stored unless ticked").isFalse();
        model.rememberProperty().set(true);
        model.submit();
        assertThat(engine.keyPassphraseStored(host)).isTrue();
        model.clear();
        assertThat(model.passphraseProperty().get()).isEmpty();
    }

    @Test
    void aRemovalIsDoneRefusedWithWhatDependsOnItOrNeedsForceSayingWhatIsLost() throws Exception {
        Environment staging = engine.addEnvironment(project, "staging", RunSettings.of("java -jar app.jar", "http://127.0.0.1:8080/health"));
        Host host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, host);

        Removal refused = Removal.attempt(force -> engine.removeEnvironment(staging, force));
        assertThat(refused.outcome()).isEqualTo(Removal.Outcome.REFUSED);
        assertThat(refused.message()).contains("still runs on vps1").contains("detach");
        Removal hostRefused = Removal.attempt(force -> engine.removeHost(host, force));
        assertThat(hostRefused.outcome()).isEqualTo(Removal.Outcome.REFUSED);
        assertThat(hostRefused.message()).contains("demo/staging");

        engine.detachHost(staging, host);
        engine.release(engine.build(project, "main", org.stageboard.core.Progress.NONE), staging);
        Removal needsForce = Removal.attempt(force -> engine.removeEnvironment(staging, force));
        assertThat(needsForce.outcome()).isEqualTo(Removal.Outcome.NEEDS_FORCE);
        assertThat(needsForce.lossText()).contains("1 releases").doesNotContain("--force");
        assertThat(engine.environments(project)).hasSize(1);
        engine.removeEnvironment(staging, true);
        assertThat(engine.environments(project)).isEmpty();

        Removal removed = Removal.attempt(force -> engine.removeHost(host, force));
        assertThat(removed.outcome()).isEqualTo(Removal.Outcome.REMOVED);
        assertThat(engine.hosts()).isEmpty();
        assertThat(engine.history(project, 10)).extracting(Event::action).contains("env.detach", "env.remove");
    }
}
