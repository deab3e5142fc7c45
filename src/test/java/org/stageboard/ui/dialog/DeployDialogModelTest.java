package org.stageboard.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.SshTestServer;
import org.stageboard.ui.task.SameThreadTaskExecutor;

/**
 * The Deploy dialog's view model without JavaFX running, on a real catalog and two hosts of the
 * in-process SSH server: Deploy waits for the hosts and the plan read from them; the preferred host
 * is chosen and only its plan shown; "every host" is offered with two hosts and shows every plan;
 * with no host chosen or none attached Deploy is refused with the reason; what it gives is where
 * the release goes.
 */
class DeployDialogModelTest {

    @TempDir
    Path tmp;

    private Stageboard engine;
    private SshTestServer server;
    private Project project;
    private Build build;
    private Environment staging;
    private Host vps1;
    private Host vps2;

    @BeforeEach
    void open() {
        engine = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        server = SshTestServer.start(tmp.resolve("ssh"));
        String sha;
        try (GitFixture git = GitFixture.init(tmp.resolve("repo"))) {
            sha = git.write("app.txt", "a light app\n").commit("app");
        }
        project = engine.addProject("demo", tmp.resolve("repo"), null, new Recipe("true", List.of("app.txt")));
        staging = engine.addEnvironment(project, "staging", new RunSettings("sleep 300", "command:true", 20, 2, 5));
        vps1 = host("vps1");
        vps2 = host("vps2");
        build = engine.build(project, sha, Progress.NONE);
    }

    private Host host(String name) {
        Host host = engine.addHost(name, server.address(), server.port(), server.user(), server.clientKey(),
                server.baseDir().resolve(name).toString());
        return engine.trustHostKey(host, server.hostKeyFingerprint());
    }

    @AfterEach
    void close() {
        engine.close();
        server.close();
    }

    /** A model whose hosts are read from the engine when asked, or held back until {@code release} runs. */
    private DeployDialogModel model(Release release, List<Runnable> heldBack) {
        return new DeployDialogModel(release, engine, new SameThreadTaskExecutor(), (r, then) -> {
            Runnable load = () -> then.accept(engine.hosts(engine.environmentOf(r)));
            if (heldBack == null) {
                load.run();
            } else {
                heldBack.add(load);
            }
        });
    }

    @Test
    void deployWaitsForTheHostsAndThePlanThenGoesToThePreferredHostOrEveryHost() {
        engine.attachHost(staging, vps1);
        engine.attachHost(staging, vps2);
        Release release = engine.release(build, staging);
        List<Runnable> held = new ArrayList<>();
        DeployDialogModel model = model(release, held).prefer(vps2);
        assertThat(model.waiting().get()).isTrue();
        assertThat(model.reason().get()).as("nothing to say while the hosts are read").isEmpty();
        assertThat(model.hostsPrompt()).isEqualTo("loading the hosts of staging…");

        model.load();
        assertThat(model.plannedProperty().get()).isTrue();
        assertThat(model.waiting().get()).as("the hosts are not read yet").isTrue();
        held.forEach(Runnable::run);
        assertThat(model.waiting().get()).isFalse();
        assertThat(model.hosts()).extracting(Host::name).containsExactly("vps1", "vps2");
        assertThat(model.hostProperty().get().name()).isEqualTo("vps2");
        assertThat(model.reason().get()).isEmpty();
        assertThat(model.planStatusProperty().get()).isEmpty();
        assertThat(model.shownPlans().get()).containsOnlyKeys("vps2");
        assertThat(model.shownPlans().get().get("vps2")).first().isEqualTo("now: nothing deployed");
        assertThat(model.shownPlans().get().get("vps2")).anySatisfy(line -> assertThat(line).startsWith("→ will run staging v1"));
        assertThat(model.save()).isEqualTo(DeployTarget.one(model.hostProperty().get()));

        assertThat(model.allHostsOffered().get()).isTrue();
        assertThat(model.allHostsText()).isEqualTo("every host of staging, as its rollout says (Environments ▸ Run settings…)");
        model.allHostsProperty().set(true);
        assertThat(model.shownPlans().get().keySet()).containsExactly("vps1", "vps2");
        assertThat(model.save()).isEqualTo(DeployTarget.all());

        model.allHostsProperty().set(false);
        model.hostProperty().set(null);
        assertThat(model.reason().get()).isEqualTo("Choose the host to deploy to, or every host of staging.");
        assertThatThrownBy(model::save).isInstanceOf(StageboardException.class).hasMessageStartingWith("Choose the host");
        model.hostProperty().set(model.hosts().get(0));
        assertThat(model.shownPlans().get()).containsOnlyKeys("vps1");
        assertThat(model.save().host().name()).isEqualTo("vps1");
        assertThat(engine.recentRuns(staging, vps1, 5)).as("the plan changed nothing").isEmpty();
    }

    @Test
    void withOneHostEveryHostIsNotAChoiceOfItsOwn() {
        engine.attachHost(staging, vps1);
        DeployDialogModel model = model(engine.release(build, staging), null);
        model.load();
        assertThat(model.hostProperty().get().name()).as("the first, none preferred").isEqualTo("vps1");
        assertThat(model.allHostsOffered().get()).isFalse();
        assertThat(model.shownPlans().get()).containsOnlyKeys("vps1");
    }

    @Test
    void withNoHostAttachedDeployIsRefusedSayingWhatToDo() {
        DeployDialogModel model = model(engine.release(build, staging), null);
        model.load();
        assertThat(model.waiting().get()).isFalse();
        assertThat(model.hostProperty().get()).isNull();
        assertThat(model.reason().get()).isEqualTo("No host is attached to staging: add one under Hosts ▸ Add host…, trust its key, and attach it.");
        assertThat(model.planStatusProperty().get()).isEqualTo("No plan: staging has no host.");
        assertThat(model.shownPlans().get()).isEmpty();
        assertThatThrownBy(model::save).isInstanceOf(StageboardException.class).hasMessageStartingWith("No host is attached to staging");
    }
}
