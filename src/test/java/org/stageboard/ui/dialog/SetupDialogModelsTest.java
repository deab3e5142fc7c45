package org.stageboard.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;

/**
 * The view models of the Trust host key, Attach host, Release and Edit config dialogs without
 * JavaFX running, on a real catalog and the in-process SSH server: the key is asked of the host and
 * pinned only by {@code trust()}; a host that cannot be reached says why; a host is attached to the
 * environment chosen; a release shows the config it would snapshot, secrets masked; a config is
 * edited row by row, each key checked with the engine's words, and saved as a new version.
 */
class SetupDialogModelsTest {

    @TempDir
    Path temp;

    private Stageboard engine;
    private SshTestServer server;
    private SetupViewModel setup;
    private Project project;
    private Environment staging;
    private Environment production;

    @BeforeEach
    void open() {
        engine = Stageboard.open(new StageboardHome(temp.resolve("home")));
        server = SshTestServer.start(temp.resolve("ssh"));
        setup = new SetupViewModel(engine);
        try (GitFixture git = GitFixture.init(temp.resolve("repo"))) {
            git.write("README.md", "hi\n").commit("Initial commit");
        }
        project = engine.addProject("demo", temp.resolve("repo"), "main", new Recipe("true", List.of("**")));
        staging = engine.addEnvironment(project, "staging", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
        production = engine.addEnvironment(project, "production", RunSettings.of("java Server.java", "http://127.0.0.1:8080/health"));
    }

    @AfterEach
    void close() {
        engine.close();
        server.close();
    }

    @Test
    void aHostsKeyIsShownThenPinnedOnlyByTrustAndOnceTrustedThereIsNothingToDo() {
        Host host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        TrustHostKeyModel model = new TrustHostKeyModel(setup, host);
        assertThat(model.reason().get()).startsWith("Waiting for the host's key");
        assertThat(model.verdict().get()).isEmpty();
        assertThat(model.pinnedText()).isEqualTo(TrustHostKeyModel.NONE_PINNED);
        assertThatThrownBy(model::trust).isInstanceOf(StageboardException.class).hasMessageContaining("not known yet");

        model.seen(model.ask());
        assertThat(model.checkProperty().get().fingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(model.checkProperty().get().status()).isEqualTo(HostKeyCheck.Status.UNKNOWN);
        assertThat(model.reason().get()).isEmpty();
        assertThat(model.verdict().get()).startsWith("First connection to vps1").contains("ssh-keygen -lf");
        assertThat(model.alreadyTrusted().get()).isFalse();
        assertThat(model.changed()).isFalse();
        assertThat(engine.host("vps1").hostKeyFingerprint()).as("nothing pinned by looking").isNull();

        assertThat(model.trust().hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(engine.host("vps1").hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());

        TrustHostKeyModel again = new TrustHostKeyModel(setup, engine.host("vps1"));
        assertThat(again.pinnedText()).isEqualTo(server.hostKeyFingerprint());
        again.seen(again.ask());
        assertThat(again.alreadyTrusted().get()).isTrue();
        assertThat(again.verdict().get()).startsWith("This key is already trusted");
    }

    @Test
    void aHostThatCannotBeReachedSaysWhyAndCannotBeTrusted() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Host down = engine.addHost("down", "127.0.0.1", closed, server.user(), server.clientKey(), server.baseDir().toString());
        TrustHostKeyModel model = new TrustHostKeyModel(setup, down);
        StageboardException failure = org.assertj.core.api.Assertions.catchThrowableOfType(model::ask, StageboardException.class);
        assertThat(failure).isNotNull();
        model.failed(failure.getMessage());
        assertThat(model.reason().get()).startsWith("Cannot read the key of down (" + down.display() + "): ").contains(failure.getMessage());
        assertThat(model.checkProperty().get()).isNull();
    }

    @Test
    void aHostIsAttachedToTheEnvironmentChosenTheHostJustAddedChosenFirst() {
        AttachHostModel none = new AttachHostModel(setup, List.of(staging, production), null);
        assertThat(none.reason().get()).isEqualTo("Reading the saved hosts…");
        none.hostsRead(none.readHosts());
        assertThat(none.reason().get()).startsWith("No hosts yet");
        assertThatThrownBy(none::save).isInstanceOf(StageboardException.class).hasMessageStartingWith("No hosts yet");

        engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        Host vps2 = engine.addHost("vps2", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        AttachHostModel model = new AttachHostModel(setup, List.of(staging, production), vps2);
        assertThat(model.environmentProperty().get()).isEqualTo(staging);
        model.hostsRead(model.readHosts());
        assertThat(model.hosts()).extracting(Host::name).containsExactly("vps1", "vps2");
        assertThat(model.hostProperty().get().name()).as("the host just added").isEqualTo("vps2");
        model.environmentProperty().set(null);
        assertThat(model.reason().get()).startsWith("Choose the environment");
        model.environmentProperty().set(production);
        assertThat(model.reason().get()).isEmpty();
        assertThat(model.save()).isEqualTo(production);
        assertThat(engine.hosts(production)).extracting(Host::name).containsExactly("vps2");
        assertThat(engine.hosts(staging)).isEmpty();

        AttachHostModel first = new AttachHostModel(setup, List.of(staging), null);
        first.hostsRead(first.readHosts());
        assertThat(first.hostProperty().get().name()).isEqualTo("vps1");
    }

    @Test
    void aReleaseShowsTheConfigItWouldSnapshotSecretsMaskedForTheEnvironmentStillChosen() {
        Build build = engine.build(project, "main", Progress.NONE);
        engine.setConfig(production, Map.of("PORT", new ConfigEntry("PORT", "8080", false),
                "DB_PASSWORD", new ConfigEntry("DB_PASSWORD", "hunter2", true)), Set.of());
        ReleaseDialogModel model = new ReleaseDialogModel(setup, build, List.of(staging, production));
        assertThat(model.environmentProperty().get()).isEqualTo(staging);
        assertThat(model.reason().get()).isEmpty();
        model.readingConfig();
        assertThat(model.configProperty().get()).isEqualTo("reading…");
        model.configRead(staging, model.currentConfig(staging));
        assertThat(model.configProperty().get()).isEqualTo("no config yet: the release will run without environment variables");

        Optional<org.stageboard.core.ConfigVersion> productionConfig = model.currentConfig(production);
        model.configRead(production, productionConfig);
        assertThat(model.configProperty().get()).as("an answer for an environment no longer chosen is ignored").startsWith("no config yet");
        model.environmentProperty().set(production);
        model.configRead(production, productionConfig);
        assertThat(model.configProperty().get()).startsWith("config v1 will be snapshotted: ").contains("PORT=8080")
                .contains("DB_PASSWORD=").doesNotContain("hunter2");
        assertThat(model.save()).isEqualTo(production);

        model.environmentProperty().set(null);
        assertThat(model.reason().get()).isEqualTo("Choose the environment to release to.");
        assertThatThrownBy(model::save).isInstanceOf(StageboardException.class).hasMessage("Choose the environment to release to.");
        assertThat(new ReleaseDialogModel(setup, build, List.of()).reason().get()).startsWith("Add an environment first");
    }

    @Test
    void aConfigIsEditedRowByRowCheckedAsTypedAndSavedAsANewVersion() {
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", "8080", false),
                "DB_PASSWORD", new ConfigEntry("DB_PASSWORD", "hunter2", true)), Set.of());
        ConfigEditModel model = new ConfigEditModel(setup, staging);
        assertThat(model.reason().get()).isEqualTo("Reading the current config of staging…");
        assertThatThrownBy(model::save).isInstanceOf(StageboardException.class).hasMessageContaining("Reading the current config");
        model.loaded(model.read());
        assertThat(model.versionProperty().get()).isEqualTo("Current: config v1 (2 keys)");
        assertThat(model.variables().rows()).extracting(v -> v.keyProperty().get() + "=" + v.valueProperty().get() + (v.secretProperty().get() ? " (secret)" : ""))
                .containsExactlyInAnyOrder("PORT=8080", "DB_PASSWORD=hunter2 (secret)");
        assertThat(model.reason().get()).isEmpty();

        org.stageboard.ui.ConfigVariable row = model.variables().add();
        assertThat(model.reason().get()).as("an empty row is ignored").isEmpty();
        row.valueProperty().set("x");
        assertThat(model.reason().get()).startsWith("Give the variable a name");
        row.keyProperty().set("BAD KEY");
        assertThat(model.reason().get()).as("the engine's words")
                .isEqualTo(org.assertj.core.api.Assertions.catchThrowable(() -> new ConfigEntry("BAD KEY", "", false)).getMessage());
        row.keyProperty().set("PORT");
        assertThat(model.reason().get()).isEqualTo("The key PORT appears twice: keep one.");
        row.keyProperty().set("GREETING");
        row.valueProperty().set("hello");
        assertThat(model.reason().get()).isEmpty();
        model.variables().rows().removeIf(v -> v.keyProperty().get().equals("PORT"));

        org.stageboard.core.ConfigVersion saved = model.save();
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.values()).containsOnlyKeys("DB_PASSWORD", "GREETING").containsEntry("GREETING", "hello");
        assertThat(saved.entries().get("DB_PASSWORD").secret()).isTrue();

        ConfigEditModel none = new ConfigEditModel(setup, production);
        none.loaded(none.read());
        assertThat(none.versionProperty().get()).isEqualTo("No config yet: the first save makes config v1.");
        assertThat(none.variables().rows()).as("one empty row to type in").hasSize(1);
    }
}
